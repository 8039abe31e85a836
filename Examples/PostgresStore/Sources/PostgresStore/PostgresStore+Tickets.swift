import Foundation
import HelpDeskKit
import PostgresNIO

extension PostgresStore {
    // MARK: Tickets

    /// The last committed version of ticket `id`, or `nil`.
    public func ticket(_ id: TicketID) async throws -> Ticket? {
        try await record(Ticket.self, "SELECT body FROM tickets WHERE id = \(id.uuid)")
    }

    /// The ticket numbered `number`, or `nil`.
    public func ticket(number: TicketNumber) async throws -> Ticket? {
        try await record(Ticket.self, "SELECT body FROM tickets WHERE number = \(number.rawValue)")
    }

    /// Runs the query in SQL: the count and the page read one snapshot.
    public func tickets(matching query: TicketQuery, workflow: Workflow) async throws -> TicketPage {
        let sql = TicketQuerySQL(query, workflow: workflow)
        return try await transaction(snapshot: true) { connection in
            let counts = try await rows(sql.countQuery, on: connection) { row in
                try RecordCoding.column(Int.self, of: row)
            }
            let tickets = try await rows(sql.pageQuery(offset: query.offset, limit: query.limit), on: connection) {
                row in try RecordCoding.decode(Ticket.self, from: row)
            }
            return TicketPage(tickets: tickets, totalCount: counts.first ?? 0, offset: query.offset)
        }
    }

    /// Postponed tickets due by `instant`, by return instant then number.
    public func postponedTickets(dueBy instant: Date) async throws -> [Ticket] {
        try await records(
            Ticket.self,
            """
            SELECT body FROM tickets WHERE postponed_until <= \(instant.storedSeconds)
            ORDER BY postponed_until, number
            """)
    }

    /// Tickets whose SLA needs a look by `instant`, by that instant then number.
    public func ticketsNeedingSLACheck(dueBy instant: Date) async throws -> [Ticket] {
        try await records(
            Ticket.self,
            """
            SELECT body FROM tickets WHERE sla_next_check <= \(instant.storedSeconds)
            ORDER BY sla_next_check, number
            """)
    }

    /// The highest stored ticket number, or `nil` without tickets.
    public func lastTicketNumber() async throws -> TicketNumber? {
        let numbers = try await rows("SELECT max(number) FROM tickets") { row in
            try RecordCoding.column(Int?.self, of: row)
        }
        return numbers.first.flatMap { $0 }.map(TicketNumber.init(rawValue:))
    }

    /// Exactly the tickets of `scan`, in one statement (``TicketQuerySQL/init(_:)-scan``).
    public func tickets(in scan: TicketScan) async throws -> [Ticket] {
        let sql = TicketQuerySQL(scan)
        return try await records(
            Ticket.self, PostgresQuery(unsafeSQL: "SELECT t.body FROM tickets t WHERE \(sql.whereClause)", binds: sql.binds))
    }

    // MARK: Comments and audit

    /// The comments on `ticket` in commit order (`[]` for an unknown ticket).
    public func comments(on ticket: TicketID) async throws -> [Comment] {
        try await records(Comment.self, "SELECT body FROM comments WHERE ticket_id = \(ticket.uuid) ORDER BY position")
    }

    /// The audit entries of `ticket` in commit order (`[]` for an unknown ticket).
    public func auditTrail(of ticket: TicketID) async throws -> [AuditEntry] {
        try await records(
            AuditEntry.self, "SELECT body FROM audit_entries WHERE ticket_id = \(ticket.uuid) ORDER BY position")
    }
}
