import Foundation

/// An engineer's planned visit to the client for a ticket: when, how long, who goes, where.
///
/// A ticket carries at most one visit. Levelling may move a visit within its ``window`` to another
/// day or to other employees of the same group, never a ``isFixed`` one.
public struct PlannedVisit: Hashable, Sendable, Codable {
    /// The ticket the visit is for (its key: one visit per ticket).
    public let ticketID: TicketID
    /// When the visit starts.
    public var start: Date
    /// The estimated duration in minutes, `1 ... 1_440`.
    public var durationMinutes: Int
    /// The employees who go, by identifier, without repeats; at least one.
    public var employeeIDs: [EmployeeID]
    /// The client's site visited, when known.
    public var locationID: LocationID?
    /// Where levelling may move the visit: it must start and end inside; `nil`: within its own day.
    public var window: DateInterval?
    /// An appointment agreed with the client: levelling never moves it.
    public var isFixed: Bool
    /// `true` once the visit was called off; it stays on record.
    public var isCancelled: Bool
    /// Increases by one with every stored change; the first stored visit has revision 1.
    public var revision: Int

    /// Describes a visit.
    public init(
        ticketID: TicketID, start: Date, durationMinutes: Int, employeeIDs: [EmployeeID], locationID: LocationID? = nil,
        window: DateInterval? = nil, isFixed: Bool = false, isCancelled: Bool = false, revision: Int = 1
    ) {
        self.ticketID = ticketID
        self.start = start
        self.durationMinutes = durationMinutes
        self.employeeIDs = employeeIDs
        self.locationID = locationID
        self.window = window
        self.isFixed = isFixed
        self.isCancelled = isCancelled
        self.revision = revision
    }

    /// When the visit ends: ``start`` plus the duration.
    public var end: Date { start.addingTimeInterval(Double(durationMinutes) * 60) }
}
