import SeededRandom
import Testing

@testable import TextSearch

/// Input a caller should not send still returns an answer or a typed error, never a trap.
@Suite("Search index: hostile input")
struct HostileInputTests {
    static func index() throws -> SearchIndex<Int> {
        var index = try SearchIndex<Int>(fields: [SearchField("title", weight: 3), SearchField("body", weight: 1)])
        for key in 0..<20 { try index.upsert(key, partition: key % 3, fields: ["vpn mail \(key)", "body vpn"]) }
        return index
    }

    @Test func queries() throws {
        let index = try Self.index()
        let all: Set<Int> = [0, 1, 2]
        for text in ["", "   ", ",.;!", "\u{0}", "🙂🙂", String(repeating: "vpn mail x ", count: 10_000)] {
            for asYouType in [false, true] {
                for match in [SearchMatch.all, .any] {
                    _ = index.search(SearchQuery(text, partitions: all, match: match, asYouType: asYouType))
                }
            }
        }
        #expect(index.search(SearchQuery("", partitions: all)).total == 0)
        let long = String(repeating: "vpn ", count: 30_000)
        #expect(long.utf8.count > 100_000)
        #expect(index.search(SearchQuery(long, partitions: all)).total == 20)
        let distinct = (0..<5_000).map { "w\($0)" }.joined(separator: " ")
        #expect(index.search(SearchQuery(distinct, partitions: all, match: .any)).total == 0)
        for limit in [0, -1, Int.min, Int.max] {
            for offset in [0, -5, Int.min, Int.max, 19, 20, 21] {
                let result = index.search(SearchQuery("vpn", partitions: all, limit: limit, offset: offset))
                #expect(result.total == 20)
                #expect(result.hits.count == max(0, min(limit, 20 - max(0, offset))))
            }
        }
        #expect(index.search(SearchQuery("vpn", partitions: [])).total == 0)
        #expect(index.search(SearchQuery("vpn", partitions: [Int.min, Int.max, 99])).total == 0)
        #expect(index.search(SearchQuery("v", partitions: all, asYouType: true)).total == 20)
    }

    @Test func documents() throws {
        var index = try Self.index()
        #expect(throws: SearchIndexError.fieldMismatch(expected: 2, got: 1)) {
            try index.upsert(99, partition: 0, fields: ["only one"])
        }
        #expect(throws: SearchIndexError.fieldMismatch(expected: 2, got: 3)) {
            try index.upsert(99, partition: 0, fields: ["a", "b", "c"])
        }
        #expect(!index.contains(99))
        #expect(index.count == 20)
        index.remove(12_345)
        index.remove(3)
        index.remove(3)
        #expect(index.count == 19)
        try index.upsert(5, partition: Int.min, fields: ["", ""])
        try index.upsert(6, partition: Int.max, fields: [String(repeating: "zz ", count: 70_000), "zz"])
        #expect(index.search(SearchQuery("zz", partitions: [Int.max])).hits.map(\.key) == [6])
        #expect(index.search(SearchQuery("vpn", partitions: [Int.min])).total == 0)
    }

    @Test func configuration() {
        #expect(throws: SearchIndexError.fieldCount(0)) { try SearchIndex<Int>(fields: []) }
        let many = (0..<17).map { SearchField("f\($0)", weight: 1) }
        #expect(throws: SearchIndexError.fieldCount(17)) { try SearchIndex<Int>(fields: many) }
        for weight in [0, -1, .nan, .infinity, 1e7] {
            #expect(throws: SearchIndexError.invalidWeight(field: "t")) {
                try SearchIndex<Int>(fields: [SearchField("t", weight: weight)])
            }
        }
    }

    /// A term repeated more often than a posting's byte holds keeps its exact frequency, also when
    /// compaction renumbers its document.
    @Test func bigFrequencies() throws {
        var index = try SearchIndex<Int>(fields: [SearchField("body", weight: 1)])
        var reference = ReferenceSearch(weights: [1])
        func upsert(_ key: Int, _ text: String) throws {
            try index.upsert(key, partition: 0, fields: [text])
            reference.upsert(key, partition: 0, fields: [text])
        }
        for key in 100..<140 { try upsert(key, "y") }
        try upsert(1, String(repeating: "x ", count: 300) + "y")
        try upsert(2, String(repeating: "x ", count: 255) + "y")
        try upsert(3, String(repeating: "x ", count: 254) + "y")
        let query = SearchQuery("x", partitions: [0])
        IndexPropertyTests.expectSame(index.search(query), reference.search(query), "big")
        for key in 100..<140 {
            index.remove(key)
            reference.remove(key)
        }
        try upsert(4, "y x")
        IndexPropertyTests.expectSame(index.search(query), reference.search(query), "big after compaction")
        #expect(index.search(query).hits.map(\.key) == [1, 2, 3, 4])
    }

    /// Searches from many tasks at once (sharing the scratch pool) answer as one search alone does.
    @Test func concurrentSearches() async throws {
        var random = RandomCorpus(rng: SplitMix64(seed: 77))
        var index = try SearchIndex<Int>(fields: RandomCorpus.fields)
        for key in 0..<300 { try index.upsert(key, partition: random.below(3), fields: random.fields()) }
        let queries = (0..<64).map { _ in random.query(partitions: 3) }
        let expected = queries.map(index.search)
        let frozen = index
        let answers = await withTaskGroup(of: (Int, SearchResult<Int>).self) { group in
            for round in 0..<8 {
                for (number, query) in queries.enumerated() where number % 8 == round % 8 || round >= 4 {
                    group.addTask { (number, frozen.search(query)) }
                }
            }
            var answers: [(Int, SearchResult<Int>)] = []
            for await answer in group { answers.append(answer) }
            return answers
        }
        #expect(answers.count > queries.count)
        for (number, result) in answers { #expect(result == expected[number]) }
    }
}
