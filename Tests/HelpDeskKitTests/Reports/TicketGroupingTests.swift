import Foundation
import HelpDeskKit
import SeededRandom
import Testing

/// Trend buckets of an aggregate read: whatever starts a caller passes (unsorted, repeated, NaN,
/// infinite), the grouping keeps strictly ascending finite-or-infinite starts and places each
/// instant in the same bucket as a linear reference.
@Suite struct TicketGroupingTests {
    @Test(arguments: 0..<200)
    func bucketStartsAreNormalizedAndBucketsMatchALinearReference(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        func instant() -> Date {
            switch random.next() % 12 {
            case 0: Date(timeIntervalSinceReferenceDate: .nan)
            case 1: Date(timeIntervalSinceReferenceDate: .infinity)
            case 2: Date(timeIntervalSinceReferenceDate: -.infinity)
            case 3: Date(timeIntervalSinceReferenceDate: .greatestFiniteMagnitude)
            default: Date(timeIntervalSinceReferenceDate: Double(random.next() % 50) * 60)
            }
        }
        let given = (0..<Int(random.next() % 10)).map { _ in instant() }
        let grouping = TicketGrouping(.bucket, bucketStarts: given + given.prefix(2))

        let finite = Set(given.filter { !$0.timeIntervalSinceReferenceDate.isNaN })
        #expect(grouping.bucketStarts == finite.sorted())
        for _ in 0..<20 {
            let probe = instant()
            let reference = grouping.bucketStarts.lastIndex { $0 <= probe }
            #expect(grouping.bucket(of: probe) == reference, "instant \(probe.timeIntervalSinceReferenceDate)")
        }
    }
}
