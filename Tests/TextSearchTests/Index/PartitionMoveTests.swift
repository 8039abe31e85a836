import SeededRandom
import Testing

@testable import TextSearch

/// Moving a document to another partition (``SearchIndex/move(_:toPartition:)``, what scheduled
/// publishing does) answers exactly as the reference with the document filed there all along, and
/// keeps its place among equal scores.
@Suite("Search index: moving documents between partitions")
struct PartitionMoveTests {
    @Test(arguments: 0..<30)
    func movesMatchTheReference(seed: UInt64) throws {
        var random = RandomCorpus(rng: SplitMix64(seed: 3_000 + seed))
        var (index, reference) = try IndexPropertyTests.seeded(&random)
        for step in 0..<60 {
            let key = random.below(50)
            let partition = random.below(6)
            index.move(key, toPartition: partition)
            if let position = reference.documents.firstIndex(where: { $0.key == key }) {
                reference.documents[position].partition = partition
            }
            let query = random.query(partitions: 6)
            IndexPropertyTests.expectSame(index.search(query), reference.search(query), "seed \(seed) step \(step)")
        }
    }
}
