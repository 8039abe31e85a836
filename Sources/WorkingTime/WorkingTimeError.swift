import Foundation

/// Every failure the WorkingTime module reports, as a typed error.
public enum WorkingTimeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A time of day outside `00:00:00 ... 24:00:00` (given in seconds since midnight).
    case invalidTimeOfDay(seconds: Int)
    /// An interval whose start is `24:00` (an interval must start within the day).
    case invalidInterval(start: Int, end: Int)
    /// A calendar date that does not exist or lies outside years 1...9999.
    case invalidDate(year: Int, month: Int, day: Int)
    /// A time-zone identifier Foundation does not know.
    case unknownTimeZone(String)
    /// Two exceptions were given for the same date.
    case duplicateException(LocalDate)
    /// A negative working duration was passed where only durations `>= 0` make sense.
    case negativeDuration(WorkingDuration)
    /// The calendar has no working time at all (or none left after, or before, the given instant).
    case noWorkingTime
    /// An input instant is not finite or lies outside the supported range (years 1900 ..< 2400 UTC).
    case instantOutOfRange(Date)
    /// The answer exists only beyond the supported range (years 1900 ..< 2400 UTC).
    case resultOutOfRange
    /// Text that could not be parsed: `line` is 1-based (0 when the text is a single value).
    case malformed(line: Int, reason: String)

    /// A readable explanation of the error.
    public var description: String {
        switch self {
        case .invalidTimeOfDay(let seconds):
            return "invalid time of day: \(seconds) s since midnight (allowed 0...86400)"
        case .invalidInterval(let start, let end):
            return "invalid interval \(start)s-\(end)s: an interval must start before 24:00"
        case .invalidDate(let year, let month, let day):
            return "invalid date \(year)-\(month)-\(day)"
        case .unknownTimeZone(let identifier):
            return "unknown time zone '\(identifier)'"
        case .duplicateException(let date):
            return "more than one exception for \(date)"
        case .negativeDuration(let duration):
            return "negative working duration \(duration)"
        case .noWorkingTime:
            return "the calendar has no working time in the requested direction"
        case .instantOutOfRange(let date):
            return "instant \(date) is outside the supported range 1900-01-01 ..< 2400-01-01 UTC"
        case .resultOutOfRange:
            return "the result lies beyond the supported range 1900-01-01 ..< 2400-01-01 UTC"
        case .malformed(let line, let reason):
            return line > 0 ? "line \(line): \(reason)" : reason
        }
    }
}
