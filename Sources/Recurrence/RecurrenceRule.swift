import Foundation
import WorkingTime

/// A recurrence rule: the documented subset of RFC 5545 `RRULE` (see Documentation/Recurrence.md).
///
/// FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, BYDAY with ordinals (`2TU`, `-1FR`),
/// BYMONTHDAY (negative counts from the month's end), BYMONTH, BYSETPOS, COUNT or UNTIL, WKST.
/// The lists are kept sorted and without repeats, so rules that mean the same compare equal.
public struct RecurrenceRule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How often the rule repeats before BY… parts expand or limit it.
    public enum Frequency: String, Hashable, Sendable, Codable, CaseIterable {
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// A BYDAY entry: a weekday, optionally the n-th (or n-th from last, when negative) in the period.
    public struct WeekdayNumber: Hashable, Sendable, Codable, Comparable {
        /// `nil`: every such weekday of the period; else `±1 … ±53` (±5 within a month).
        public var ordinal: Int?
        /// The weekday.
        public var weekday: Weekday

        /// Describes a BYDAY entry.
        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }

        /// Orders by weekday (Monday first), then plain before ordinals, then by ordinal.
        public static func < (lhs: WeekdayNumber, rhs: WeekdayNumber) -> Bool {
            (lhs.weekday.rawValue, lhs.ordinal ?? Int.min) < (rhs.weekday.rawValue, rhs.ordinal ?? Int.min)
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
        /// After the last occurrence at or before this instant (`UNTIL=YYYYMMDDTHHMMSSZ`, whole seconds).
        case untilInstant(Date)
    }

    /// FREQ.
    public let frequency: Frequency
    /// INTERVAL, `1 … 10_000`.
    public let interval: Int
    /// BYDAY, sorted, without repeats.
    public let byDay: [WeekdayNumber]
    /// BYMONTHDAY, `±1 … ±31`, sorted, without repeats.
    public let byMonthDay: [Int]
    /// BYMONTH, `1 … 12`, sorted, without repeats.
    public let byMonth: [Int]
    /// BYSETPOS, `±1 … ±366`, sorted, without repeats.
    public let bySetPosition: [Int]
    /// COUNT or UNTIL.
    public let end: End
    /// WKST: the first day of the week for WEEKLY rules with an interval above one.
    public let weekStart: Weekday

    /// The largest INTERVAL accepted.
    public static let maximumInterval = 10_000
    /// The largest COUNT accepted.
    public static let maximumCount = 100_000

    /// Creates a rule, rejecting values RFC 5545 forbids or this subset does not support.
    public init(
        frequency: Frequency, interval: Int = 1, byDay: [WeekdayNumber] = [], byMonthDay: [Int] = [],
        byMonth: [Int] = [], bySetPosition: [Int] = [], end: End = .never, weekStart: Weekday = .monday
    ) throws(RecurrenceError) {
        self.frequency = frequency
        self.interval = interval
        self.byDay = Array(Set(byDay)).sorted()
        self.byMonthDay = Array(Set(byMonthDay)).sorted()
        self.byMonth = Array(Set(byMonth)).sorted()
        self.bySetPosition = Array(Set(bySetPosition)).sorted()
        self.end = end
        self.weekStart = weekStart
        try validate()
    }

    /// Checks the parts' ranges and combinations (RFC 5545 §3.3.10 and this subset's limits).
    func validate() throws(RecurrenceError) {
        guard (1...Self.maximumInterval).contains(interval) else {
            throw .outOfRange(part: "INTERVAL", value: "\(interval)")
        }
        switch end {
        case .never, .untilDate: break
        case .count(let n):
            guard (1...Self.maximumCount).contains(n) else { throw .outOfRange(part: "COUNT", value: "\(n)") }
        case .untilInstant(let instant):
            let seconds = instant.timeIntervalSince1970
            guard seconds.isFinite, seconds.rounded(.down) == seconds,
                seconds >= -62_135_596_800, seconds <= 253_402_300_799
            else { throw .outOfRange(part: "UNTIL", value: "\(seconds)") }
        }
        for month in byMonth where !(1...12).contains(month) {
            throw .outOfRange(part: "BYMONTH", value: "\(month)")
        }
        for day in byMonthDay where day == 0 || !(-31...31).contains(day) {
            throw .outOfRange(part: "BYMONTHDAY", value: "\(day)")
        }
        for position in bySetPosition where position == 0 || !(-366...366).contains(position) {
            throw .outOfRange(part: "BYSETPOS", value: "\(position)")
        }
        if !byMonthDay.isEmpty, frequency == .weekly {
            throw .conflicting("BYMONTHDAY cannot be used with FREQ=WEEKLY")
        }
        if !bySetPosition.isEmpty, byDay.isEmpty, byMonthDay.isEmpty, byMonth.isEmpty {
            throw .conflicting("BYSETPOS needs another BY… part")
        }
        // An ordinal counts within the month (MONTHLY, or YEARLY with BYMONTH) or within the year.
        let limit = frequency == .yearly && byMonth.isEmpty ? 53 : 5
        for entry in byDay {
            guard let ordinal = entry.ordinal else { continue }
            guard frequency == .monthly || frequency == .yearly else {
                throw .conflicting("BYDAY ordinals need FREQ=MONTHLY or YEARLY")
            }
            guard ordinal != 0, (-limit...limit).contains(ordinal) else {
                throw .outOfRange(part: "BYDAY", value: "\(ordinal)\(entry.weekday.rfc5545Code)")
            }
        }
    }

    /// Encodes as the canonical RRULE text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from RRULE text, rejecting anything `init(parsing:)` refuses.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try RecurrenceRule(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }
}

extension Weekday {
    /// The RFC 5545 two-letter code (`MO` … `SU`).
    public var rfc5545Code: String {
        switch self {
        case .monday: "MO"
        case .tuesday: "TU"
        case .wednesday: "WE"
        case .thursday: "TH"
        case .friday: "FR"
        case .saturday: "SA"
        case .sunday: "SU"
        }
    }

    /// The weekday of an RFC 5545 two-letter code, any case.
    init?(code: Substring) {
        guard let day = Weekday.allCases.first(where: { $0.rfc5545Code == code.uppercased() }) else { return nil }
        self = day
    }
}
