/// What a contact may see and do in the portal, resolved from the contact and its company's
/// ``Company/ticketSharing``: the client-side counterpart of ``StaffAuthority``.
public struct ContactAuthority: Hashable, Sendable {
    /// The contact.
    public let contactID: ContactID
    /// The contact's company; a contact never reaches another company's records.
    public let companyID: CompanyID
    /// The company's sharing mode the authority was resolved under.
    public let sharing: TicketSharing
    /// The scope in force: the contact's own under ``TicketSharing/perMember``, `ownTickets` under
    /// `none`, `company` under `all`; a location scope without locations narrows to own tickets.
    public let scope: PortalScope
    /// The locations the contact works at or looks after.
    public let locationIDs: Set<LocationID>
    /// May file tickets.
    public let mayFileTickets: Bool
    /// May approve or decline paid work.
    public let mayApprovePaidWork: Bool
    /// May see the company's balance, statement and invoices.
    public let mayViewBilling: Bool

    /// The authority of `contact` in a company sharing tickets as `sharing`.
    public init(contact: Contact, sharing: TicketSharing) {
        contactID = contact.id
        companyID = contact.companyID
        self.sharing = sharing
        locationIDs = contact.locationIDs
        mayFileTickets = contact.mayFileTickets
        mayApprovePaidWork = contact.mayApprovePaidWork
        mayViewBilling = contact.mayViewBilling
        let chosen: PortalScope =
            switch sharing {
            case .none: .ownTickets
            case .perMember: contact.portalScope
            case .all: .company
            }
        scope = chosen == .location && locationIDs.isEmpty ? .ownTickets : chosen
    }

    /// `true` when the contact may read `ticket`: it requested it or is copied on it, or the
    /// ticket is at one of its locations (location scope) or anywhere in its company (company scope).
    public func reads(_ ticket: Ticket) -> Bool {
        readableTickets.contains { $0.matches(ticket) }
    }

    /// The tickets the contact may read, as "any of" clauses for ``TicketQuery/reach``.
    public var readableTickets: [TicketReachClause] {
        let company: Set<CompanyID?> = [companyID]
        switch scope {
        case .company:
            return [TicketReachClause(companyIDs: company)]
        case .location:
            return [
                TicketReachClause(companyIDs: company, locationIDs: Set(locationIDs.map { Optional($0) })),
                TicketReachClause(companyIDs: company, requesters: [.contact(contactID)]),
                TicketReachClause(companyIDs: company, copying: [contactID]),
            ]
        case .ownTickets:
            return [
                TicketReachClause(companyIDs: company, requesters: [.contact(contactID)]),
                TicketReachClause(companyIDs: company, copying: [contactID]),
            ]
        }
    }

    /// `true` when the contact may file a ticket at `location` (`nil`: none named): anywhere in its
    /// company when company-scoped or without a location of its own, otherwise at its own locations.
    public func files(at location: LocationID?) -> Bool {
        guard mayFileTickets else { return false }
        guard scope != .company, !locationIDs.isEmpty, let location else { return true }
        return locationIDs.contains(location)
    }
}
