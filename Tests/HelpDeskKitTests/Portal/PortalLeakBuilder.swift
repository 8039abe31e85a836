import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

/// Builds a desk for the leak tests through the engine's public commands while recording the
/// independent ``PortalLeakModel`` and the strings no portal read may ever show.
struct LeakDeskBuilder {
    /// The desk being built.
    let test: TestDesk
    /// The model of what was built.
    var model = PortalLeakModel()
    /// Strings no contact may ever see: internal notes, labor, audit, tokens, staff data.
    var global: [String] = []
    /// Per company, strings the other companies' contacts may never see.
    var companySecrets: [CompanyID: [String]] = [:]
    /// A category hidden from clients.
    var hiddenCategory: ServiceCategory
    /// How many markers were handed out.
    private var counter = 0

    /// The engine.
    var desk: HelpDesk { test.desk }
    /// The dispatcher acting for the desk.
    var anna: Performer { .employee(test.anna.id) }
    /// Today in the labor calendar (the test desk's start).
    static let today = try! LocalDate(parsing: "2026-03-02")

    /// A fresh desk (ratings on) with a category hidden from clients, and the staff's data recorded as secret.
    static func start(seed: UInt64 = 42) async throws -> LeakDeskBuilder {
        var configuration = HelpDeskConfiguration()
        configuration.ratings = .standard
        let test = try await TestDesk.make(configuration: configuration, seed: seed)
        let hidden = try await test.desk.addCategory(
            NewServiceCategory(name: "HIDDEN-CAT-e41d Escalations", isVisibleToClients: false), by: .system)
        var builder = LeakDeskBuilder(test: test, hiddenCategory: hidden)
        let staff = [test.anna, test.boris, test.former]
        builder.global += staff.flatMap { [$0.email, $0.id.description] }
        builder.global += [test.serviceDesk.id.description, test.fieldEngineers.id.description]
        builder.global += [hidden.name, hidden.id.description]
        // Agent-only status labels and codes, and the fields of internal records.
        builder.global += ["\"New\"", "\"Waiting for client\"", "\"Postponed\"", "waiting_for_client", "in_progress"]
        builder.global += [
            "TimeEntry", "AuditEntry", "spentMinutes", "chargedMinutes", "CommentVisibility", "assigneeID",
            "watcherIDs", "customFields", "hourlyCost", "RatingToken", "Former Colleague",
        ]
        return builder
    }

    /// The next unique marker number.
    private mutating func next() -> Int {
        counter += 1
        return counter
    }

    /// Adds a company with internal notes and registration data.
    mutating func company(_ name: String, sharing: TicketSharing) async throws -> CompanyID {
        let n = next()
        let notes = "NOTES-5d2c-\(n) pays late"
        let company = try await desk.addCompany(
            NewCompany(name: name, registration: ["INN": "REG-77a1-\(n)"], notes: notes, ticketSharing: sharing),
            by: .system)
        global += [notes, "REG-77a1-\(n)"]
        companySecrets[company.id] = [name, company.id.description]
        model.companies[company.id] = LeakCompany(id: company.id, name: name, sharing: sharing, locations: [])
        return company.id
    }

    /// Changes a company's sharing mode.
    mutating func share(_ company: CompanyID, _ sharing: TicketSharing) async throws {
        _ = try await desk.updateCompany(company, CompanyUpdate(ticketSharing: sharing), by: .system)
        model.companies[company]!.sharing = sharing
    }

    /// Adds a location.
    mutating func location(_ name: String, of company: CompanyID) async throws -> LocationID {
        let location = try await desk.addLocation(NewLocation(companyID: company, name: name), by: .system)
        companySecrets[company]! += [name, location.id.description]
        model.companies[company]!.locations.append(location.id)
        return location.id
    }

    /// Adds a contact with an email (secret from other companies) and a phone (secret from everybody).
    mutating func contact(
        _ name: String, of company: CompanyID, at primary: LocationID? = nil, also additional: [LocationID] = [],
        scope: PortalScope = .ownTickets, billing: Bool = false, mayFile: Bool = true, mayApprove: Bool = false
    ) async throws -> ContactID {
        let n = next()
        let email = "contact\(n)@client-9c.example"
        let phone = "PHONE-2b7e-\(n)"
        let contact = try await desk.addContact(
            NewContact(
                companyID: company, locationID: primary, name: name, email: email, phone: phone,
                mayFileTickets: mayFile, mayApprovePaidWork: mayApprove, portalScope: scope,
                additionalLocationIDs: additional, mayViewBilling: billing),
            by: .system)
        global.append(phone)
        companySecrets[company]! += [name, email, contact.id.description]
        model.contacts[contact.id] = LeakContact(
            id: contact.id, companyID: company, name: name, primary: primary, additional: additional, scope: scope,
            mayViewBilling: billing, isActive: true)
        return contact.id
    }

    /// Records that a contact has left.
    mutating func deactivate(_ contact: ContactID) async throws {
        _ = try await desk.updateContact(contact, ContactUpdate(isActive: false), by: .system)
        model.contacts[contact]!.isActive = false
    }

    /// Changes a contact's scope and locations.
    mutating func move(_ contact: ContactID, scope: PortalScope, at primary: LocationID?, also: [LocationID])
        async throws
    {
        _ = try await desk.updateContact(
            contact, ContactUpdate(locationID: .some(primary), portalScope: scope, additionalLocationIDs: also),
            by: .system)
        model.contacts[contact]!.scope = scope
        model.contacts[contact]!.primary = primary
        model.contacts[contact]!.additional = also
    }

