/// The human-facing ticket number, sequential per desk; shown as `#1042`.
public struct TicketNumber: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The number itself.
    public let rawValue: Int

    /// Wraps a number.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Wraps a number.
    public init(_ rawValue: Int) {
        self.rawValue = rawValue
    }

    /// `#` followed by the number.
    public var description: String { "#\(rawValue)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
