import Foundation
import WorkingTime

/// The desk's working calendar: Moscow time, Monday–Friday 09:00–13:00 and 14:00–18:00, with the
/// Russian production calendar for 2026 (public holidays, days off moved by the government, and
/// the pre-holiday days shortened by an hour under Labour Code art. 95).
enum DemoCalendar {
    /// The production calendar of 2026 in `ExceptionFile`'s CSV format, as a host would load it
    /// from a file (Government decree No. 1466 of 24 September 2025).
    static let russia2026 = """
        # Russia, production calendar 2026 (five-day week)
        date,kind,intervals,note
        2026-01-01,holiday,,New Year holidays
        2026-01-02,holiday,,New Year holidays
        2026-01-05,holiday,,New Year holidays
        2026-01-06,holiday,,New Year holidays
        2026-01-07,holiday,,Christmas
        2026-01-08,holiday,,New Year holidays
        2026-01-09,holiday,,Day off moved from Saturday 3 January
        2026-02-23,holiday,,Defender of the Fatherland Day
        2026-03-09,holiday,,International Women's Day, moved from Sunday 8 March
        2026-04-30,shortened,09:00-13:00 14:00-17:00,Pre-holiday day
        2026-05-01,holiday,,Spring and Labour Day
        2026-05-08,shortened,09:00-13:00 14:00-17:00,Pre-holiday day
        2026-05-11,holiday,,Victory Day, moved from Saturday 9 May
        2026-06-11,shortened,09:00-13:00 14:00-17:00,Pre-holiday day
        2026-06-12,holiday,,Russia Day
        2026-11-03,shortened,09:00-13:00 14:00-17:00,Pre-holiday day
        2026-11-04,holiday,,Unity Day
        2026-12-31,holiday,,Day off moved from Sunday 4 January
        """

    /// The office hours in Moscow time with the production calendar's exceptions.
    static let hours: BusinessCalendar = {
        do {
            let intervals = [try LocalInterval(parsing: "09:00-13:00"), try LocalInterval(parsing: "14:00-18:00")]
            return try BusinessCalendar(
                timeZoneIdentifier: DemoTime.zoneIdentifier,
                schedule: WeeklySchedule(weekdays: Weekday.workweek, intervals: intervals),
                exceptions: try ExceptionFile.parseCSV(russia2026))
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
            guard case .holiday = exception.kind, let midnight = DemoTime.midnight(of: exception.date),
                midnight >= start, midnight < end
            else { return nil }
            return "\(DemoTime.dayAndMonth(midnight, weekday: true)) (\(exception.note))"
        }
    }
}
