/// What a ``LedgerID`` identifies; gives the text prefix of its description.
public protocol LedgerIDKind: Sendable {
    /// The description prefix, e.g. `account`.
    static var prefix: String { get }
}

/// Marks account identifiers.
public enum AccountIDKind: LedgerIDKind {
    /// `account`.
    public static let prefix = "account"
}

/// Marks transfer identifiers.
public enum TransferIDKind: LedgerIDKind {
    /// `transfer`.
    public static let prefix = "transfer"
}

/// The caller-chosen identity of an account, unique within a ledger.
public typealias AccountID = LedgerID<AccountIDKind>

/// The caller-chosen identity of a transfer; it doubles as the idempotency key.
public typealias TransferID = LedgerID<TransferIDKind>

/// A caller-chosen 64-bit identity of a ledger object; `Kind` keeps accounts and transfers apart.
public struct LedgerID<Kind: LedgerIDKind>: Hashable, Comparable, Codable, Sendable, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    /// The raw 64-bit identifier.
    public var rawValue: UInt64

    /// Wraps a raw identifier.
    @inlinable public init(_ rawValue: UInt64) { self.rawValue = rawValue }

    /// Wraps an integer literal.
    @inlinable public init(integerLiteral value: UInt64) { self.rawValue = value }

    /// Orders identifiers by their raw value.
    @inlinable public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Feeds the raw value to `hasher`.
    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// A fast seeded hash for the ledger's hot dictionaries (see ``fastIDHash(_:seed:)``).
    @inlinable public func _rawHashValue(seed: Int) -> Int { fastIDHash(rawValue, seed: seed) }

    /// `<kind>#<raw>`, e.g. `account#7`.
    public var description: String { "\(Kind.prefix)#\(rawValue)" }

    /// Encodes as a bare integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Decodes from a bare integer.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(UInt64.self)
    }
}

/// Mixes a 64-bit id with the dictionary's per-process seed (a murmur3-style finaliser).
///
/// Dictionaries keyed by ids sit on the ledger's hot path; a full SipHash per lookup costs more
/// than the rest of a transfer, so ids use this seeded mixer instead. It is not a keyed PRF, so
/// ids should not be chosen by an adversary who can observe timing.
@inlinable
func fastIDHash(_ value: UInt64, seed: Int) -> Int {
    var z = (value ^ UInt64(bitPattern: Int64(seed))) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
    z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
    return Int(bitPattern: UInt(truncatingIfNeeded: z ^ (z >> 33)))
}
