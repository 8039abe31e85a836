/// The unit an account is kept in: a currency code such as `RUB`, or a prepaid unit such as `points`.
///
/// Transfers only move value between accounts of the same unit.
public struct LedgerUnit: Hashable, Comparable, Codable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The unit's code, compared exactly (case-sensitive).
    public var code: String

    /// Wraps a unit code.
    public init(_ code: String) { self.code = code }

    /// Wraps a string literal.
    public init(stringLiteral value: String) { self.code = value }

    /// Orders units by code.
    public static func < (lhs: LedgerUnit, rhs: LedgerUnit) -> Bool { lhs.code < rhs.code }

    /// The unit's code.
    public var description: String { code }

    /// Encodes as a bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// Decodes from a bare string.
    public init(from decoder: any Decoder) throws {
        code = try decoder.singleValueContainer().decode(String.self)
    }
}
