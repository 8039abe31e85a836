import Foundation
import WorkingTime

extension HelpDesk {
    /// Sets `employee`'s working calendar (their shifts, in its own time zone); `nil` removes it, and
    /// the employee is then always on shift. The calendar must have working time from now on.
    public func setWorkingCalendar(
        of employee: EmployeeID, _ calendar: BusinessCalendar?, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> EmployeeSchedule {
        try await perform(
            by: performer, command: "setWorkingCalendar", key: idempotencyKey, inputs: [employee, calendar]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageDirectory))
            _ = try await loadEmployee(employee, mustBeActive: false)
            if let calendar { try Validate.shiftCalendar(calendar, from: clock.now()) }
            let schedule = EmployeeSchedule(employeeID: employee, calendar: calendar)
            let stored = try await assignments { try await $0.employeeSchedule(of: employee) }
            if stored ?? EmployeeSchedule(employeeID: employee, calendar: nil) != schedule {
                context.work.employeeSchedules.append(schedule)
            }
            return schedule
        }
    }

    /// `employee`'s working calendar, or `nil` when they have none (always on shift).
    public func workingCalendar(of employee: EmployeeID, as viewer: Performer) async throws(HelpDeskError)
        -> BusinessCalendar?
    {
        _ = try await authorize(viewer, .readDirectory)
        _ = try await loadEmployee(employee, mustBeActive: false)
        return try await assignments { try await $0.employeeSchedule(of: employee) }?.calendar
    }

    /// `true` when `employee`'s working calendar has working time at `instant` (always without one).
    public func isOnShift(_ employee: EmployeeID, at instant: Date, as viewer: Performer)
        async throws(HelpDeskError) -> Bool
    {
        try Validate.instant(instant, field: "instant")
        _ = try await authorize(viewer, .readDirectory)
        _ = try await loadEmployee(employee, mustBeActive: false)
        let schedule = try await assignments { try await $0.employeeSchedule(of: employee) }
        return schedule?.isOnShift(at: instant) ?? true
    }
}

extension Validate {
    /// A shift calendar must have working time at or after `now`: one without any would take the
    /// employee out of every rotation for good.
    static func shiftCalendar(_ calendar: BusinessCalendar, from now: Date) throws(HelpDeskError) {
        let start = InstantRange.contains(now) ? now : SupportedInstants.lowerBound
        do {
            _ = try calendar.nextWorkingInstant(atOrAfter: start)
        } catch {
            throw .invalidInput(field: "calendar", problem: .malformed(expected: "a calendar with working time from now on"))
        }
    }
}
