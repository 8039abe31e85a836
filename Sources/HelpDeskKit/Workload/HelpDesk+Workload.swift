import Foundation
import WorkingTime

extension HelpDesk {
    /// The workload calendar of `group`'s active members over `from ... through`.
    ///
    /// A cell holds the employee's visit minutes on the date (on their wall clock) against the
    /// working minutes of their calendar: their own working calendar, else the calendar of the
    /// desk's default SLA policy, else Monday to Friday 09:00–18:00 UTC. At most
    /// ``maximumWorkloadDates`` dates and ``maximumWorkloadEmployees`` employees.
    public func workload(of group: GroupID, from: LocalDate, through: LocalDate, as viewer: Performer)
        async throws(HelpDeskError) -> WorkloadCalendar
    {
        _ = try await authorize(viewer, .planWork)
        let dates = try Self.workloadDates(from, through)
        let members = try await workloadMembers(of: group)
        let (sheet, visits) = try await workloadSheet(members, dates)
        return sheet.calendar(visits)
    }

    /// The workload calendar of `employees` (rows by identifier, leavers included) over `from ... through`.
    public func workload(of employees: [EmployeeID], from: LocalDate, through: LocalDate, as viewer: Performer)
        async throws(HelpDeskError) -> WorkloadCalendar
    {
        _ = try await authorize(viewer, .planWork)
        let dates = try Self.workloadDates(from, through)
        guard employees.count <= Self.maximumWorkloadEmployees else {
            throw .invalidInput(field: "employees", problem: .tooLong(maximum: Self.maximumWorkloadEmployees))
        }
        guard Set(employees).count == employees.count else {
            throw .invalidInput(field: "employees", problem: .malformed(expected: "a list without repeats"))
        }
        for employee in employees { _ = try await loadEmployee(employee, mustBeActive: false) }
        let (sheet, visits) = try await workloadSheet(employees.sorted(), dates)
        return sheet.calendar(visits)
    }

    /// The overloaded cells of `group`'s calendar, most overloaded first, then by employee and date.
    public func overloadedCells(of group: GroupID, from: LocalDate, through: LocalDate, as viewer: Performer)
        async throws(HelpDeskError) -> [WorkloadCell]
    {
        try await workload(of: group, from: from, through: through, as: viewer).overloadedCells
    }

    /// The free stretches of at least `minutes` (1...1440) in the working time of `group`'s active
    /// members over `from ... through`, clear of their visits: by employee, then start.
    public func freeSlots(
        for group: GroupID, minutes: Int, from: LocalDate, through: LocalDate, as viewer: Performer
    ) async throws(HelpDeskError) -> [FreeSlot] {
        _ = try await authorize(viewer, .planWork)
        try Validate.range(minutes, 1...1_440, field: "minutes")
        let dates = try Self.workloadDates(from, through)
        let members = try await workloadMembers(of: group)
        let (sheet, visits) = try await workloadSheet(members, dates)
        return sheet.freeSlots(visits, minutes: minutes)
    }

    /// The most dates a workload read covers (about three months).
    public static var maximumWorkloadDates: Int { 93 }
    /// The most employees a workload read covers.
    public static var maximumWorkloadEmployees: Int { 500 }

    /// The calendar for employees without one and a desk without a default SLA policy: Monday to
    /// Friday, 09:00–18:00 UTC.
    public static var standardWorkloadCalendar: BusinessCalendar {
        // The literal schedule is valid; the fallback is never taken.
        (try? BusinessCalendar(
            timeZone: TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current,
            schedule: WeeklySchedule(weekdays: Weekday.workweek, intervals: [LocalInterval(parsing: "09:00-18:00")])))
            ?? .twentyFourSeven()
    }

