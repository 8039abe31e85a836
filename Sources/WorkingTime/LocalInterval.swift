/// A half-open wall-clock working interval `[start, end)` within one local day.
///
/// When `end <= start` the interval crosses midnight and ends on the next day
/// (`22:00-06:00` is an 8-hour night shift; `00:00-00:00` is 24 hours); `end` may be `24:00`.
/// The interval belongs to the day on which it *starts*: an exception for a date replaces
/// the intervals starting on that date, including the part that runs past midnight.
public struct LocalInterval: Sendable, Hashable, TextCodable {
    /// Where the interval starts (inclusive); always before `24:00`.
    public let start: TimeOfDay
    /// Where the interval ends (exclusive); on the next day when `end <= start`.
    public let end: TimeOfDay

    /// The whole day, `00:00-24:00`.
    public static let fullDay = LocalInterval(uncheckedStart: 0, end: 86_400)

    init(uncheckedStart start: Int, end: Int) {
        self.start = TimeOfDay(unchecked: start)
        self.end = TimeOfDay(unchecked: end)
    }

    /// Creates `[start, end)`; throws when `start` is `24:00`.
    public init(start: TimeOfDay, end: TimeOfDay) throws(WorkingTimeError) {
        guard start.secondsSinceMidnight < 86_400 else {
            throw .invalidInterval(start: start.secondsSinceMidnight, end: end.secondsSinceMidnight)
        }
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM` (seconds optional on either side), e.g. `"22:00-06:00"`.
    public init(parsing text: String) throws(WorkingTimeError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw .malformed(line: 0, reason: "invalid interval '\(text)', expected HH:MM-HH:MM")
        }
        let start = try TimeOfDay(parsing: String(parts[0]))
        let end = try TimeOfDay(parsing: String(parts[1]))
        do { try self.init(start: start, end: end) } catch {
            throw .malformed(line: 0, reason: "invalid interval '\(text)': it must start before 24:00")
        }
    }

    /// `true` when the interval runs past midnight into the next day.
    public var crossesMidnight: Bool { end <= start }

    /// Nominal length on a day without a DST change (up to 24 hours).
    public var nominalDuration: WorkingDuration { .seconds(Int64(length)) }

    /// Offset of the start from local midnight, in seconds.
    var startSeconds: Int { start.secondsSinceMidnight }

    /// Nominal length in seconds, `1 ... 86_400`.
    var length: Int {
        let s = start.secondsSinceMidnight, e = end.secondsSinceMidnight
        return e > s ? e - s : e + 86_400 - s
    }

    /// `HH:MM-HH:MM`.
    public var description: String { "\(start)-\(end)" }

}
