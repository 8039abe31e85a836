/// A non-negative quantity in integer minor units (kopecks, cents, points, minutes…).
///
/// The type cannot hold a negative value; a transfer further rejects zero with
/// ``TransferFailure/zeroAmount``. Use ``init(validating:)`` to convert a signed integer.
public struct Amount: Hashable, Comparable, Codable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The quantity in minor units.
    public var minorUnits: UInt64

    /// Wraps a quantity of minor units.
    @inlinable public init(_ minorUnits: UInt64) { self.minorUnits = minorUnits }

    /// Wraps an integer literal.
    @inlinable public init(integerLiteral value: UInt64) { self.minorUnits = value }

    /// Converts a signed integer, rejecting zero and negative values with ``LedgerError/invalidAmount(_:)``.
    public init(validating value: Int64) throws(LedgerError) {
        guard value > 0 else { throw .invalidAmount(value) }
        self.minorUnits = UInt64(value)
    }

    /// The zero amount (valid as a balance, rejected as a transfer amount).
    public static let zero = Amount(0)

    /// Orders amounts by quantity.
    @inlinable public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.minorUnits < rhs.minorUnits }

    /// The quantity as a decimal string of minor units.
    public var description: String { String(minorUnits) }

    /// Encodes as a bare integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(minorUnits)
    }

    /// Decodes from a bare integer.
    public init(from decoder: any Decoder) throws {
        minorUnits = try decoder.singleValueContainer().decode(UInt64.self)
    }
}
