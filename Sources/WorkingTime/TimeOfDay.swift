/// A wall-clock time of day in whole seconds since local midnight, `00:00` through `24:00`.
///
/// `24:00` (86 400 s) is only meaningful as the end of an interval.
public struct TimeOfDay: Sendable, Hashable, Comparable, TextCodable {
    /// Seconds since local midnight, `0 ... 86_400`.
    public let secondsSinceMidnight: Int

    /// Local midnight at the start of the day, `00:00`.
    public static let midnight = TimeOfDay(unchecked: 0)
    /// The end of the day, `24:00`.
    public static let endOfDay = TimeOfDay(unchecked: 86_400)

    init(unchecked seconds: Int) { secondsSinceMidnight = seconds }

    /// Creates a time of day from seconds since midnight; throws outside `0 ... 86_400`.
    public init(secondsSinceMidnight seconds: Int) throws(WorkingTimeError) {
        guard (0...86_400).contains(seconds) else { throw .invalidTimeOfDay(seconds: seconds) }
        secondsSinceMidnight = seconds
    }

    /// Creates `hour:minute:second`; `24:00:00` is the only valid time with hour 24.
    public init(hour: Int, minute: Int = 0, second: Int = 0) throws(WorkingTimeError) {
        guard (0...24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else {
            // Reported in seconds since midnight, computed in 128 bits and clamped to `Int` so that
            // no absurd hour or minute can overflow while building the error.
            let seconds = Int128(hour) * 3_600 + Int128(minute) * 60 + Int128(second)
            throw .invalidTimeOfDay(seconds: Int(clamping: seconds))
        }
        try self.init(secondsSinceMidnight: hour * 3_600 + minute * 60 + second)
    }

    /// Parses `HH:MM` or `HH:MM:SS` (24-hour clock, `24:00` allowed).
    public init(parsing text: String) throws(WorkingTimeError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
            parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
            let h = Int(parts[0]), let m = Int(parts[1]), let s = parts.count == 3 ? Int(parts[2]) : 0
        else { throw .malformed(line: 0, reason: "invalid time of day '\(text)', expected HH:MM or HH:MM:SS") }
        do { try self.init(hour: h, minute: m, second: s) } catch {
            throw .malformed(line: 0, reason: "invalid time of day '\(text)'")
        }
    }

    /// Orders times within the day.
    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }

    /// `HH:MM`, or `HH:MM:SS` when seconds are not zero.
    public var description: String {
        let s = secondsSinceMidnight
        let base = "\(twoDigits(s / 3_600)):\(twoDigits(s / 60 % 60))"
        return s % 60 == 0 ? base : base + ":\(twoDigits(s % 60))"
    }

}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
