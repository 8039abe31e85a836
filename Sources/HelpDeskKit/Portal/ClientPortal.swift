import Foundation

/// The client portal for one contact: everything a portal page needs, each call made as that
/// contact through the engine's access seam, so it sees and does exactly what its
/// ``ContactAuthority`` allows and nothing internal.
///
/// ```swift
/// let portal = desk.portal(for: olga.id)
/// let mine = try await portal.tickets(.active)
/// ```
public struct ClientPortal: Sendable {
    /// The desk behind the portal.
    public let desk: HelpDesk
    /// The signed-in contact.
    public let contactID: ContactID

    /// The portal of `contactID` on `desk`.
    public init(desk: HelpDesk, contactID: ContactID) {
        self.desk = desk
        self.contactID = contactID
    }

    private var me: Performer { .contact(contactID) }

    // MARK: Tickets

    /// One page of the tickets the contact may see, filtered and ordered.
    public func tickets(_ query: PortalTicketQuery = PortalTicketQuery()) async throws(HelpDeskError)
        -> PortalTicketPage
    {
        try await desk.portalTickets(query, for: contactID)
    }

    /// One ticket as the client sees it; a ticket outside the contact's reach is not found.
    public func ticket(_ id: TicketID) async throws(HelpDeskError) -> PortalTicket {
        try await desk.portalTicket(id, for: contactID)
    }

    /// The ticket with `number`, as ``ticket(_:)``.
    public func ticket(number: TicketNumber) async throws(HelpDeskError) -> PortalTicket {
        try await desk.portalTicket(try await desk.ticket(number: number, as: me).id, for: contactID)
    }

    /// Files a ticket through the portal (only categories visible to clients; location and
    /// equipment among the contact's own) and returns it as the client sees it.
    public func file(_ request: PortalTicketRequest, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> PortalTicket
    {
        let ticket = try await desk.portalFile(request, for: contactID, key: idempotencyKey)
        return try await desk.portalTicket(ticket.id, for: contactID)
    }

    /// Adds a public reply, with files.
    @discardableResult
    public func reply(
        to id: TicketID, _ text: String, attachments: [Attachment] = [], idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> PortalComment {
        let comment = try await desk.comment(
            on: id, NewComment(text, visibility: .public, attachments: attachments), by: me,
            idempotencyKey: idempotencyKey)
        return try await desk.portalTicket(id, for: contactID).conversation.first { $0.id == comment.id }
            ?? PortalComment(
                id: comment.id, authorName: "", isFromClient: true, body: comment.body,
                attachments: comment.attachments,
                createdAt: comment.createdAt)
    }

    /// Reopens a resolved ticket, saying why (refused with ``HelpDeskError/reopenNotAllowed(_:status:)``
    /// where the workflow does not let a client reopen it).
    public func reopen(_ id: TicketID, reason: String, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> PortalTicket
    {
        _ = try await desk.portalReopen(id, reason: reason, for: contactID, key: idempotencyKey)
        return try await desk.portalTicket(id, for: contactID)
    }

    /// Rates the latest resolution of a ticket the contact requested.
    @discardableResult
    public func rate(_ id: TicketID, score: Int, comment: String? = nil, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> PortalRating
    {
        PortalRating(try await desk.rate(id, score: score, comment: comment, by: me, idempotencyKey: idempotencyKey))
    }

    /// Rates with the token of a rating invitation (a link in an email).
    @discardableResult
    public func rate(token: RatingToken, score: Int, comment: String? = nil, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> PortalRating
    {
        PortalRating(try await desk.rate(token: token, score: score, comment: comment, idempotencyKey: idempotencyKey))
    }

    /// Approves the paid work of a ticket that awaits approval (a contact allowed to approve paid work).
    public func approvePaidWork(of id: TicketID, remark: String? = nil, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> PortalTicket
    {
        _ = try await desk.approvePaidWork(of: id, remark: remark, by: me, idempotencyKey: idempotencyKey)
        return try await desk.portalTicket(id, for: contactID)
    }

    /// Declines the paid work of a ticket that awaits approval, saying why.
    public func declinePaidWork(of id: TicketID, reason: String, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> PortalTicket
    {
        _ = try await desk.declinePaidWork(of: id, reason: reason, by: me, idempotencyKey: idempotencyKey)
        return try await desk.portalTicket(id, for: contactID)
    }

    // MARK: Catalog and equipment

    /// The service categories the contact may file under.
    public func categories() async throws(HelpDeskError) -> [PortalCategory] {
        try await desk.portalCategories(for: contactID)
    }

    /// The locations the contact may file at.
    public func locations() async throws(HelpDeskError) -> [PortalLocation] {
        try await desk.portalLocations(for: contactID).map {
            PortalLocation(id: $0.id, name: $0.name, address: $0.address)
        }
    }

    /// The equipment at those locations.
    public func equipment() async throws(HelpDeskError) -> [PortalAsset] {
        try await desk.portalEquipment(for: contactID)
    }

    // MARK: Money (contacts who may see billing)

    /// The company's accounts and balances.
    public func balances() async throws(HelpDeskError) -> [ClientBalance] {
        let (contact, _) = try await desk.portalSession(contactID)
        return try await desk.clientBalances(of: contact.companyID, as: me)
    }

    /// The statement of the company's prepaid account (or, with `.receivable`, of what it owes)
    /// in `unit` for `period` (`nil`: never opened).
    public func statement(in unit: BillingUnit, role: AccountRole = .wallet, period: Range<Date>)
        async throws(HelpDeskError) -> ClientStatement?
    {
        let (contact, _) = try await desk.portalSession(contactID)
        return try await desk.statement(of: contact.companyID, in: unit, role: role, period: period, as: me)
    }

    /// The company's invoiced service periods, newest first.
    public func invoices() async throws(HelpDeskError) -> [PortalInvoice] {
        try await desk.portalInvoices(for: contactID)
    }
}

extension HelpDesk {
    /// The client portal of the contact `id`.
    public nonisolated func portal(for id: ContactID) -> ClientPortal {
        ClientPortal(desk: self, contactID: id)
    }
}
