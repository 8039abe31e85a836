import Foundation
import WorkingTime

/// Fixed-format rendering of instants in Moscow time (the desk's time zone), independent of the
/// machine's locale and zone.
enum DemoTime {
    /// The desk's time zone.
    static let zoneIdentifier = "Europe/Moscow"
    /// The desk's time zone.
    static let zone = TimeZone(identifier: zoneIdentifier)!

    /// The Gregorian calendar in Moscow time, used for every conversion in the demo.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    /// The scripted day: Friday, 6 March 2026, the last working day before the weekend and the
    /// International Women's Day holiday on Monday 9 March.
    static let day = DateComponents(year: 2026, month: 3, day: 6)

    /// The instant `hour:minute` Moscow time on the scripted day.
    static func on(_ hour: Int, _ minute: Int) -> Date {
        at(hour, minute, on: midnight(of: day))
    }

    /// The instant `hour:minute` Moscow time on the day starting at `midnight`.
    static func at(_ hour: Int, _ minute: Int, on midnight: Date) -> Date {
        var parts = calendar.dateComponents([.year, .month, .day], from: midnight)
        parts.hour = hour
        parts.minute = minute
        return calendar.date(from: parts)!
    }

    /// Midnight (Moscow time) starting the date `parts` (year, month, day).
    static func midnight(of parts: DateComponents) -> Date {
        calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day))!
    }

    /// Midnight (Moscow time) starting `date`, `nil` for a date Foundation cannot represent.
    static func midnight(of date: LocalDate) -> Date? {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
    }

    /// Midnight (Moscow time) of the day holding `instant`.
    static func startOfDay(_ instant: Date) -> Date { calendar.startOfDay(for: instant) }

    /// The midnight after the day holding `instant`.
    static func midnight(after instant: Date) -> Date {
        calendar.date(byAdding: .day, value: 1, to: startOfDay(instant))!
    }

    /// The Moscow date of `instant`, for time entries and rates.
    static func localDate(_ instant: Date) -> LocalDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return try! LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// `HH:mm` in Moscow time, e.g. `08:30`.
    static func clock(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return twoDigits(parts.hour ?? 0) + ":" + twoDigits(parts.minute ?? 0)
    }

    /// `YYYY-MM-DD` in Moscow time, e.g. `2026-03-06`.
    static func date(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return "\(parts.year ?? 0)-" + twoDigits(parts.month ?? 0) + "-" + twoDigits(parts.day ?? 0)
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `9 Mar`, or `Mon 9 Mar` with the weekday.
    static func dayAndMonth(_ instant: Date, weekday: Bool = false) -> String {
        let parts = calendar.dateComponents([.weekday, .month, .day], from: instant)
        let text = "\(parts.day ?? 0) \(months[(parts.month ?? 1) - 1])"
        return weekday ? weekdays[(parts.weekday ?? 1) - 1] + " " + text : text
    }

    /// `HH:mm` on the day starting at `today` (the scripted day by default), `Tue 10 Mar HH:mm` on another.
    static func moment(_ instant: Date, today: Date = on(0, 0)) -> String {
        guard !calendar.isDate(instant, inSameDayAs: today) else { return clock(instant) }
        return dayAndMonth(instant, weekday: true) + " " + clock(instant)
    }

    /// An ISO 8601 audit value (e.g. `2026-03-06T11:00:00Z`) as Moscow `HH:mm`; other text is returned as is.
    static func auditValue(_ text: String) -> String {
        guard let instant = try? Date(text, strategy: .iso8601) else { return text }
        return clock(instant)
    }

    /// `value` as two decimal digits, zero-padded.
    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
