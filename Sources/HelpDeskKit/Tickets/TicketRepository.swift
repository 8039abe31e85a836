import Foundation

/// Reads tickets. Writes go through a ``UnitOfWork``.
///
/// Requirements are `async` so a network database can implement them; an in-memory adapter
/// implements them synchronously and, with nonisolated-nonsending defaults, costs no executor hop.
public protocol TicketRepository: Sendable {
    /// The ticket with `id`, or `nil`.
    func ticket(_ id: TicketID) async throws -> Ticket?
    /// The ticket with the human-facing `number`, or `nil`.
    func ticket(number: TicketNumber) async throws -> Ticket?
    /// One page of tickets matching `query`, with the semantics of ``TicketQuery/evaluate(_:workflow:)``.
    func tickets(matching query: TicketQuery, workflow: Workflow) async throws -> TicketPage
    /// Postponed tickets whose return instant is at or before `instant`, earliest first (then by number).
    func postponedTickets(dueBy instant: Date) async throws -> [Ticket]
    /// Tickets whose SLA needs a look (``TicketSLA/nextCheckAt``) at or before `instant`, earliest
    /// first (then by number).
    func ticketsNeedingSLACheck(dueBy instant: Date) async throws -> [Ticket]
    /// The highest ticket number in use, or `nil` when there are no tickets.
    func lastTicketNumber() async throws -> TicketNumber?
    /// Every stored ticket passing `scan` and possibly others, in no particular order, from one
    /// consistent snapshot; callers keep those ``TicketScan/matches(_:)`` accepts. A database
    /// narrows by what its indexes serve (a `WHERE` clause); the in-memory store hands out its
    /// whole table without copying, since one pass in the report filters it anyway.
    func tickets(in scan: TicketScan) async throws -> [Ticket]
    /// How the SLA clocks of exactly the tickets of `scan` ended, one tally per non-empty group in
    /// any order: ``SLAOutcomeTally/tally(_:in:groupedBy:)`` of every stored ticket, from one
    /// consistent snapshot. A database answers with one `GROUP BY`; the default tallies
    /// ``tickets(in:)``.
    func slaOutcomes(in scan: TicketScan, groupedBy grouping: TicketGrouping) async throws -> [SLAOutcomeTally]
}

extension TicketRepository {
    /// Every stored ticket, in no particular order (a scan without conditions).
    public func allTickets() async throws -> [Ticket] {
        try await tickets(in: TicketScan())
    }
}

/// Reads comments.
public protocol CommentRepository: Sendable {
    /// All comments on `ticket`, oldest first (in commit order).
    func comments(on ticket: TicketID) async throws -> [Comment]
}

/// Reads the audit log.
public protocol AuditLogRepository: Sendable {
    /// All audit entries of `ticket`, in the order they were committed.
    func auditTrail(of ticket: TicketID) async throws -> [AuditEntry]
}
