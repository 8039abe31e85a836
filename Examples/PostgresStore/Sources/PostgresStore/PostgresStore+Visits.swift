import Foundation
import HelpDeskKit
import PostgresNIO

extension PostgresStore: VisitRepository {
    // MARK: Reads

    /// The visit of `ticket` (cancelled or not), or `nil`.
    public func visit(ofTicket ticket: TicketID) async throws -> PlannedVisit? {
        try await record(PlannedVisit.self, "SELECT body FROM planned_visits WHERE ticket_id = \(ticket.uuid)")
    }

    /// The visits not cancelled that start in `[from, before)`, by start, then ticket.
    public func visits(startingFrom from: Date, before: Date) async throws -> [PlannedVisit] {
        guard from < before else { return [] }
        return try await records(
            PlannedVisit.self,
            """
            SELECT body FROM planned_visits
            WHERE NOT cancelled AND start_at >= \(from.storedSeconds) AND start_at < \(before.storedSeconds)
            ORDER BY start_at, ticket_id
            """
        ).sorted { ($0.start, $0.ticketID) < ($1.start, $1.ticketID) }
    }

    /// Every visit, by ticket.
    public func visits() async throws -> [PlannedVisit] {
        try await records(PlannedVisit.self, "SELECT body FROM planned_visits").sorted { $0.ticketID < $1.ticketID }
    }

    // MARK: Commit

    /// Inserts new visits and replaces changed ones under their revision; a visit that exists
    /// where none was expected, or is not at the expected revision, is a conflict, and so is a
    /// write requiring a free slot whose slot another visit of its employees now overlaps.
    ///
    /// Units placing visits on an employee take that employee's transaction-scoped advisory lock
    /// first (in identifier order, so two units never wait for each other): a free-slot check runs
    /// after every earlier placement on the employee has committed, and sees it.
    func writeVisits(_ changes: VisitChanges, on connection: PostgresConnection) async throws {
        guard Set(changes.visits.map(\.visit.ticketID)).count == changes.visits.count else {
            throw StorageError(.conflict, "the unit writes one ticket's visit twice")
        }
        let placed = changes.visits.filter { !$0.visit.isCancelled }
        for employee in Set(placed.flatMap(\.visit.employeeIDs)).sorted() {
            let key = "planned-visits/\(employee)"
            try await execute("SELECT pg_advisory_xact_lock(hashtextextended(\(key), 0))", on: connection)
        }
        for write in placed where write.requiresFreeSlot {
            let nearby = try await rows(
                """
                SELECT body FROM planned_visits
                WHERE NOT cancelled AND start_at >= \(write.visit.start.addingTimeInterval(-86_400).storedSeconds)
                AND start_at < \(write.visit.end.storedSeconds)
                """, on: connection
            ) { row in try RecordCoding.decode(PlannedVisit.self, from: row) }
            try write.requireFreeSlot(among: nearby)
        }
        for write in changes.visits.sorted(by: { $0.visit.ticketID < $1.visit.ticketID }) {
            let visit = write.visit
            let body = try RecordCoding.encode(visit)
            let written: Int
            if let expected = write.expectedRevision {
                written = try await rowCount(
                    """
                    UPDATE planned_visits SET revision = \(visit.revision), start_at = \(visit.start.storedSeconds),
                    cancelled = \(visit.isCancelled), body = \(body)
                    WHERE ticket_id = \(visit.ticketID.uuid) AND revision = \(expected) RETURNING 1
                    """, on: connection)
            } else {
                written = try await rowCount(
                    """
                    INSERT INTO planned_visits (ticket_id, revision, start_at, cancelled, body)
                    VALUES (\(visit.ticketID.uuid), \(visit.revision), \(visit.start.storedSeconds), \(visit.isCancelled),
                            \(body))
                    ON CONFLICT (ticket_id) DO NOTHING RETURNING 1
                    """, on: connection)
            }
            guard written > 0 else {
                throw StorageError(
                    .conflict,
                    "the visit of ticket \(visit.ticketID) is not at revision \(write.expectedRevision.map(String.init) ?? "none")"
                )
            }
        }
    }
}
