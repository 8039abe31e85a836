import Foundation
import WorkingTime

/// An employee's working calendar (their shifts), kept beside the employee record.
///
/// Without a schedule, or with `calendar == nil`, the employee is always on shift.
public struct EmployeeSchedule: Hashable, Sendable, Codable {
    /// The employee the calendar belongs to.
    public let employeeID: EmployeeID
    /// The employee's shifts in their own time zone; `nil`: always on shift.
    public var calendar: BusinessCalendar?

    /// Describes an employee's schedule.
    public init(employeeID: EmployeeID, calendar: BusinessCalendar?) {
        self.employeeID = employeeID
        self.calendar = calendar
    }

    /// `true` when the calendar has working time at `instant` (always without a calendar).
    ///
    /// - Complexity: O(log z + log c + log w) (``BusinessCalendar/isWorking(at:excluding:)``).
    public func isOnShift(at instant: Date) -> Bool {
        calendar?.isWorking(at: instant) ?? true
    }
}

/// The round-robin position of one group: who was assigned last, rewritten under its revision.
///
/// The cursor names an employee, not a position, so members joining or leaving the group do not
/// move it: the next turn goes to the first eligible member after that employee in the group's
/// stable order (by identifier), wherever they are now.
public struct RoundRobinCursor: Hashable, Sendable, Codable {
    /// The group whose rotation this is.
    public let groupID: GroupID
    /// The employee assigned last in the group; `nil` before the first assignment.
    public var lastAssigneeID: EmployeeID?
    /// Increases by one with every stored change; the first stored cursor has revision 1.
    public var revision: Int

    /// Describes a cursor.
    public init(groupID: GroupID, lastAssigneeID: EmployeeID?, revision: Int = 1) {
        self.groupID = groupID
        self.lastAssigneeID = lastAssigneeID
        self.revision = revision
    }
}

/// A new or changed cursor in a unit of work, with the revision the change was based on.
public struct RoundRobinCursorWrite: Hashable, Sendable, Codable {
    /// The cursor as it must be stored.
    public var cursor: RoundRobinCursor
    /// The stored revision the change was computed from; `nil` for a group without a cursor yet.
    public var expectedRevision: Int?

    /// Describes a cursor write.
    public init(cursor: RoundRobinCursor, expectedRevision: Int?) {
        self.cursor = cursor
        self.expectedRevision = expectedRevision
    }
}
