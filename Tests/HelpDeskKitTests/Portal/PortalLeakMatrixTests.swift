import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Issue #18's leak matrix: every contact of ``PortalLeakFixture`` × every portal read, against the
/// independent ``PortalLeakModel`` and the fixture's secrets.
@Suite("Portal leak matrix: every contact × every portal read")
struct PortalLeakMatrixTests {
    /// The fixture exercises what the matrix claims: every sharing mode and effective scope, further
    /// locations, a location scope without location, billing on and off, a copied and a departed contact.
    @Test func theFixtureCoversEveryScopeAndSharingMode() async throws {
        let f = try await PortalLeakFixture.make()
        let model = f.b.model
        let contacts = Array(model.contacts.values)
        #expect(Set(model.companies.values.map(\.sharing)) == Set(TicketSharing.allCases))
        #expect(Set(contacts.filter(\.isActive).map(model.effectiveScope)) == Set(PortalScope.allCases))
        #expect(Set(contacts.map(\.scope)) == Set(PortalScope.allCases))
        #expect(
            contacts.contains {
                $0.primary != nil && !$0.additional.isEmpty && model.effectiveScope(of: $0) == .location
            })
        #expect(
            contacts.contains {
                $0.primary == nil && !$0.additional.isEmpty && model.effectiveScope(of: $0) == .location
            })
        #expect(contacts.contains { $0.scope == .location && $0.locations.isEmpty })
        #expect(Set(contacts.map(\.mayViewBilling)) == [true, false])
        #expect(contacts.contains { !$0.isActive })
        #expect(model.tickets.contains { !$0.cc.isEmpty })
        #expect(model.tickets.contains { $0.locationID == nil && $0.companyID != nil })
        #expect(model.tickets.contains { $0.requester == nil && $0.companyID != nil })
        #expect(model.tickets.contains { $0.companyID == nil })
        // Contacts see different sets unless the company shares everything: the matrix is not trivial.
        for company in model.companies.values {
            let active = contacts.filter { $0.companyID == company.id && $0.isActive }
            let sets = Set(active.map { Set(model.visible(to: $0.id).map(\.id)) })
            #expect(company.sharing == .all ? sets.count == 1 : sets.count >= 4, "\(company.name)")
        }
        // The secrets are real: the staff's view of a ticket shows them, and the dump finds them.
        let ticket = model.tickets[0]
        let staffView: [Any] = [
            try await f.b.desk.ticket(ticket.id, as: .system), try await f.b.desk.comments(on: ticket.id, as: .system),
            try await f.b.desk.timeEntries(on: ticket.id, as: .system),
            try await f.b.desk.auditTrail(of: ticket.id, as: .system),
        ]
        let found = LeakCheck.leaks(in: staffView, f.b.global)
        for needle in ["INTERNAL-7f3a", "LABOR-c0st", "CUSTOM-9b1e", "AuditEntry", "TimeEntry", "watcherIDs"] {
            #expect(found.contains { $0.contains(needle) }, "the dump should find \(needle)")
        }
    }

    /// (a) + (b) + (c) for tickets: each contact lists, pages and reads exactly its tickets, and finds
    /// every other ticket (its colleagues' and other companies') not found, by id and by number.
    @Test func everyContactListsAndReadsExactlyItsScope() async throws {
        let f = try await PortalLeakFixture.make()
        for (_, id) in f.contacts {
            try await LeakCheck.expectTicketReads(f.b, id, queries: f.queries)
        }
        try await LeakCheck.expectTicketReads(f.b, ContactID(UUID()), queries: [])
    }

    /// (c) for the directory reads: categories visible to clients only; the contact's filing
    /// locations and the equipment there; nothing internal or foreign in any of them.
    @Test func directoryReadsShowOnlyTheContactsOwnRecords() async throws {
        let f = try await PortalLeakFixture.make()
        let model = f.b.model
        let visibleCategories: Set<CategoryID> = [f.b.test.printers.id, f.b.test.onSite.id]
        for (label, id) in f.active {
            let portal = f.b.desk.portal(for: id)
            let forbidden = f.b.forbidden(for: id)
            let categories = try await portal.categories()
            #expect(Set(categories.map(\.id)) == visibleCategories, "\(label)'s categories")
            LeakCheck.expectClean(categories, forbidden, "\(label)'s categories")
            let locations = try await portal.locations()
            #expect(Set(locations.map(\.id)) == model.filingLocations(of: id), "\(label)'s locations")
            LeakCheck.expectClean(locations, forbidden, "\(label)'s locations")
            let equipment = try await portal.equipment()
            #expect(Set(equipment.map(\.id)) == model.equipment(of: id), "\(label)'s equipment")
            LeakCheck.expectClean(equipment, forbidden, "\(label)'s equipment")
        }
    }

    /// (d) Balances, statement and invoices: allowed exactly when the contact may see billing, and
    /// then only its own company's accounts and contracts; otherwise refused as forbidden.
    @Test func billingReadsFollowMayViewBillingAndStayInTheCompany() async throws {
        let f = try await PortalLeakFixture.make()
        for (label, id) in f.active {
            let contact = f.b.model.contacts[id]!
            let portal = f.b.desk.portal(for: id)
            let forbidden = f.b.forbidden(for: id)
            let balances = await LeakCheck.outcome { () async throws(HelpDeskError) in try await portal.balances() }
            let statement = await LeakCheck.outcome { () async throws(HelpDeskError) in
                try await portal.statement(in: PortalLeakFixture.rub, period: PortalLeakFixture.period)
            }
            let invoices = await LeakCheck.outcome { () async throws(HelpDeskError) in try await portal.invoices() }
            guard contact.mayViewBilling else {
                for (what, error) in [
                    ("balances", balances.error), ("statement", statement.error), ("invoices", invoices.error),
                ] {
                    #expect(error?.code == .forbidden, "\(label) reads its \(what): \(String(describing: error))")
                }
                continue
            }
            let accounts = try balances.get()
            #expect(!accounts.isEmpty && accounts.allSatisfy { $0.account.companyID == contact.companyID }, "\(label)")
            LeakCheck.expectClean(accounts, forbidden, "\(label)'s balances")
            let wallet = try #require(try statement.get(), "\(label)'s statement")
            #expect(wallet.account.companyID == contact.companyID && !wallet.lines.isEmpty)
            LeakCheck.expectClean(wallet, forbidden, "\(label)'s statement")
            let bills = try invoices.get()
            #expect(bills.map(\.contractNumber) == ["K-\(label.prefix(1))-1"], "\(label)'s invoices")
            LeakCheck.expectClean(bills, forbidden, "\(label)'s invoices")
        }
    }

    /// Departed and unknown contacts are refused by every portal read and command.
    @Test func inactiveAndUnknownContactsAreRefusedEverywhere() async throws {
        let f = try await PortalLeakFixture.make()
        let departed = f.contacts.map(\.id).filter { !f.b.model.contacts[$0]!.isActive }
        #expect(departed.count == 3)
        let before = try await f.b.test.snapshot()
        for id in departed + [ContactID(UUID())] {
            let expected = f.b.model.refusal(of: id)!
            let portal = f.b.desk.portal(for: id)
            let own = f.b.model.tickets.first { $0.requester == id }?.id ?? f.b.model.tickets[0].id
            let calls: [(String, () async throws(HelpDeskError) -> Any)] = [
                ("tickets", { () async throws(HelpDeskError) in try await portal.tickets() }),
                ("ticket", { () async throws(HelpDeskError) in try await portal.ticket(own) }),
                ("categories", { () async throws(HelpDeskError) in try await portal.categories() }),
                ("locations", { () async throws(HelpDeskError) in try await portal.locations() }),
                ("equipment", { () async throws(HelpDeskError) in try await portal.equipment() }),
                ("balances", { () async throws(HelpDeskError) in try await portal.balances() }),
                ("invoices", { () async throws(HelpDeskError) in try await portal.invoices() }),
                (
                    "statement",
                    { () async throws(HelpDeskError) in
                        try await portal.statement(in: PortalLeakFixture.rub, period: PortalLeakFixture.period) as Any
                    }
                ),
                ("reply", { () async throws(HelpDeskError) in try await portal.reply(to: own, "Hello?") }),
                ("file", { () async throws(HelpDeskError) in try await portal.file(PortalTicketRequest(title: "Hi")) }),
            ]
            for (what, call) in calls {
                await LeakCheck.expectRefused(expected, "\(f.label(id)): \(what)", call)
            }
        }
        #expect(try await f.b.test.snapshot() == before)
    }

    /// (e) Refused calls — replies, reopenings, ratings and approvals on tickets outside the scope,
    /// filing at another company's location, billing without the right — and every read leave the
    /// store exactly as it was.
    @Test func refusedCallsAndReadsChangeNothing() async throws {
        let f = try await PortalLeakFixture.make()
        let model = f.b.model
        let before = try await f.b.test.snapshot()
        for (label, id) in f.active {
            let portal = f.b.desk.portal(for: id)
            for ticket in model.tickets where !model.sees(id, ticket) {
                let hidden = HelpDeskError.ticketNotFound(ticket.id)
                await LeakCheck.expectRefused(hidden, "\(label) replies on \(ticket.tag)") {
                    () async throws(HelpDeskError) in try await portal.reply(to: ticket.id, "Me too")
                }
                await LeakCheck.expectRefused(hidden, "\(label) reopens \(ticket.tag)") {
                    () async throws(HelpDeskError) in
                    try await portal.reopen(ticket.id, reason: "Still broken")
                }
                await LeakCheck.expectRefused(hidden, "\(label) rates \(ticket.tag)") {
                    () async throws(HelpDeskError) in
                    try await portal.rate(ticket.id, score: 1)
                }
                await LeakCheck.expectRefused(hidden, "\(label) approves \(ticket.tag)") {
                    () async throws(HelpDeskError) in
                    try await portal.approvePaidWork(of: ticket.id)
                }
                await LeakCheck.expectRefused(hidden, "\(label) declines \(ticket.tag)") {
                    () async throws(HelpDeskError) in
                    try await portal.declinePaidWork(of: ticket.id, reason: "Too dear")
                }
            }
            let company = model.contacts[id]!.companyID
            for other in model.companies.values where other.id != company {
                let request = PortalTicketRequest(title: "Elsewhere", locationID: other.locations[0])
                let filed = await LeakCheck.outcome { () async throws(HelpDeskError) in try await portal.file(request) }
                #expect(filed.error?.code == .forbidden, "\(label) files at \(other.name)")
            }
            _ = await LeakCheck.outcome { () async throws(HelpDeskError) in try await portal.balances() }
            _ = await LeakCheck.outcome { () async throws(HelpDeskError) in try await portal.invoices() }
            _ = try await portal.tickets()
            for ticket in model.visible(to: id) { _ = try await portal.ticket(ticket.id) }
            _ = try await portal.equipment()
        }
        #expect(try await f.b.test.snapshot() == before, "a refused call or a read changed the store")
    }
}

/// Reading a failure's error without a switch.
extension Result {
    /// The error of a failure, `nil` for a success.
    var error: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
