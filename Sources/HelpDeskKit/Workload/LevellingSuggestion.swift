import Foundation
import WorkingTime

/// Where a visit is: who goes and when it starts.
public struct VisitPlacement: Hashable, Sendable, Codable {
    /// The employee who goes.
    public let employeeID: EmployeeID
    /// When the visit starts.
    public let start: Date

    /// Describes a placement.
    public init(employeeID: EmployeeID, start: Date) {
        self.employeeID = employeeID
        self.start = start
    }
}

/// The load of one cell of the workload calendar at one moment.
public struct CellLoad: Hashable, Sendable, Codable {
    /// The employee.
    public let employeeID: EmployeeID
    /// The date on the employee's wall clock.
    public let date: LocalDate
    /// Planned visit minutes.
    public let plannedMinutes: Int
    /// Working minutes.
    public let capacityMinutes: Int

    /// Describes a cell's load.
    public init(employeeID: EmployeeID, date: LocalDate, plannedMinutes: Int, capacityMinutes: Int) {
        self.employeeID = employeeID
        self.date = date
        self.plannedMinutes = plannedMinutes
        self.capacityMinutes = capacityMinutes
    }

    /// Planned minus working minutes: the load levelling compares.
    public var overloadMinutes: Int { plannedMinutes - capacityMinutes }
}

/// A proposed move of one visit that lowers the load of the cells it touches.
///
/// Suggestions of one call build on each other: a later one may assume the earlier ones were
/// applied, and a visit moved twice names the revision the first move gives it.
public struct LevellingSuggestion: Hashable, Sendable, Codable {
    /// The group whose calendar was levelled; both employees are its members.
    public let groupID: GroupID
    /// The ticket whose visit moves.
    public let ticketID: TicketID
    /// The visit's revision the move was computed from; applying it to another revision is refused.
    public let baseRevision: Int
    /// The visit's duration in minutes.
    public let durationMinutes: Int
    /// Where the visit is now.
    public let from: VisitPlacement
    /// Where the visit goes.
    public let to: VisitPlacement
    /// The loads of the touched cells before the move, by employee, then date.
    public let before: [CellLoad]
    /// The loads of the same cells after the move.
    public let after: [CellLoad]

    /// Describes a suggestion.
    public init(
        groupID: GroupID, ticketID: TicketID, baseRevision: Int, durationMinutes: Int, from: VisitPlacement,
        to: VisitPlacement, before: [CellLoad], after: [CellLoad]
    ) {
        self.groupID = groupID
        self.ticketID = ticketID
        self.baseRevision = baseRevision
        self.durationMinutes = durationMinutes
        self.from = from
        self.to = to
        self.before = before
        self.after = after
    }
}

/// Why a levelling suggestion can no longer be applied.
public enum StaleSuggestion: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The visit changed (or is gone) since the suggestion: it is now at `revision` (0: no visit).
    case visitChanged(revision: Int)
    /// The visit may not be moved: fixed, cancelled, or with several employees.
    case notMovable
    /// An employee of the move has left or is no longer in the group.
    case notInGroup(EmployeeID)
    /// The new start lies outside the visit's window (its own day without one).
    case outsideWindow
    /// The moved visit would not lie inside its new employee's working time.
    case outsideWorkingTime
    /// Another visit of the new employee now overlaps the slot.
    case slotTaken(by: TicketID)
    /// The visit has started, or the new start has passed: only visits ahead move, and only ahead.
    case notAhead
    /// The ticket is out of work (resolved or cancelled) in this status.
    case ticketNotInWork(StatusCode)

    /// Says what went stale, in words.
    public var description: String {
        switch self {
        case .visitChanged(let revision): "the visit is now at revision \(revision)"
        case .notMovable: "the visit may not be moved"
        case .notInGroup(let employee): "employee \(employee) is not an active member of the group"
        case .outsideWindow: "the new start lies outside the visit's window"
        case .outsideWorkingTime: "the new slot lies outside working time"
        case .slotTaken(let ticket): "the slot is taken by the visit of ticket \(ticket)"
        case .notAhead: "the visit has started or the new start has passed"
        case .ticketNotInWork(let status): "the ticket is '\(status)', out of work"
        }
    }
}
