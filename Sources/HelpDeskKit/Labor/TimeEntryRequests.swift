import WorkingTime

/// The input of ``HelpDesk/logTime(on:_:by:)``.
public struct NewTimeEntry: Hashable, Sendable, Encodable {
    /// The date the work was done; not after today in the labor time zone.
    public var workDate: LocalDate
    /// Minutes actually spent, 1 … ``LaborConfiguration/maximumEntryMinutes``.
    public var minutes: Int
    /// A configured activity code.
    public var activity: String
    /// Whether the time is billed to the client.
    public var billable: Bool
    /// What was done; may be empty.
    public var comment: String
    /// Who did the work; `nil`: the performer, who must then be an employee. A dispatcher (or
    /// `.system`) logging for an engineer names the engineer here.
    public var employeeID: EmployeeID?

    /// Describes the time to log.
    public init(
        workDate: LocalDate, minutes: Int, activity: String = "work", billable: Bool = true, comment: String = "",
        employeeID: EmployeeID? = nil
    ) {
        self.employeeID = employeeID
        self.workDate = workDate
        self.minutes = minutes
        self.activity = activity
        self.billable = billable
        self.comment = comment
    }
}

/// The input of ``HelpDesk/editTimeEntry(_:_:by:)``: only the fields that are set change.
public struct TimeEntryUpdate: Hashable, Sendable, Encodable {
    /// A new work date.
    public var workDate: LocalDate?
    /// New spent minutes; charged minutes are rounded again with the step in force now.
    public var minutes: Int?
    /// A new activity code.
    public var activity: String?
    /// A new billable flag.
    public var billable: Bool?
    /// A new comment.
    public var comment: String?

    /// Describes an edit.
    public init(
        workDate: LocalDate? = nil, minutes: Int? = nil, activity: String? = nil, billable: Bool? = nil,
        comment: String? = nil
    ) {
        self.workDate = workDate
        self.minutes = minutes
        self.activity = activity
        self.billable = billable
        self.comment = comment
    }
}
