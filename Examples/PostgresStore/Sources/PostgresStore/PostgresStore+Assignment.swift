import HelpDeskKit
import PostgresNIO

extension PostgresStore: AssignmentRepository {
    /// The schedule of `employee`, or `nil`.
    public func employeeSchedule(of employee: EmployeeID) async throws -> EmployeeSchedule? {
        try await record(EmployeeSchedule.self, "SELECT body FROM employee_schedules WHERE employee_id = \(employee.uuid)")
    }

    /// Every stored schedule, by employee identifier.
    public func employeeSchedules() async throws -> [EmployeeSchedule] {
        try await records(EmployeeSchedule.self, "SELECT body FROM employee_schedules")
            .sorted { $0.employeeID < $1.employeeID }
    }

    /// The round-robin cursor of `group`, or `nil`.
    public func roundRobinCursor(of group: GroupID) async throws -> RoundRobinCursor? {
        try await record(RoundRobinCursor.self, "SELECT body FROM round_robin_cursors WHERE group_id = \(group.uuid)")
    }

    /// Every stored cursor, by group identifier.
    public func roundRobinCursors() async throws -> [RoundRobinCursor] {
        try await records(RoundRobinCursor.self, "SELECT body FROM round_robin_cursors").sorted { $0.groupID < $1.groupID }
    }

    /// The own cap of `employee`, or `nil`.
    public func employeeCapacity(of employee: EmployeeID) async throws -> EmployeeCapacity? {
        try await record(
            EmployeeCapacity.self, "SELECT body FROM employee_capacities WHERE employee_id = \(employee.uuid)")
    }

    /// Every stored cap, by employee identifier.
    public func employeeCapacities() async throws -> [EmployeeCapacity] {
        try await records(EmployeeCapacity.self, "SELECT body FROM employee_capacities")
            .sorted { $0.employeeID < $1.employeeID }
    }

    /// The routing of `group`, or `nil`.
    public func groupRouting(of group: GroupID) async throws -> GroupRoutingRecord? {
        try await record(GroupRoutingRecord.self, "SELECT body FROM group_routings WHERE group_id = \(group.uuid)")
    }

    /// Every stored routing, by group identifier.
    public func groupRoutings() async throws -> [GroupRoutingRecord] {
        try await records(GroupRoutingRecord.self, "SELECT body FROM group_routings").sorted { $0.groupID < $1.groupID }
    }

    /// Upserts schedules, caps and routing, and writes cursors under their expected revisions: a zero-row update (the
    /// revision moved) or an insert of a cursor that exists is a conflict.
    func writeAssignment(_ changes: AssignmentChanges, on connection: PostgresConnection) async throws {
        for schedule in changes.schedules {
            let body = try RecordCoding.encode(schedule)
            try await execute(
                """
                INSERT INTO employee_schedules (employee_id, body) VALUES (\(schedule.employeeID.uuid), \(body))
                ON CONFLICT (employee_id) DO UPDATE SET body = EXCLUDED.body
                """, on: connection)
        }
        for capacity in changes.capacities {
            let body = try RecordCoding.encode(capacity)
            try await execute(
                """
                INSERT INTO employee_capacities (employee_id, body) VALUES (\(capacity.employeeID.uuid), \(body))
                ON CONFLICT (employee_id) DO UPDATE SET body = EXCLUDED.body
                """, on: connection)
        }
        for routing in changes.routings {
            let body = try RecordCoding.encode(routing)
            try await execute(
                """
                INSERT INTO group_routings (group_id, body) VALUES (\(routing.groupID.uuid), \(body))
                ON CONFLICT (group_id) DO UPDATE SET body = EXCLUDED.body
                """, on: connection)
        }
        for write in changes.cursorWrites {
            let cursor = write.cursor
            let body = try RecordCoding.encode(cursor)
            let written: Int
            if let expected = write.expectedRevision {
                written = try await rowCount(
                    """
                    UPDATE round_robin_cursors SET revision = \(cursor.revision), body = \(body)
                    WHERE group_id = \(cursor.groupID.uuid) AND revision = \(expected) RETURNING 1
                    """, on: connection)
            } else {
                written = try await rowCount(
                    """
                    INSERT INTO round_robin_cursors (group_id, revision, body)
                    VALUES (\(cursor.groupID.uuid), \(cursor.revision), \(body))
                    ON CONFLICT (group_id) DO NOTHING RETURNING 1
                    """, on: connection)
            }
            guard written > 0 else {
                throw StorageError(
                    .conflict,
                    "round-robin cursor of group \(cursor.groupID) is not at revision \(write.expectedRevision.map(String.init) ?? "none")")
            }
        }
    }
}
