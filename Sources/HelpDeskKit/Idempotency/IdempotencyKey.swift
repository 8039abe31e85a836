/// A host-supplied request identifier that makes a command safe to retry: the same key with the
/// same input returns the first call's result and commits nothing again.
///
/// 1–200 characters without control characters, e.g. an HTTP `Idempotency-Key` header or a
/// message ID. Keys are kept for ``HelpDeskConfiguration/idempotencyHorizon`` of clock time.
public struct IdempotencyKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The key as the host gave it.
    public let rawValue: String

    /// Wraps `rawValue`; ``HelpDesk`` validates it when a command receives it.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: IdempotencyKey, rhs: IdempotencyKey) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }

    /// The longest accepted key, in characters.
    public static let maximumLength = 200
}
