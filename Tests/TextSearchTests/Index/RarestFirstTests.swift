import SeededRandom
import Testing

@testable import TextSearch

/// An `.all` query walks its rarest position first and probes the few documents left by binary
/// search in a common word's long postings: the same hits, scores and totals as the reference, and
/// exactly those of an index of only the visible partitions (scores add up in fixed point, in any order).
@Suite("Search index: rarest position first")
struct RarestFirstTests {
    static let words = ["mail", "vpn", "disk", "login", "printer", "server"]

    @Test(arguments: 0..<12)
    func probingMatchesTheReference(seed: UInt64) throws {
        var rng = SplitMix64(seed: 4_000 + seed)
        var index = try SearchIndex<Int>(fields: RandomCorpus.fields)
        var reference = ReferenceSearch(weights: RandomCorpus.fields.map(\.weight))
        var documents: [(partition: Int, fields: [String])] = []
        for key in 0..<400 {
            // "common" everywhere, "rare" in one document in 50, the others at random.
            var body =
                "common "
                + (0..<Int(rng.next() % 6)).map { _ in Self.words[Int(rng.next() % 6)] }.joined(separator: " ")
            if key % 50 == Int(seed % 50) { body += " rare" }
            let fields = [Self.words[Int(rng.next() % 6)], rng.next() % 3 == 0 ? "common" : "", body]
            let partition = Int(rng.next() % 3)
            documents.append((partition, fields))
            try index.upsert(key, partition: partition, fields: fields)
            reference.upsert(key, partition: partition, fields: fields)
        }
        let texts = ["common rare", "rare common mail", "common vpn rare", "common disk", "commo", "common ra", "rare"]
        for text in texts {
            for asYouType in [false, true] {
                let query = SearchQuery(text, partitions: [0, 1, 2], asYouType: asYouType, limit: 1_000)
                IndexPropertyTests.expectSame(index.search(query), reference.search(query), "\(text) \(asYouType)")
                for visible in [Set([0]), [1, 2]] {
                    var alone = try SearchIndex<Int>(fields: RandomCorpus.fields)
                    for (key, document) in documents.enumerated() where visible.contains(document.partition) {
                        try alone.upsert(key, partition: 9, fields: document.fields)
                    }
                    var restricted = query
                    restricted.partitions = visible
                    var everything = query
                    everything.partitions = [9]
                    #expect(index.search(restricted) == alone.search(everything), "\(text) in \(visible)")
                }
            }
        }
    }
}
