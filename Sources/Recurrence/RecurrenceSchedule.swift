import Foundation
import WorkingTime

/// One occurrence of a schedule: its local date and time and the instant they name.
public struct Occurrence: Hashable, Sendable, Codable, Comparable {
    /// The local date in the schedule's time zone.
    public let date: LocalDate
    /// The local wall time (DTSTART's time).
    public let time: TimeOfDay
    /// The instant (``LocalDate/instant(at:in:)``: gaps move later, repeated hours take the first).
    public let instant: Date

    /// Describes an occurrence.
    public init(date: LocalDate, time: TimeOfDay, instant: Date) {
        self.date = date
        self.time = time
        self.instant = instant
    }

    /// Orders by instant, then date.
    public static func < (lhs: Occurrence, rhs: Occurrence) -> Bool {
        (lhs.instant, lhs.date) < (rhs.instant, rhs.date)
    }
}

/// A rule anchored at a start (DTSTART) in a time zone, with excluded dates (EXDATE).
public struct RecurrenceSchedule: Hashable, Sendable, Codable {
    /// The rule.
    public let rule: RecurrenceRule
    /// DTSTART's local date: always the first occurrence.
    public let start: LocalDate
    /// DTSTART's local wall time, kept by every occurrence (exact across DST).
    public let time: TimeOfDay
    /// The zone whose wall clock the rule is read on.
    public let timeZone: TimeZone
    /// EXDATE: dates with no occurrence (they still count towards COUNT, as RFC 5545 says).
    public let exceptionDates: Set<LocalDate>

    /// Creates a schedule; throws for a time of 24:00.
    public init(
        rule: RecurrenceRule, start: LocalDate, time: TimeOfDay, timeZone: TimeZone, exceptionDates: Set<LocalDate> = []
    ) throws(RecurrenceError) {
        guard time < .endOfDay else { throw .outOfRange(part: "DTSTART", value: "\(start) \(time)") }
        self.rule = rule
        self.start = start
        self.time = time
        self.timeZone = timeZone
        self.exceptionDates = exceptionDates
    }

    /// The occurrences on dates in `from ... through`, in order, at most `limit` of them.
    ///
    /// - Complexity: proportional to the periods the rule steps through up to `through`.
    public func occurrences(from: LocalDate, through: LocalDate, limit: Int = .max) -> [Occurrence] {
        // A placeholder stepping by the frequency from DTSTART (BY… parts ignored); replaced by the
        // full expansion.
        var result: [Occurrence] = []
        var step = 0
        var period = 0
        while result.count < limit, period < 1_000_000 {
            if case .count(let n) = rule.end, step >= n { break }
            let date: LocalDate?
            switch rule.frequency {
            case .daily: date = try? start.adding(days: period * rule.interval)
            case .weekly: date = try? start.adding(days: 7 * period * rule.interval)
            case .monthly, .yearly:
                let months = period * rule.interval * (rule.frequency == .yearly ? 12 : 1)
                let index = start.year * 12 + start.month - 1 + months
                date = try? LocalDate(year: index / 12, month: index % 12 + 1, day: start.day)
                if date == nil, index / 12 > 9_999 { return result }
            }
            period += 1
            guard let date else { continue }
            if date > through { break }
            step += 1
            if date >= from, !exceptionDates.contains(date) {
                result.append(Occurrence(date: date, time: time, instant: date.instant(at: time, in: timeZone)))
            }
        }
        return result
    }

    /// The first `count` occurrences on or after `date` (a preview).
    public func occurrences(onOrAfter date: LocalDate, count: Int) -> [Occurrence] {
        occurrences(from: date, through: .last, limit: count)
    }
}
