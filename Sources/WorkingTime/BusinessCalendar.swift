import Foundation

/// A working-time calendar: a time zone, a weekly schedule and dated exceptions.
///
/// Working time is defined on the zone's wall clock: an instant is working when its local
/// date and time fall in a working interval that starts on that date (or on the day before,
/// for intervals crossing midnight). Consequently a wall-clock interval that overlaps a
/// spring-forward gap is shortened by the gap, and one that spans a fall-back hour is
/// lengthened by it: real elapsed seconds count, and a repeated local hour counts twice.
///
/// The value is cheap to copy and safe to share across tasks: it compiles its definition
/// once at creation into immutable lookup tables (about 1 ms for a DST zone).
public struct BusinessCalendar: Sendable, Hashable, Codable {
    /// The IANA time zone whose wall clock the schedule is read on.
    public let timeZone: TimeZone
    /// The regular weekly schedule.
    public let schedule: WeeklySchedule
    /// The dated exceptions, sorted by date.
    public let exceptions: [CalendarException]

    let engine: CalendarEngine

    /// Creates a calendar; throws `.duplicateException` when two exceptions share a date, and
    /// `.negativeDuration` / `.invalidTimeOfDay` for a `shortenedBy` cut outside 0 … 24 h.
    ///
    /// - Complexity: O(e log e + z) for e exceptions and z zone transitions in 1900 ..< 2400.
    public init(
        timeZone: TimeZone, schedule: WeeklySchedule, exceptions: [CalendarException] = []
    ) throws(WorkingTimeError) {
        let sorted = exceptions.sorted { $0.date < $1.date }
        var byDay: [Int64: [LocalInterval]] = [:]
        for exception in sorted {
            let day = exception.date.dayNumber
            if byDay[day] != nil { throw .duplicateException(exception.date) }
            if case .shortenedBy(let cut) = exception.kind {
                guard cut.seconds >= 0 else { throw .negativeDuration(cut) }
                guard cut.seconds <= 86_400 else { throw .invalidTimeOfDay(seconds: Int(clamping: cut.seconds)) }
            }
            byDay[day] = exception.intervals(in: schedule)
        }
        self.init(timeZone: timeZone, schedule: schedule, sorted: sorted, byDay: byDay)
    }

    private init(timeZone: TimeZone, schedule: WeeklySchedule, sorted: [CalendarException], byDay: [Int64: [LocalInterval]]) {
        self.timeZone = timeZone
        self.schedule = schedule
        self.exceptions = sorted
        engine = CalendarEngine(timeZone: timeZone, schedule: schedule, exceptions: byDay)
    }

    /// Creates a calendar for a zone given by its IANA identifier, e.g. `"Europe/Moscow"`.
    public init(
        timeZoneIdentifier: String, schedule: WeeklySchedule, exceptions: [CalendarException] = []
    ) throws(WorkingTimeError) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else { throw .unknownTimeZone(timeZoneIdentifier) }
        try self.init(timeZone: zone, schedule: schedule, exceptions: exceptions)
    }

    /// A calendar that works around the clock, every day, with no gap at midnight.
    public static func twentyFourSeven(timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> BusinessCalendar {
        BusinessCalendar(timeZone: timeZone, schedule: .twentyFourSeven, sorted: [], byDay: [:])
    }

    /// The same weekly schedule and exceptions read on another zone's wall clock (e.g. a
    /// client's local time).
    public func inTimeZone(_ zone: TimeZone) -> BusinessCalendar {
        guard zone.identifier != timeZone.identifier else { return self }
        let byDay = Dictionary(
            exceptions.map { ($0.date.dayNumber, $0.intervals(in: schedule)) }, uniquingKeysWith: { first, _ in first })
        return BusinessCalendar(timeZone: zone, schedule: schedule, sorted: exceptions, byDay: byDay)
    }

    /// A copy with `more` exceptions added; throws if a date is then listed twice.
    public func adding(_ more: [CalendarException]) throws(WorkingTimeError) -> BusinessCalendar {
        try BusinessCalendar(timeZone: timeZone, schedule: schedule, exceptions: exceptions + more)
    }

    /// Equal when zone identifier, schedule and exceptions are equal.
    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.timeZone.identifier == rhs.timeZone.identifier && lhs.schedule == rhs.schedule
            && lhs.exceptions == rhs.exceptions
    }

    /// Hashes the zone identifier, schedule and exceptions.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(timeZone.identifier)
        hasher.combine(schedule)
        hasher.combine(exceptions)
    }

    private enum CodingKeys: String, CodingKey { case timeZone, schedule, exceptions }

    /// Encodes `{"timeZone": "Europe/Berlin", "schedule": {...}, "exceptions": [...]}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeZone.identifier, forKey: .timeZone)
        try container.encode(schedule, forKey: .schedule)
        try container.encode(exceptions, forKey: .exceptions)
    }

    /// Decodes the form written by `encode(to:)` and compiles it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let identifier = try container.decode(String.self, forKey: .timeZone)
        let schedule = try container.decode(WeeklySchedule.self, forKey: .schedule)
        let exceptions = try container.decodeIfPresent([CalendarException].self, forKey: .exceptions) ?? []
        do {
            try self.init(timeZoneIdentifier: identifier, schedule: schedule, exceptions: exceptions)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .timeZone, in: container, debugDescription: error.description)
        }
    }
}
