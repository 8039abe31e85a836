import Foundation
import Testing

@testable import HelpDeskKit

/// The identifiers' fast dictionary hash must agree with equality and spread keys evenly, for
/// random identifiers and for identifiers that differ in only one half.
@Suite("Identifier hashing")
struct IdentifierHashTests {
    @Test func equalIdentifiersHashEqualUnderEverySeed() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<1_000 {
            let uuid = UUID(high: random.next(), low: random.next())
            let seed = Int(truncatingIfNeeded: random.next())
            #expect(TicketID(uuid)._rawHashValue(seed: seed) == TicketID(uuid)._rawHashValue(seed: seed))
        }
    }

    @Test(arguments: ["random", "low half varies", "high half varies"])
    func bucketsStayBalanced(pattern: String) {
        var random = SplitMix64(seed: 5)
        let fixed = random.next()
        let keyCount = 1 << 16
        let bucketCount = 1 << 12
        var buckets = [Int](repeating: 0, count: bucketCount)
        var hashes = Set<Int>()
        for counter in 0..<UInt64(keyCount) {
            let uuid: UUID =
                switch pattern {
                case "random": UUID(high: random.next(), low: random.next())
                case "low half varies": UUID(high: fixed, low: counter)
                default: UUID(high: counter << 40, low: fixed)
                }
            let hash = TicketID(uuid)._rawHashValue(seed: 42)
            hashes.insert(hash)
            buckets[hash & (bucketCount - 1)] += 1
        }
        // 16 keys a bucket on average; a Poisson tail beyond 48 has probability ~1e-11 per bucket.
        #expect(buckets.max()! <= 48, "crowded bucket for \(pattern)")
        #expect(buckets.min()! >= 1, "empty bucket for \(pattern)")
        #expect(hashes.count == keyCount, "64-bit hash collisions for \(pattern)")
    }

    @Test func seedChangesTheHash() {
        let id = TicketID(UUID(high: 1, low: 2))
        let hashes = Set((0..<64).map { id._rawHashValue(seed: $0) })
        #expect(hashes.count == 64)
    }

    @Test func dictionariesFindEveryKey() {
        var random = SplitMix64(seed: 3)
        let ids = (0..<10_000).map { _ in TicketID(UUID(high: random.next(), low: random.next())) }
        let rows = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        #expect(ids.enumerated().allSatisfy { rows[$1] == $0 })
    }
}
