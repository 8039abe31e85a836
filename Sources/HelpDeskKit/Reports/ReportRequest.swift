import Foundation

/// The length of one step of a report's trend.
public enum TimeBucket: String, CaseIterable, Hashable, Sendable, Codable {
    /// Local calendar days (midnight to midnight in the request's zone).
    case day
    /// ISO weeks, Monday 00:00 to the next Monday 00:00 in the request's zone.
    case week
    /// Calendar months, from the 1st 00:00 in the request's zone.
    case month
}

/// What a report's tickets must match; a `nil` filter matches every ticket, values in one set are alternatives.
public struct ReportFilter: Hashable, Sendable {
    /// Client companies (`nil` inside the set: tickets without a company).
    public var companyIDs: Set<CompanyID?>?
    /// Contracts (`nil` inside: tickets without a contract).
    public var contractIDs: Set<ContractID?>?
    /// Client locations (`nil` inside: tickets without a location).
    public var locationIDs: Set<LocationID?>?
    /// Support groups (`nil` inside: tickets without a group).
    public var groupIDs: Set<GroupID?>?
    /// Employees: the ticket's assignee; for labor, the employee who logged the time; for ratings, the assignee rated.
    public var employeeIDs: Set<EmployeeID?>?
    /// Service categories (`nil` inside: tickets without a category).
    public var categoryIDs: Set<CategoryID?>?
    /// Priorities.
    public var priorities: Set<Priority>?
    /// Channels.
    public var channels: Set<Channel>?

    /// Creates a filter; every argument defaults to "any".
    public init(
        companyIDs: Set<CompanyID?>? = nil, contractIDs: Set<ContractID?>? = nil, locationIDs: Set<LocationID?>? = nil,
        groupIDs: Set<GroupID?>? = nil, employeeIDs: Set<EmployeeID?>? = nil, categoryIDs: Set<CategoryID?>? = nil,
        priorities: Set<Priority>? = nil, channels: Set<Channel>? = nil
    ) {
        self.companyIDs = companyIDs
        self.contractIDs = contractIDs
        self.locationIDs = locationIDs
        self.groupIDs = groupIDs
        self.employeeIDs = employeeIDs
        self.categoryIDs = categoryIDs
        self.priorities = priorities
        self.channels = channels
    }

    /// `true` when the ticket passes every ticket filter except the employee one.
    func matchesTicketExceptEmployee(_ ticket: Ticket) -> Bool {
        if let companyIDs, !companyIDs.contains(ticket.companyID) { return false }
        if let contractIDs, !contractIDs.contains(ticket.contractID) { return false }
        if let locationIDs, !locationIDs.contains(ticket.locationID) { return false }
        if let groupIDs, !groupIDs.contains(ticket.groupID) { return false }
        if let categoryIDs, !categoryIDs.contains(ticket.categoryID) { return false }
        if let priorities, !priorities.contains(ticket.priority) { return false }
        if let channels, !channels.contains(ticket.channel) { return false }
        return true
    }

    /// `true` when the ticket passes every filter (the employee filter on its assignee).
    func matches(_ ticket: Ticket) -> Bool {
        if let employeeIDs, !employeeIDs.contains(ticket.assigneeID) { return false }
        return matchesTicketExceptEmployee(ticket)
    }
}

/// The common arguments of every report: a period, a trend bucket in a time zone, and filters.
public struct ReportRequest: Hashable, Sendable {
    /// The half-open period the report covers.
    public var period: Range<Date>
    /// The step of the trend, for reports that have one.
    public var bucket: TimeBucket
    /// The zone whose local calendar defines buckets and work dates.
    public var timeZone: TimeZone
    /// What the tickets must match.
    public var filter: ReportFilter

    /// Creates a request; buckets default to days in UTC.
    public init(
        period: Range<Date>, bucket: TimeBucket = .day, timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        filter: ReportFilter = ReportFilter()
    ) {
        self.period = period
        self.bucket = bucket
        self.timeZone = timeZone
        self.filter = filter
    }
}

extension ReportRequest {
    /// The trend buckets of this request.
    public var buckets: ReportBuckets { ReportBuckets(period: period, bucket: bucket, timeZone: timeZone) }

    /// Rejects a period outside ``InstantRange`` with `.invalidInput(field: "period", …)`, and a
    /// time zone more than 14 hours from GMT (no real zone is; Foundation's date formatting fails
    /// beyond it): every report checks its request first, so its buckets, day and second counts
    /// stay in range and every bucket can be printed.
    func validate() throws(HelpDeskError) {
        try Validate.period(period, field: "period")
        let limit = 14 * 3_600
        for instant in [period.lowerBound, period.upperBound]
        where abs(timeZone.secondsFromGMT(for: instant)) > limit {
            throw .invalidInput(field: "timeZone", problem: .outOfRange(-limit...limit))
        }
    }

    /// ``validate()``, and rejects a period that does not start and end at midnight in the
    /// request's time zone: time is logged per work date, so a period from 09:00 would silently
    /// drop (or keep) a whole day of labor.
    func validateWholeDays() throws(HelpDeskError) {
        try validate()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        for instant in [period.lowerBound, period.upperBound] where calendar.startOfDay(for: instant) != instant {
            throw .invalidInput(
                field: "period",
                problem: .malformed(expected: "midnight to midnight in the report's time zone (labor counts whole work dates)"))
        }
    }
}
