import Foundation

/// A typed identifier: `Identifier<Ticket>` cannot be passed where `Identifier<Employee>` is expected.
///
/// The raw value is a UUID; identifiers are produced by an injected ``IdentifierSource`` so that
/// a seeded run yields the same identifiers every time.
public struct Identifier<Tag>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The underlying UUID.
    public let rawValue: UUID

    /// Wraps an existing UUID.
    public init(_ rawValue: UUID) {
        self.rawValue = rawValue
    }

    /// Parses the canonical UUID text form; `nil` when the text is not a UUID.
    public init?(uuidString: String) {
        guard let uuid = UUID(uuidString: uuidString) else { return nil }
        self.rawValue = uuid
    }

    /// The canonical upper-case UUID text.
    public var description: String { rawValue.uuidString }

    /// Hashes the two 64-bit halves: cheaper than hashing the UUID's sixteen bytes one by one.
    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: rawValue.uuid) { bytes in
            hasher.combine(bytes.loadUnaligned(as: UInt64.self))
            hasher.combine(bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    /// A fast seeded hash for the stores' hot dictionaries (see ``identifierHash(_:_:seed:)``).
    public func _rawHashValue(seed: Int) -> Int {
        withUnsafeBytes(of: rawValue.uuid) { bytes in
            identifierHash(
                bytes.loadUnaligned(as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self), seed: seed)
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Orders identifiers by their 128-bit value, so sorting by identifier is deterministic.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let (lhsHigh, lhsLow) = lhs.rawValue.halves
        let (rhsHigh, rhsLow) = rhs.rawValue.halves
        return lhsHigh != rhsHigh ? lhsHigh < rhsHigh : lhsLow < rhsLow
    }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Mixes a 128-bit identifier with a dictionary's per-process seed (two rounds of a
/// murmur3-style finaliser).
///
/// Every command looks tickets, employees and categories up by identifier, and a full SipHash of
/// sixteen bytes cost more than the rest of a lookup. Identifiers come from the desk's
/// ``IdentifierSource``, not from an adversary, so a keyed PRF is not needed here.
@inline(__always)
func identifierHash(_ high: UInt64, _ low: UInt64, seed: Int) -> Int {
    var z = (high ^ UInt64(bitPattern: Int64(seed))) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 32) ^ low) &* 0xFF51_AFD7_ED55_8CCD
    z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
    return Int(bitPattern: UInt(truncatingIfNeeded: z ^ (z >> 33)))
}

extension UUID {
    /// The UUID as two big-endian 64-bit halves.
    var halves: (UInt64, UInt64) {
        let b = uuid
        let high =
            UInt64(b.0) << 56 | UInt64(b.1) << 48 | UInt64(b.2) << 40 | UInt64(b.3) << 32
            | UInt64(b.4) << 24 | UInt64(b.5) << 16 | UInt64(b.6) << 8 | UInt64(b.7)
        let low =
            UInt64(b.8) << 56 | UInt64(b.9) << 48 | UInt64(b.10) << 40 | UInt64(b.11) << 32
            | UInt64(b.12) << 24 | UInt64(b.13) << 16 | UInt64(b.14) << 8 | UInt64(b.15)
        return (high, low)
    }

    /// Builds a UUID from two big-endian 64-bit halves.
    init(high: UInt64, low: UInt64) {
        func byte(_ value: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: value >> (56 - 8 * index)) }
        self.init(
            uuid: (
                byte(high, 0), byte(high, 1), byte(high, 2), byte(high, 3),
                byte(high, 4), byte(high, 5), byte(high, 6), byte(high, 7),
                byte(low, 0), byte(low, 1), byte(low, 2), byte(low, 3),
                byte(low, 4), byte(low, 5), byte(low, 6), byte(low, 7)
            ))
    }
}
