import Foundation

/// Fixed-format, fixed-time-zone (UTC) rendering of instants, independent of the machine's locale.
enum DemoTime {
    /// The Gregorian calendar in UTC, used for every conversion in the demo.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The simulated day: Monday, 2 March 2026.
    static let day = DateComponents(year: 2026, month: 3, day: 2)

    /// The instant `hour:minute` UTC on the simulated day.
    static func on(_ hour: Int, _ minute: Int) -> Date {
        var components = day
        components.hour = hour
        components.minute = minute
        return calendar.date(from: components)!
    }

    /// `HH:mm` in UTC, e.g. `08:30`.
    static func clock(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return twoDigits(parts.hour ?? 0) + ":" + twoDigits(parts.minute ?? 0)
    }

    /// `YYYY-MM-DD` in UTC, e.g. `2026-03-02`.
    static func date(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return "\(parts.year ?? 0)-" + twoDigits(parts.month ?? 0) + "-" + twoDigits(parts.day ?? 0)
    }

    /// `HH:mm` on the demo day, `Tue HH:mm` on a later day.
    static func moment(_ instant: Date) -> String {
        let days = calendar.dateComponents([.day], from: on(0, 0), to: instant).day ?? 0
        guard days != 0 else { return clock(instant) }
        let weekday = calendar.component(.weekday, from: instant)
        return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][weekday - 1] + " " + clock(instant)
    }

    /// An ISO 8601 audit value (e.g. `2026-03-02T14:00:00Z`) as `HH:mm`; other text is returned as is.
    static func auditValue(_ text: String) -> String {
        guard let instant = try? Date(text, strategy: .iso8601) else { return text }
        return clock(instant)
    }

    /// `value` as two decimal digits, zero-padded.
    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