    /// Files a ticket (by Anna, or by the requesting contact through its portal) and models it: a
    /// contact requester fills in its company and, when none is given, its location; a location its company.
    mutating func ticket(
        _ title: String, tag: String, requester: Requester, company: CompanyID? = nil, at location: LocationID? = nil,
        cc: [ContactID] = [], category: CategoryID? = nil, viaPortal: Bool = false
    ) async throws -> TicketID {
        let n = next()
        let ticket: Ticket
        if viaPortal, case .contact(let me) = requester {
            let filed = try await desk.portal(for: me).file(
                PortalTicketRequest(
                    title: title, description: "As filed \(tag)", categoryID: category, locationID: location,
                    ccContactIDs: cc))
            ticket = try await desk.ticket(filed.id, as: .system)
        } else {
            ticket = try await desk.createTicket(
                NewTicket(
                    title: title, description: "As filed \(tag)", channel: .email, categoryID: category,
                    requester: requester, companyID: company, locationID: location, assigneeID: test.anna.id,
                    watcherIDs: [test.boris.id], customFields: ["costCenter": .text("CUSTOM-9b1e-\(n)")],
                    ccContactIDs: cc),
                by: anna)
            global.append("CUSTOM-9b1e-\(n)")
        }
        var contact: LeakContact?
        if case .contact(let id) = requester { contact = model.contacts[id] }
        let modelLocation = location ?? contact?.primary
        let owner =
            company ?? contact?.companyID
            ?? model.companies.values.first { company in
                modelLocation.map(company.locations.contains) ?? false
            }?.id
        if case .freeText(let name) = requester, let owner { companySecrets[owner]!.append(name) }
        if let owner { companySecrets[owner]! += [title, ticket.id.description] }
        model.tickets.append(
            LeakTicket(
                id: ticket.id, number: ticket.number, title: title, tag: tag, companyID: owner,
                locationID: modelLocation, requester: contact?.id, cc: cc, category: .new, createdAt: ticket.createdAt,
                updatedAt: ticket.updatedAt))
        LeakCheck.expectSame(ticket, model.tickets.last!)
        return ticket.id
    }

    /// Adds a public reply carrying the ticket's tag and an internal note with a unique marker.
    mutating func converse(on id: TicketID) async throws {
        let tag = model.tickets.first { $0.id == id }!.tag
        _ = try await desk.comment(on: id, NewComment("Public reply on \(tag): an engineer is on the way."), by: anna)
        let body = "INTERNAL-7f3a-\(next()) the client is difficult, keep the discount quiet"
        let note = try await desk.comment(on: id, NewComment(body, visibility: .internal), by: anna)
        global += [body, note.id.description]
    }

    /// Logs labor with an internal comment, and adds a specification line carrying the tag.
    mutating func work(on id: TicketID, approval: Bool = false) async throws {
        let tag = model.tickets.first { $0.id == id }!.tag
        let comment = "LABOR-c0st-\(next()) overtime at double rate"
        let entry = try await desk.logTime(
            on: id, NewTimeEntry(workDate: Self.today, minutes: 37, comment: comment), by: anna)
        global += [comment, entry.id.description]
        let specification = try await desk.addSpecificationLine(
            to: id,
            NewSpecificationLine(
                description: "Work on \(tag)", pricing: .perItem, quantity: 2,
                price: Price(Money(minorUnits: 12_50, currency: .rub))),
            by: anna)
        global += specification.lines.map(\.id.description)
        if approval { _ = try await desk.requestApproval(of: id, by: anna) }
    }

    /// Moves a ticket to `status` the way staff would (postponing for three days, closing after resolving).
    mutating func status(_ id: TicketID, _ status: StatusCode) async throws {
        switch status {
        case .new: break
        case .postponed:
            _ = try await desk.postpone(id, until: test.clock.now.addingTimeInterval(3 * 86_400), by: anna)
        case .closed:
            _ = try await desk.changeStatus(id, to: .resolved, by: anna)
            _ = try await desk.changeStatus(id, to: .closed, by: anna)
        default:
            _ = try await desk.changeStatus(id, to: status, by: anna)
        }
        let index = model.tickets.firstIndex { $0.id == id }!
        model.tickets[index].category = PortalLeakModel.category(of: status)
    }

    /// Records the last change of every ticket, and the audit entries, rating tokens and internal
    /// comments the desk wrote as secret.
    mutating func finish() async throws {
        for index in model.tickets.indices {
            let id = model.tickets[index].id
            let stored = try await desk.ticket(id, as: .system)
            model.tickets[index].updatedAt = stored.updatedAt
            global += try await desk.auditTrail(of: id, as: .system).map(\.id.description)
            for request in try await desk.ratingRequests(of: id, as: .system) {
                global += [request.token.rawValue, request.id.description]
            }
            for comment in try await desk.comments(on: id, as: .system) where comment.visibility == .internal {
                global += [comment.id.description, comment.body]
            }
        }
    }

    /// What the contact may never see: the global secrets, other companies' records, and its own
    /// company's tickets outside its scope (by tag).
    func forbidden(for id: ContactID) -> [String] {
        let company = model.contacts[id]!.companyID
        let foreign = companySecrets.filter { $0.key != company }.flatMap(\.value)
        return global + foreign + model.tickets.filter { !model.sees(id, $0) }.map(\.tag)
    }
}
