import SeededRandom
import Testing

@testable import TextSearch

/// The index against the reference formula, against itself restricted to fewer partitions, and
/// after random upserts and removes, on seeded random corpora.
@Suite("Search index: properties")
struct IndexPropertyTests {
    static func expectSame(_ actual: SearchResult<Int>, _ expected: SearchResult<Int>, _ context: String) {
        #expect(actual.total == expected.total, "\(context)")
        #expect(actual.hits.map(\.key) == expected.hits.map(\.key), "\(context)")
        for (a, e) in zip(actual.hits, expected.hits) { #expect(abs(a.score - e.score) <= 1e-9, "\(context)") }
    }

    static func fresh(_ reference: ReferenceSearch) throws -> SearchIndex<Int> {
        var index = try SearchIndex<Int>(fields: RandomCorpus.fields)
        for document in reference.documents {
            try index.upsert(document.key, partition: document.partition, fields: document.fields)
        }
        return index
    }

    /// An index and the reference holding the same 5–44 random documents in partitions 0–3.
    static func seeded(_ random: inout RandomCorpus) throws -> (SearchIndex<Int>, ReferenceSearch) {
        var index = try SearchIndex<Int>(fields: RandomCorpus.fields)
        var reference = ReferenceSearch(weights: RandomCorpus.fields.map(\.weight))
        for key in 0..<(5 + random.below(40)) {
            let fields = random.fields()
            let partition = random.below(4)
            try index.upsert(key, partition: partition, fields: fields)
            reference.upsert(key, partition: partition, fields: fields)
        }
        return (index, reference)
    }

    @Test(arguments: 0..<40)
    func matchesTheReference(seed: UInt64) throws {
        var random = RandomCorpus(rng: SplitMix64(seed: seed))
        let (index, reference) = try Self.seeded(&random)
        for _ in 0..<60 {
            let query = random.query(partitions: 4)
            Self.expectSame(index.search(query), reference.search(query), "seed \(seed) \(query)")
        }
    }

    /// Restricted to partitions P, the index answers exactly as an index of only P's documents.
    @Test(arguments: 0..<40)
    func partitionsAreSeparateIndexes(seed: UInt64) throws {
        var random = RandomCorpus(rng: SplitMix64(seed: 1_000 + seed))
        var index = try SearchIndex<Int>(fields: RandomCorpus.fields)
        var documents: [(key: Int, partition: Int, fields: [String])] = []
        for key in 0..<(5 + random.below(40)) {
            let document = (key: key, partition: random.below(5) - 1, fields: random.fields())
            documents.append(document)
            try index.upsert(document.key, partition: document.partition, fields: document.fields)
        }
        for _ in 0..<40 {
            var query = random.query(partitions: 5)
            query.partitions = Set(query.partitions.map { $0 - 1 })
            var alone = try SearchIndex<Int>(fields: RandomCorpus.fields)
            for document in documents where query.partitions.contains(document.partition) {
                try alone.upsert(document.key, partition: 7, fields: document.fields)
            }
            var everything = query
            everything.partitions = [7]
            #expect(index.search(query) == alone.search(everything), "seed \(seed) \(query)")
        }
    }

    /// After random upserts (new keys, replaced keys) and removes, the index answers exactly as a
    /// fresh index of the final documents, and as the reference.
    @Test(arguments: 0..<40)
    func upsertsAndRemoves(seed: UInt64) throws {
        var random = RandomCorpus(rng: SplitMix64(seed: 2_000 + seed))
        var index = try SearchIndex<Int>(fields: RandomCorpus.fields)
        var reference = ReferenceSearch(weights: RandomCorpus.fields.map(\.weight))
        for step in 0..<(20 + random.below(200)) {
            let key = random.below(30)
            if random.below(3) == 0 {
                index.remove(key)
                reference.remove(key)
            } else {
                let fields = random.fields()
                let partition = random.below(3)
                try index.upsert(key, partition: partition, fields: fields)
                reference.upsert(key, partition: partition, fields: fields)
            }
            #expect(index.count == reference.documents.count)
            if step % 17 == 0 {
                let query = random.query(partitions: 3)
                Self.expectSame(index.search(query), reference.search(query), "seed \(seed) step \(step) \(query)")
            }
        }
        let rebuilt = try Self.fresh(reference)
        for _ in 0..<30 {
            let query = random.query(partitions: 3)
            #expect(index.search(query) == rebuilt.search(query), "seed \(seed) \(query)")
            Self.expectSame(index.search(query), reference.search(query), "seed \(seed) \(query)")
        }
        for key in 0..<30 { #expect(index.contains(key) == reference.documents.contains { $0.key == key }) }
    }

    /// Replacing documents over and over compacts too: dead numbers stay under half (or the floor).
    @Test func replacementsCompact() throws {
        var random = RandomCorpus(rng: SplitMix64(seed: 3_000))
        var index = try SearchIndex<Int>(fields: RandomCorpus.fields)
        var reference = ReferenceSearch(weights: RandomCorpus.fields.map(\.weight))
        for round in 0..<2_000 {
            let key = round % 10
            let fields = random.fields()
            try index.upsert(key, partition: 0, fields: fields)
            reference.upsert(key, partition: 0, fields: fields)
            #expect(index.removedCount < max(SearchIndex<Int>.compactionFloor, index.count + 1))
        }
        for _ in 0..<30 {
            let query = random.query(partitions: 1)
            Self.expectSame(index.search(query), reference.search(query), "\(query)")
        }
    }

    /// Compaction also drops the terms only removed documents held, and the index works on after it.
    @Test func compactionDropsDeadTerms() throws {
        var index = try SearchIndex<Int>(fields: [SearchField("body", weight: 1)])
        for key in 0..<40 { try index.upsert(key, partition: 0, fields: ["w\(key) common"]) }
        #expect(index.terms.count == 41)
        for key in 0..<19 { index.remove(key) }
        #expect(index.terms.count == 41)  // not yet half removed
        index.remove(19)
        #expect(index.terms.count == 21)  // w20…w39 and "common"
        #expect(index.search(SearchQuery("w3", partitions: [0], asYouType: true)).hits.map(\.key) == Array(30..<40))
        try index.upsert(7, partition: 0, fields: ["w7 common"])
        #expect(index.search(SearchQuery("common", partitions: [0], limit: 100)).hits.map(\.key).suffix(2) == [39, 7])
        #expect(index.search(SearchQuery("w", partitions: [0], asYouType: true)).total == 21)
    }

}
