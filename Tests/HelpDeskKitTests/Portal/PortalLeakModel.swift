import Foundation
import HelpDeskKit

// An independent model of a desk's client side. The portal's expected answers are computed here
// from the rules' own words (issue #18), never by asking `ContactAuthority` or the access policy.

/// A client company as the leak tests model it.
struct LeakCompany: Sendable {
    /// The company.
    var id: CompanyID
    /// Its name.
    var name: String
    /// How its contacts share tickets.
    var sharing: TicketSharing
    /// Its locations, in the order added.
    var locations: [LocationID]
}

/// A contact as the leak tests model it.
struct LeakContact: Sendable {
    /// The contact.
    var id: ContactID
    /// Its company.
    var companyID: CompanyID
    /// Its name.
    var name: String
    /// The location it works at.
    var primary: LocationID?
    /// The further locations it looks after.
    var additional: [LocationID]
    /// Its own portal scope.
    var scope: PortalScope
    /// May see billing.
    var mayViewBilling: Bool
    /// Still with the company.
    var isActive: Bool

    /// Every location it works at or looks after.
    var locations: Set<LocationID> { Set(additional + (primary.map { [$0] } ?? [])) }
}

/// A ticket as the leak tests model it.
struct LeakTicket: Sendable {
    /// The ticket.
    var id: TicketID
    /// Its number.
    var number: TicketNumber
    /// Its title (carries the ticket's tag).
    var title: String
    /// A bracketed tag found in every client-visible text of the ticket, e.g. `[N3]`.
    var tag: String
    /// Its company, if any.
    var companyID: CompanyID?
    /// Its location, if any.
    var locationID: LocationID?
    /// The contact who requested it (`nil`: a free-text requester).
    var requester: ContactID?
    /// The contacts copied on it.
    var cc: [ContactID]
    /// Its status category.
    var category: StatusCategory
    /// When it was registered.
    var createdAt: Date
    /// When it last changed (filled in once the desk is built).
    var updatedAt: Date
}

/// Everything the expectation needs: companies, contacts, tickets, equipment.
struct PortalLeakModel: Sendable {
    /// Companies by identifier.
    var companies: [CompanyID: LeakCompany] = [:]
    /// Contacts by identifier.
    var contacts: [ContactID: LeakContact] = [:]
    /// Tickets in the order filed.
    var tickets: [LeakTicket] = []
    /// Equipment: each asset with the location it stands at.
    var assets: [AssetID: LocationID] = [:]

    /// Why a contact is refused altogether, if it is.
    func refusal(of id: ContactID) -> HelpDeskError? {
        guard let contact = contacts[id] else { return .contactNotFound(id) }
        return contact.isActive ? nil : .contactInactive(id)
    }

    /// The scope in force: own tickets when the company shares nothing, the company when it shares
    /// everything, else the contact's own; a location scope without any location means own tickets.
    func effectiveScope(of contact: LeakContact) -> PortalScope {
        let sharing = companies[contact.companyID]!.sharing
        let chosen: PortalScope = sharing == .none ? .ownTickets : sharing == .all ? .company : contact.scope
        if chosen == .location && contact.primary == nil && contact.additional.isEmpty { return .ownTickets }
        return chosen
    }

    /// `true` when the contact should see the ticket: same company, and requested by it, copied to
    /// it, at one of its locations (location scope), or anywhere (company scope).
    func sees(_ id: ContactID, _ ticket: LeakTicket) -> Bool {
        guard let contact = contacts[id], contact.isActive, ticket.companyID == contact.companyID else { return false }
        if ticket.requester == id || ticket.cc.contains(id) { return true }
        switch effectiveScope(of: contact) {
        case .company: return true
        case .location: return ticket.locationID.map { contact.locations.contains($0) } ?? false
        case .ownTickets: return false
        }
    }

    /// The tickets the contact should see, in filing order.
    func visible(to id: ContactID) -> [LeakTicket] { tickets.filter { sees(id, $0) } }

    /// The locations the contact files at: all of its company's when it is company-scoped or has no
    /// location, else its own.
    func filingLocations(of id: ContactID) -> Set<LocationID> {
        let contact = contacts[id]!
        let all = Set(companies[contact.companyID]!.locations)
        if effectiveScope(of: contact) == .company || contact.locations.isEmpty { return all }
        return contact.locations
    }

    /// The equipment the contact sees: the assets at its filing locations.
    func equipment(of id: ContactID) -> Set<AssetID> {
        let locations = filingLocations(of: id)
        return Set(assets.filter { locations.contains($0.value) }.keys)
    }

    /// The expected page of `query` for the contact: ticket ids in order, and the total count.
    func page(_ query: PortalTicketQuery, for id: ContactID) -> (ids: [TicketID], total: Int) {
        let matching = visible(to: id).filter { ticket in
            if let categories = query.statusCategories, !categories.contains(ticket.category) { return false }
            if let text = query.text, !text.isEmpty, !ticket.title.lowercased().contains(text.lowercased()) {
                return false
            }
            if let locations = query.locationIDs {
                guard let location = ticket.locationID, locations.contains(location) else { return false }
            }
            if query.requestedByMe && ticket.requester != id { return false }
            return true
        }
        let ordered = matching.sorted { a, b in
            let (x, y) = (a.number.rawValue, b.number.rawValue)
            switch query.sort {
            case .newest: return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : x > y
            case .oldest: return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : x < y
            case .number: return x < y
            }
        }
        let page = ordered.dropFirst(query.offset).prefix(query.limit)
        return (page.map(\.id), matching.count)
    }

    /// The status category a status of the standard workflow belongs to (from its documentation).
    static func category(of status: StatusCode) -> StatusCategory {
        switch status {
        case .new: .new
        case .inProgress: .open
        case .waitingForClient, .postponed: .waiting
        case .resolved: .resolved
        case .closed: .closed
        default: .cancelled
        }
    }
}
