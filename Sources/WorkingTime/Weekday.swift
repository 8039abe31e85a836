/// A day of the week, ISO order (Monday first).
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable, CustomStringConvertible {
    /// Monday (ISO 1).
    case monday = 1
    /// Tuesday (ISO 2).
    case tuesday
    /// Wednesday (ISO 3).
    case wednesday
    /// Thursday (ISO 4).
    case thursday
    /// Friday (ISO 5).
    case friday
    /// Saturday (ISO 6).
    case saturday
    /// Sunday (ISO 7).
    case sunday

    /// Monday through Friday.
    public static let workweek: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// Zero-based index, Monday = 0.
    var index: Int { rawValue - 1 }

    /// The lower-case English name, also used as the JSON key.
    public var description: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }

    /// The weekday with the given lower-case English name.
    init?(name: String) {
        guard let day = Weekday.allCases.first(where: { $0.description == name }) else { return nil }
        self = day
    }

    /// Encodes as the lower-case name when used as a dictionary key.
    public var codingKey: any CodingKey { WeekdayKey(stringValue: description) }

    /// Decodes from a lower-case name used as a dictionary key.
    public init?<T: CodingKey>(codingKey: T) {
        self.init(name: codingKey.stringValue)
    }
}

struct WeekdayKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
