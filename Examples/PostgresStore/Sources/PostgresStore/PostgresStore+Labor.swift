import Foundation
import HelpDeskKit
import PostgresNIO
import WorkingTime

extension PostgresStore {
    // MARK: Reads

    /// The time entry with `id`, or `nil` (also once deleted).
    public func timeEntry(_ id: TimeEntryID) async throws -> TimeEntry? {
        try await record(TimeEntry.self, "SELECT body FROM time_entries WHERE id = \(id.uuid)")
    }

    /// The time entries of `ticket`, by work date, creation instant and identifier.
    public func timeEntries(on ticket: TicketID) async throws -> [TimeEntry] {
        try await records(TimeEntry.self, "SELECT body FROM time_entries WHERE ticket_id = \(ticket.uuid)")
            .sorted(by: TimeEntry.areInIncreasingOrder)
    }

    /// The time entries of `employee` worked in `dates`, in time-entry order.
    public func timeEntries(of employee: EmployeeID, workedIn dates: ClosedRange<LocalDate>) async throws
        -> [TimeEntry]
    {
        try await records(
            TimeEntry.self,
            """
            SELECT body FROM time_entries WHERE employee_id = \(employee.uuid)
            AND work_date BETWEEN \(Self.dayNumber(dates.lowerBound)) AND \(Self.dayNumber(dates.upperBound))
            """
        ).sorted(by: TimeEntry.areInIncreasingOrder)
    }

    /// All time entries worked in `dates`, in time-entry order.
    public func timeEntries(workedIn dates: ClosedRange<LocalDate>) async throws -> [TimeEntry] {
        try await records(
            TimeEntry.self,
            """
            SELECT body FROM time_entries
            WHERE work_date BETWEEN \(Self.dayNumber(dates.lowerBound)) AND \(Self.dayNumber(dates.upperBound))
            """
        ).sorted(by: TimeEntry.areInIncreasingOrder)
    }

    /// The rates of `employee` by `validFrom`.
    public func rateHistory(of employee: EmployeeID) async throws -> [EmployeeRate] {
        try await records(
            EmployeeRate.self,
            "SELECT body FROM employee_rates WHERE employee_id = \(employee.uuid) ORDER BY valid_from")
    }

    /// A local date as a sortable integer, `YYYYMMDD`.
    static func dayNumber(_ date: LocalDate) -> Int {
        date.year * 10_000 + date.month * 100 + date.day
    }

    // MARK: Commit

    /// Checks the unit's time-entry revisions against the committed rows, locking them.
    ///
    /// Runs before anything is written, so a unit is judged against the state it was computed
    /// from, as the in-memory store does (a deletion of an entry the same unit inserts fails).
    func checkLabor(_ changes: LaborChanges, on connection: PostgresConnection) async throws {
        let expected =
            changes.timeEntryWrites.filter { $0.expectedRevision != nil }.map(\.entry.id)
            + changes.timeEntryDeletions.map(\.id)
        guard !expected.isEmpty else { return }
        let ids = expected.map(\.uuid)
        let stored = try await rows(
            "SELECT id, revision, ticket_id, employee_id FROM time_entries WHERE id = ANY(\(ids)) FOR UPDATE",
            on: connection
        ) { row in
            do {
                return try row.decode((UUID, Int, UUID, UUID).self)
            } catch {
                throw StorageError(.corrupted, "a time entry row does not decode: \(error)")
            }
        }
        var current: [UUID: (revision: Int, ticket: UUID, employee: UUID)] = [:]
        for (id, revision, ticket, employee) in stored { current[id] = (revision, ticket, employee) }
        for write in changes.timeEntryWrites {
            let entry = write.entry
            guard let expected = write.expectedRevision else { continue }
            guard let row = current[entry.id.uuid] else {
                throw StorageError(.conflict, "time entry \(entry.id) does not exist")
            }
            guard row.revision == expected else {
                throw StorageError(.conflict, "time entry \(entry.id) is at revision \(row.revision), not \(expected)")
            }
            guard row.ticket == entry.ticketID.uuid, row.employee == entry.employeeID.uuid else {
                throw StorageError(.conflict, "time entry \(entry.id) cannot move to another ticket or employee")
            }
        }
        for deletion in changes.timeEntryDeletions {
            guard let row = current[deletion.id.uuid] else {
                throw StorageError(.conflict, "time entry \(deletion.id) does not exist")
            }
            guard row.revision == deletion.expectedRevision else {
                throw StorageError(
                    .conflict,
                    "time entry \(deletion.id) is at revision \(row.revision), not \(deletion.expectedRevision)")
            }
        }
    }

    /// Applies checked labor changes: entry writes (a taken new identifier or a missing ticket is a
    /// constraint violation, so a conflict), deletions, then rates upserted by `validFrom`.
    func writeLabor(_ changes: LaborChanges, on connection: PostgresConnection) async throws {
        for write in changes.timeEntryWrites {
            let entry = write.entry
            let body = try RecordCoding.encode(entry)
            if write.expectedRevision == nil {
                try await execute(
                    """
                    INSERT INTO time_entries (id, ticket_id, employee_id, work_date, revision, body)
                    VALUES (\(entry.id.uuid), \(entry.ticketID.uuid), \(entry.employeeID.uuid),
                            \(Self.dayNumber(entry.workDate)), \(entry.revision), \(body))
                    """, on: connection)
            } else {
                try await execute(
                    """
                    UPDATE time_entries SET work_date = \(Self.dayNumber(entry.workDate)),
                        revision = \(entry.revision), body = \(body)
                    WHERE id = \(entry.id.uuid)
                    """, on: connection)
            }
        }
        let deleted = changes.timeEntryDeletions.map(\.id.uuid)
        if !deleted.isEmpty {
            try await execute("DELETE FROM time_entries WHERE id = ANY(\(deleted))", on: connection)
        }
        for rate in changes.employeeRates {
            let body = try RecordCoding.encode(rate)
            try await execute(
                """
                INSERT INTO employee_rates (employee_id, valid_from, body)
                VALUES (\(rate.employeeID.uuid), \(Self.dayNumber(rate.validFrom)), \(body))
                ON CONFLICT (employee_id, valid_from) DO UPDATE SET body = EXCLUDED.body
                """, on: connection)
        }
    }
}
