/// Reads employees' working calendars and caps, and the groups' round-robin cursors and routing.
/// Writes go through a ``UnitOfWork`` (``AssignmentChanges``).
public protocol AssignmentRepository: Sendable {
    /// The schedule of `employee`, or `nil` when none was set.
    func employeeSchedule(of employee: EmployeeID) async throws -> EmployeeSchedule?
    /// Every stored schedule, by employee identifier.
    func employeeSchedules() async throws -> [EmployeeSchedule]
    /// The round-robin cursor of `group`, or `nil` before its first automatic assignment.
    func roundRobinCursor(of group: GroupID) async throws -> RoundRobinCursor?
    /// Every stored cursor, by group identifier.
    func roundRobinCursors() async throws -> [RoundRobinCursor]
    /// The own cap of `employee`, or `nil` when none was set.
    func employeeCapacity(of employee: EmployeeID) async throws -> EmployeeCapacity?
    /// Every stored cap, by employee identifier.
    func employeeCapacities() async throws -> [EmployeeCapacity]
    /// The routing of `group`, or `nil` when none was set.
    func groupRouting(of group: GroupID) async throws -> GroupRoutingRecord?
    /// Every stored routing, by group identifier.
    func groupRoutings() async throws -> [GroupRoutingRecord]
}
