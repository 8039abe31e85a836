import Foundation

extension HelpDesk {
    /// The ticket with `id`.
    public func ticket(_ id: TicketID) async throws(HelpDeskError) -> Ticket {
        try await loadTicket(id)
    }

    /// The ticket with the human-facing `number`.
    public func ticket(number: TicketNumber) async throws(HelpDeskError) -> Ticket {
        guard let ticket = try await storage({ try await store.ticket(number: number) }) else {
            throw .ticketNumberNotFound(number)
        }
        return ticket
    }

    /// One page of tickets matching `query`.
    public func tickets(matching query: TicketQuery) async throws(HelpDeskError) -> TicketPage {
        guard query.offset >= 0 else { throw .invalidInput(field: "offset", problem: .negative) }
        let limits = 1...TicketQuery.maximumLimit
        guard limits.contains(query.limit) else { throw .invalidInput(field: "limit", problem: .outOfRange(limits)) }
        for status in query.statuses ?? [] where workflow.status(status) == nil { throw .unknownStatus(status) }
        return try await storage { try await store.tickets(matching: query, workflow: workflow) }
    }

    /// The comments on a ticket, oldest first.
    public func comments(on id: TicketID) async throws(HelpDeskError) -> [Comment] {
        _ = try await loadTicket(id)
        return try await storage { try await store.comments(on: id) }
    }

    /// The audit trail of a ticket, oldest first.
    public func auditTrail(of id: TicketID) async throws(HelpDeskError) -> [AuditEntry] {
        _ = try await loadTicket(id)
        return try await storage { try await store.auditTrail(of: id) }
    }

    /// Up to `limit` events not yet acknowledged, oldest first. Events are delivered at least once:
    /// they come back on every call until ``acknowledgeEvents(_:)`` removes them.
    public func undeliveredEvents(limit: Int = 100) async throws(HelpDeskError) -> [OutboxEvent] {
        let limits = 1...10_000
        guard limits.contains(limit) else { throw .invalidInput(field: "limit", problem: .outOfRange(limits)) }
        return try await storage { try await store.undeliveredEvents(limit: limit) }
    }

    /// Marks events as delivered. Acknowledging an event twice is harmless; a sequence that was
    /// never issued is rejected and nothing is acknowledged.
    public func acknowledgeEvents(_ sequences: [UInt64]) async throws(HelpDeskError) {
        try await perform(by: .system) { context throws(HelpDeskError) in
            let last = try await storage { try await store.lastEventSequence() }
            if let unknown = sequences.first(where: { $0 == 0 || $0 > last }) { throw .unknownEventSequence(unknown) }
            context.work.acknowledgedEvents = sequences
        }
    }
}
