import DoubleEntry
import Foundation

/// Deterministic 64-bit identifiers from text (FNV-1a, then a SplitMix64 finaliser).
///
/// Account and transfer ids are derived from what they stand for, so the same settlement or
/// payment always gets the same transfer id and the ledger's idempotency makes it happen once.
enum BillingHash {
    /// The id of the parts joined with `/`; never 0.
    static func of(_ parts: String...) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in parts.joined(separator: "/").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var z = hash
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z == 0 ? 1 : z
    }
}
