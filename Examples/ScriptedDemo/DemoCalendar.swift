import Foundation
import WorkingTime

/// The desk's working calendar: Moscow time, Monday–Friday 09:00–13:00 and 14:00–18:00, with the
/// Russian production calendar the package ships (public holidays, days off moved by the
/// government, and the pre-holiday days shortened by an hour under Labour Code art. 95), loaded
/// in one line as a host would.
enum DemoCalendar {
    /// The office hours in Moscow time with the production calendar of 2026–2027.
    static let hours: BusinessCalendar = {
        do {
            let intervals = [try LocalInterval(parsing: "09:00-13:00"), try LocalInterval(parsing: "14:00-18:00")]
            return try BusinessCalendar(
                timeZoneIdentifier: DemoTime.zoneIdentifier,
                schedule: WeeklySchedule(weekdays: Weekday.workweek, intervals: intervals),
                exceptions: try ProductionCalendar.russia(years: 2026...2027))
        } catch {
            preconditionFailure("the demo's calendar is invalid: \(error)")
        }
    }()

    /// `true` when the Moscow date starting at `midnight` has office hours.
    static func isWorkingDay(_ midnight: Date) -> Bool {
        let next = DemoTime.midnight(after: midnight)
        return ((try? hours.workingTime(from: midnight, to: next))?.seconds ?? 0) > 0
    }

    /// The midnights of the working days in `[start, end)` (both midnights in Moscow time).
    static func workingDays(from start: Date, to end: Date) -> [Date] {
        var days: [Date] = []
        var day = start
        while day < end {
            if isWorkingDay(day) { days.append(day) }
            day = DemoTime.midnight(after: day)
        }
        return days
    }

    /// The first working day after the day starting at `midnight`.
    static func nextWorkingDay(after midnight: Date) -> Date {
        var day = DemoTime.midnight(after: midnight)
        while !isWorkingDay(day) { day = DemoTime.midnight(after: day) }
        return day
    }

    /// The days without office hours in `[start, end)`, holidays with their name: `Sat 7 Mar`,
    /// `Mon 9 Mar (International Women's Day, …)`.
    static func daysOff(from start: Date, to end: Date) -> [String] {
        var days: [String] = []
        var day = DemoTime.startOfDay(start)
        while day < end {
            if day >= start, !isWorkingDay(day) {
                let note = hours.exceptions.first { DemoTime.midnight(of: $0.date) == day }?.note
                days.append(DemoTime.dayAndMonth(day, weekday: true) + (note.map { " (\($0))" } ?? ""))
            }
            day = DemoTime.midnight(after: day)
        }
        return days
    }

    /// The production calendar's holidays in `[start, end)`, e.g. `Mon 9 Mar (International Women's Day …)`.
    static func holidays(from start: Date, to end: Date) -> [String] {
        hours.exceptions.compactMap { exception in
            // A holiday on a weekend takes no working day (its day off moves to a weekday, listed too).
            guard case .holiday = exception.kind, Weekday.workweek.contains(exception.date.weekday),
                let midnight = DemoTime.midnight(of: exception.date), midnight >= start, midnight < end
            else { return nil }
            return "\(DemoTime.dayAndMonth(midnight, weekday: true)) (\(exception.note))"
        }
    }
}
