/// The regular working intervals of each weekday, repeated every week.
///
/// A weekday may have any number of intervals; overlapping intervals are merged (their
/// union is working time). Intervals crossing midnight spill into the next day.
public struct WeeklySchedule: Sendable, Hashable, Codable {
    /// Intervals per weekday, Monday first (always 7 entries).
    private var days: [[LocalInterval]]

    /// A schedule with no working time.
    public static let empty = WeeklySchedule()

    /// Every day `00:00-24:00`: working around the clock with no gap at midnight.
    public static let twentyFourSeven = WeeklySchedule(
        Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [LocalInterval.fullDay]) })
    )

    /// Creates a schedule from intervals per weekday; missing weekdays are days off.
    public init(_ intervals: [Weekday: [LocalInterval]] = [:]) {
        days = Weekday.allCases.map { intervals[$0] ?? [] }
    }

    /// Creates a schedule where each of `weekdays` has the same `intervals`.
    public init(weekdays: [Weekday], intervals: [LocalInterval]) {
        self.init(Dictionary(weekdays.map { ($0, intervals) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The intervals of `weekday`, in the order given.
    public func intervals(on weekday: Weekday) -> [LocalInterval] { days[weekday.index] }

    /// Replaces the intervals of `weekday`.
    public mutating func setIntervals(_ intervals: [LocalInterval], on weekday: Weekday) {
        days[weekday.index] = intervals
    }

    /// Intervals used by an extra working day given without intervals: those of the first
    /// weekday (Monday ... Sunday) that has any, or none if the schedule is empty.
    public var standardWorkday: [LocalInterval] { days.first(where: { !$0.isEmpty }) ?? [] }

    /// `true` when no weekday has an interval.
    public var isEmpty: Bool { days.allSatisfy(\.isEmpty) }

    /// Encodes as an object keyed by lower-case weekday names (days off omitted).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: WeekdayKey.self)
        for day in Weekday.allCases where !days[day.index].isEmpty {
            try container.encode(days[day.index], forKey: WeekdayKey(stringValue: day.description))
        }
    }

    /// Decodes from an object keyed by lower-case weekday names.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: WeekdayKey.self)
        var map: [Weekday: [LocalInterval]] = [:]
        for key in container.allKeys {
            guard let day = Weekday(name: key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "unknown weekday '\(key.stringValue)'")
            }
            map[day] = try container.decode([LocalInterval].self, forKey: key)
        }
        self.init(map)
    }
}
