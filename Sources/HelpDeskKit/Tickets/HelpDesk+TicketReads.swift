import Foundation

extension HelpDesk {
    /// The ticket with `id`, as `viewer` may see it (a ticket the viewer may not read is not found).
    public func ticket(_ id: TicketID, as viewer: Performer) async throws(HelpDeskError) -> Ticket {
        try await visibleTicket(id, as: viewer).0
    }

    /// The ticket with the human-facing `number`, as `viewer` may see it.
    public func ticket(number: TicketNumber, as viewer: Performer) async throws(HelpDeskError) -> Ticket {
        let principal = try await principal(for: viewer)
        guard let ticket = try await storage({ try await store.ticket(number: number) }),
            (try? authorize(principal, AccessRequest(.readTicket, ticket: ticket))) != nil
        else {
            throw .ticketNumberNotFound(number)
        }
        return ticket
    }

    /// One page of the tickets matching `query` that `viewer` may see.
    public func tickets(matching query: TicketQuery, as viewer: Performer) async throws(HelpDeskError) -> TicketPage {
        guard query.offset >= 0 else { throw .invalidInput(field: "offset", problem: .negative) }
        let offsets = 0...TicketQuery.maximumOffset
        guard offsets.contains(query.offset) else {
            throw .invalidInput(field: "offset", problem: .outOfRange(offsets))
        }
        let limits = 1...TicketQuery.maximumLimit
        guard limits.contains(query.limit) else { throw .invalidInput(field: "limit", problem: .outOfRange(limits)) }
        for status in query.statuses ?? [] where workflow.status(status) == nil { throw .unknownStatus(status) }
        let principal = try await principal(for: viewer)
        guard let narrowed = narrowed(query, for: principal) else {
            return TicketPage(tickets: [], totalCount: 0, offset: query.offset)
        }
        return try await storage { try await store.tickets(matching: narrowed, workflow: workflow) }
    }

    /// The comments on a ticket, oldest first; internal notes only for a viewer who may see them.
    public func comments(on id: TicketID, as viewer: Performer) async throws(HelpDeskError) -> [Comment] {
        let (ticket, principal) = try await visibleTicket(id, as: viewer)
        let comments = try await storage { try await store.comments(on: id) }
        return seesInternal(principal, on: ticket) ? comments : comments.filter { $0.visibility == .public }
    }

    /// The audit trail of a ticket, oldest first (staff only under the standard policy).
    public func auditTrail(of id: TicketID, as viewer: Performer) async throws(HelpDeskError) -> [AuditEntry] {
        try await internalTicket(id, as: viewer)
        return try await storage { try await store.auditTrail(of: id) }
    }
}
