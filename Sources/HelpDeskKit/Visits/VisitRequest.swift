import Foundation

/// What a dispatcher asks for when planning or moving a ticket's visit: when, how long, who, where.
public struct VisitRequest: Hashable, Sendable, Codable {
    /// When the visit starts.
    public var start: Date
    /// The estimated duration in minutes, `1 ... 1_440`.
    public var durationMinutes: Int
    /// The employees who go: `1 ... 20`, active, without repeats.
    public var employeeIDs: [EmployeeID]
    /// The client's site visited: a location of the ticket's company, or `nil`.
    public var locationID: LocationID?
    /// Where levelling may move the visit; it must contain the visit. `nil`: within its own day.
    public var window: DateInterval?
    /// An appointment agreed with the client: levelling never moves it.
    public var isFixed: Bool

    /// Describes a request.
    public init(
        start: Date, durationMinutes: Int, employeeIDs: [EmployeeID], locationID: LocationID? = nil,
        window: DateInterval? = nil, isFixed: Bool = false
    ) {
        self.start = start
        self.durationMinutes = durationMinutes
        self.employeeIDs = employeeIDs
        self.locationID = locationID
        self.window = window
        self.isFixed = isFixed
    }

    /// The limits of ``durationMinutes``.
    public static let durations = 1...1_440
    /// The limits of the number of ``employeeIDs``.
    public static let crewSizes = 1...20

    /// The request as the visit of `ticket` (not cancelled, revision to be set when recorded).
    func visit(of ticket: TicketID, revision: Int) -> PlannedVisit {
        PlannedVisit(
            ticketID: ticket, start: start, durationMinutes: durationMinutes, employeeIDs: employeeIDs,
            locationID: locationID, window: window, isFixed: isFixed, revision: revision)
    }

    /// Checks what needs no store: instants in range, the duration, the crew's size and repeats, and
    /// a window that is well-formed and contains the visit.
    func validateShape() throws(HelpDeskError) {
        try Validate.instant(start, field: "start")
        guard Self.durations.contains(durationMinutes) else {
            throw .invalidInput(field: "durationMinutes", problem: .outOfRange(Self.durations))
        }
        let end = start.addingTimeInterval(Double(durationMinutes) * 60)
        try Validate.instant(end, field: "durationMinutes")
        guard Self.crewSizes.contains(employeeIDs.count) else {
            throw .invalidInput(field: "employeeIDs", problem: .outOfRange(Self.crewSizes))
        }
        guard Set(employeeIDs).count == employeeIDs.count else {
            throw .invalidInput(field: "employeeIDs", problem: .malformed(expected: "employees without repeats"))
        }
        guard let window else { return }
        try Validate.instant(window.start, field: "window")
        guard window.duration.isFinite, window.duration >= 0 else {
            throw .invalidInput(field: "window", problem: .notAfterStart)
        }
        try Validate.instant(window.end, field: "window")
        guard window.start <= start, end <= window.end else {
            throw .invalidInput(field: "window", problem: .malformed(expected: "an interval containing the visit"))
        }
    }
}

extension PlannedVisit {
    /// The visit without its bookkeeping: two visits that differ only in revision are the same plan.
    var plan: PlannedVisit {
        var plan = self
        plan.revision = 0
        return plan
    }
}
