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
///
/// DTSTART is always the first occurrence and counts towards COUNT, even when the rule would not
/// produce it; occurrences before it are never produced. UNTIL applies to DTSTART too.
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
    /// - Complexity: proportional to the periods the rule steps through from `from` (from DTSTART
    ///   when the rule has a COUNT) up to `through`; at most one 400-year cycle of empty periods.
    public func occurrences(from: LocalDate, through: LocalDate, limit: Int = .max) -> [Occurrence] {
        guard limit > 0, from <= through else { return [] }
        var result: [Occurrence] = []
        var iterator = Occurrences.Iterator(self, from: from, through: through)
        while result.count < limit, let next = iterator.next() {
            if next.date > through { break }
            if next.date >= from { result.append(next) }
        }
        return result
    }

    /// The first `count` occurrences on or after `date` (a preview).
    public func occurrences(onOrAfter date: LocalDate, count: Int) -> [Occurrence] {
        occurrences(from: date, through: .last, limit: count)
    }

    /// Every occurrence on or after `date`, lazily, in order (finite: it ends with year 9999 at the latest).
    public func lazyOccurrences(from date: LocalDate = .first) -> Occurrences {
        Occurrences(schedule: self, from: date)
    }

    /// A lazy sequence of a schedule's occurrences.
    public struct Occurrences: Sequence, Sendable {
        /// The schedule expanded.
        public let schedule: RecurrenceSchedule
        /// Occurrences before this date are not produced.
        public let from: LocalDate

        /// Starts the expansion.
        public func makeIterator() -> Iterator { Iterator(schedule, from: from, through: .last) }

        /// Steps through the rule's periods, one period's candidate days at a time.
        public struct Iterator: IteratorProtocol, Sendable {
            private let expander: PeriodExpander
            private let schedule: RecurrenceSchedule
            private let count: Int
            private let lastDay: Int
            private let untilInstant: Date?
            private let fromDay: Int
            private var offsets: OffsetCache
            private var period = 0
            private var buffer: [Int] = []
            private var index = 0
            private var produced = 0
            private var startPending = true
            private var emptyRun = 0
            private var finished = false

            init(_ schedule: RecurrenceSchedule, from: LocalDate, through: LocalDate) {
                self.schedule = schedule
                offsets = OffsetCache(zone: schedule.timeZone)
                expander = PeriodExpander(rule: schedule.rule, start: schedule.start)
                fromDay = CivilDays.number(from)
                var last = CivilDays.number(through)
                switch schedule.rule.end {
                case .never:
                    count = .max
                    untilInstant = nil
                case .count(let n):
                    count = n
                    untilInstant = nil
                case .untilDate(let date):
                    count = .max
                    untilInstant = nil
                    last = Swift.min(last, CivilDays.number(date))
                case .untilInstant(let instant):
                    count = .max
                    untilInstant = instant
                    // The local date of UNTIL, a day later to be safe about the zone's offset.
                    if let date = try? LocalDate(instant, in: schedule.timeZone) {
                        last = Swift.min(last, CivilDays.number(date) + 1)
                    }
                }
                lastDay = last
                // Without COUNT nothing before `from` matters: start at the period that reaches it.
                if count == .max, fromDay > expander.startDay {
                    period = expander.firstPeriod(reaching: fromDay)
                    startPending = false
                }
            }

            /// The next occurrence, or `nil` when the rule has ended.
            public mutating func next() -> Occurrence? {
                while !finished, produced < count {
                    let day: Int
                    if startPending {
                        startPending = false
                        day = expander.startDay
                    } else if index < buffer.count {
                        day = buffer[index]
                        index += 1
                        if day <= expander.startDay { continue }
                    } else {
                        fill()
                        continue
                    }
                    guard day <= lastDay, let date = CivilDays.date(day) else {
                        finished = true
                        return nil
                    }
                    let instant = offsets.instant(date, day: day, seconds: schedule.time.secondsSinceMidnight)
                    if let untilInstant, instant > untilInstant {
                        finished = true
                        return nil
                    }
                    produced += 1
                    if day < fromDay || schedule.exceptionDates.contains(date) { continue }
                    return Occurrence(date: date, time: schedule.time, instant: instant)
                }
                return nil
            }

            /// Loads the next period's candidates; ends after the last period or a 400-year run of empty ones.
            private mutating func fill() {
                guard let first = expander.firstDay(period), first <= lastDay else {
                    finished = true
                    return
                }
                expander.candidates(period, into: &buffer)
                index = 0
                period += 1
                if buffer.isEmpty {
                    emptyRun += 1
                    if emptyRun >= expander.emptyLimit { finished = true }
                } else {
                    emptyRun = 0
                }
            }
        }
    }
}