    /// The dates `from ... through`, checked: in order, at most ``maximumWorkloadDates``, years 1901...2398.
    static func workloadDates(_ from: LocalDate, _ through: LocalDate) throws(HelpDeskError) -> [LocalDate] {
        for (date, field) in [(from, "from"), (through, "through")] where !(1901...2398).contains(date.year) {
            throw .invalidInput(field: field, problem: .malformed(expected: "a date in the years 1901...2398"))
        }
        let span = from.days(to: through)
        guard span >= 0 else { throw .invalidInput(field: "through", problem: .notAfterStart) }
        guard span < maximumWorkloadDates else {
            throw .invalidInput(
                field: "through", problem: .malformed(expected: "at most \(maximumWorkloadDates) dates from `from`"))
        }
        return (0...span).compactMap { try? from.adding(days: $0) }
    }

    /// The active members of `group`, by identifier; at most ``maximumWorkloadEmployees``.
    func workloadMembers(of group: GroupID) async throws(HelpDeskError) -> [EmployeeID] {
        guard try await storage({ try await store.group(group) }) != nil else { throw .groupNotFound(group) }
        let members = try await storage { try await store.employees() }
            .filter { $0.isActive && $0.groupIDs.contains(group) }.map(\.id).sorted()
        guard members.count <= Self.maximumWorkloadEmployees else {
            throw .invalidInput(
                field: "group",
                problem: .malformed(expected: "a group of at most \(Self.maximumWorkloadEmployees) active members"))
        }
        return members
    }

    /// The working calendar workload reads use for each of `employees` (see ``workload(of:from:through:as:)-(GroupID,_,_,_)``).
    func workloadCalendars(_ employees: [EmployeeID]) async throws(HelpDeskError) -> [EmployeeID: BusinessCalendar] {
        var own: [EmployeeID: BusinessCalendar] = [:]
        if let repository = try optionalFeature((any AssignmentRepository).self) {
            for schedule in try await storage({ try await repository.employeeSchedules() }) {
                if let calendar = schedule.calendar { own[schedule.employeeID] = calendar }
            }
        }
        let desk = configuration.sla.defaultPolicyID.flatMap { configuration.sla.policies[$0]?.calendar }
        let fallback = desk ?? Self.standardWorkloadCalendar
        return Dictionary(employees.map { ($0, own[$0] ?? fallback) }) { first, _ in first }
    }

    /// The workload sheet of `employees` (by identifier) on `dates`, and the visits that may touch it.
    func workloadSheet(_ employees: [EmployeeID], _ dates: [LocalDate]) async throws(HelpDeskError)
        -> (WorkloadSheet, [PlannedVisit])
    {
        let calendars = try await workloadCalendars(employees)
        var members: [WorkloadMember] = []
        do {
            for employee in employees {
                members.append(
                    try WorkloadMember(
                        id: employee, calendar: calendars[employee] ?? Self.standardWorkloadCalendar, dates: dates))
            }
        } catch {
            throw .invalidInput(field: "from", problem: .malformed(expected: "dates the working calendars cover"))
        }
        let visits = try await workloadVisits(of: Set(employees), on: dates)
        return (WorkloadSheet(dates: dates, members: members), visits)
    }

    /// The active visits of `employees` that may touch `dates` on any wall clock.
    func workloadVisits(of employees: Set<EmployeeID>, on dates: [LocalDate]) async throws(HelpDeskError)
        -> [PlannedVisit]
    {
        guard let first = dates.first, let last = dates.last, !employees.isEmpty else { return [] }
        let utc = TimeZone(secondsFromGMT: 0) ?? .current
        // Wall clocks are within a day of UTC and a visit lasts at most a day.
        let from = first.instant(at: .midnight, in: utc).addingTimeInterval(-2 * 86_400)
        let before = last.instant(at: .endOfDay, in: utc).addingTimeInterval(2 * 86_400)
        let repository = try feature((any VisitRepository).self)
        return try await storage { try await repository.visits(startingFrom: from, before: before) }
            .filter { visit in visit.employeeIDs.contains { employees.contains($0) } }
    }
}
