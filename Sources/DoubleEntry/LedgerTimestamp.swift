import Foundation

/// A ledger instant: nanoseconds since 1970-01-01T00:00:00Z, as an unsigned 64-bit integer.
///
/// The ledger assigns every transfer and every expiry a timestamp strictly greater than the
/// previous one and at least the caller's `now`, so timestamps are unique and totally order
/// the ledger's history. The range reaches the year 2554.
public struct LedgerTimestamp: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Nanoseconds since the Unix epoch.
    public var nanosecondsSinceEpoch: UInt64

    /// Wraps a nanosecond count.
    @inlinable public init(nanosecondsSinceEpoch: UInt64) { self.nanosecondsSinceEpoch = nanosecondsSinceEpoch }

    /// Converts a `Date`, clamping instants before 1970 to zero and beyond the range to the maximum.
    ///
    /// `Date` holds a `Double`, so the conversion is exact only to about a quarter microsecond.
    public init(_ date: Date) {
        let nanos = (date.timeIntervalSince1970 * 1_000_000_000).rounded()
        if !(nanos > 0) {
            nanosecondsSinceEpoch = 0
        } else if nanos >= 0x1p64 {
            nanosecondsSinceEpoch = .max
        } else {
            nanosecondsSinceEpoch = UInt64(nanos)
        }
    }

    /// The earliest representable instant (the Unix epoch).
    public static let zero = LedgerTimestamp(nanosecondsSinceEpoch: 0)

    /// The latest representable instant.
    public static let max = LedgerTimestamp(nanosecondsSinceEpoch: .max)

    /// The instant as a `Date` (to about a quarter microsecond).
    public var date: Date { Date(timeIntervalSince1970: Double(nanosecondsSinceEpoch) / 1_000_000_000) }

    /// This instant moved forward by `seconds`, saturating at ``max``.
    public func adding(seconds: UInt64) -> LedgerTimestamp {
        let (nanos, o1) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, o2) = nanosecondsSinceEpoch.addingReportingOverflow(nanos)
        return LedgerTimestamp(nanosecondsSinceEpoch: (o1 || o2) ? .max : sum)
    }

    /// This instant moved forward by `nanoseconds`, saturating at ``max``.
    public func adding(nanoseconds: UInt64) -> LedgerTimestamp {
        let (sum, overflow) = nanosecondsSinceEpoch.addingReportingOverflow(nanoseconds)
        return LedgerTimestamp(nanosecondsSinceEpoch: overflow ? .max : sum)
    }

    /// Orders instants chronologically.
    @inlinable public static func < (lhs: LedgerTimestamp, rhs: LedgerTimestamp) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    /// The nanosecond count.
    public var description: String { "\(nanosecondsSinceEpoch)ns" }

    /// Encodes as a bare integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(nanosecondsSinceEpoch)
    }

    /// Decodes from a bare integer.
    public init(from decoder: any Decoder) throws {
        nanosecondsSinceEpoch = try decoder.singleValueContainer().decode(UInt64.self)
    }
}
