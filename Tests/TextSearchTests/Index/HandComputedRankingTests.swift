import Testing

@testable import TextSearch

/// BM25F on a corpus small enough to work out by hand (k1 = 1.2, b = 0.75; weights title 3, tags 2, body 1).
///
///     d1  title "vpn"         tags ""      body "vpn mail"            lengths 1, 0, 2
///     d2  title "mail"        tags "vpn"   body "disk disk mail"      lengths 1, 1, 3
///     d3  title "disk"        tags ""      body "wifi"                lengths 1, 0, 1
///     d4  title "wifi login"  tags "mail"  body "login vpn vpn vpn"   lengths 2, 1, 4
///
/// N = 4, avglen = title 5/4 = 1.25, tags 2/4 = 0.5, body 10/4 = 2.5.
/// The words are their own stems in both the placeholder and the Snowball English stemmer.
@Suite("Search index: hand-computed BM25F")
struct HandComputedRankingTests {
    static let fields = [
        SearchField("title", weight: 3), SearchField("tags", weight: 2), SearchField("body", weight: 1),
    ]

    static func corpus(d3Partition: Int = 0) throws -> SearchIndex<String> {
        var index = try SearchIndex<String>(fields: fields)
        try index.upsert("d1", partition: 0, fields: ["vpn", "", "vpn mail"])
        try index.upsert("d2", partition: 0, fields: ["mail", "vpn", "disk disk mail"])
        try index.upsert("d3", partition: d3Partition, fields: ["disk", "", "wifi"])
        try index.upsert("d4", partition: 0, fields: ["wifi login", "mail", "login vpn vpn vpn"])
        return index
    }

    static func expect(_ result: SearchResult<String>, _ expected: [(String, Double)], total: Int) {
        #expect(result.total == total)
        #expect(result.hits.map(\.key) == expected.map(\.0))
        for (hit, (_, score)) in zip(result.hits, expected) { #expect(abs(hit.score - score) < 1e-12) }
    }

    /// "vpn": n = 3 (d1, d2, d4), idf = ln(1 + 1.5 / 3.5) = 0.3566749439387324.
    /// - d1: title 3·1/(0.25 + 0.75·1/1.25) = 3/0.85 = 3.5294117647, body 1/(0.25 + 0.75·2/2.5) = 1.1764705882;
    ///   tf~ = 4.7058823529, score = idf · 4.7058823529·2.2/(4.7058823529 + 1.2) = 0.6252469136774592.
    /// - d4: body 3/(0.25 + 0.75·4/2.5) = 3/1.45 = 2.0689655172, score = 0.49663599788937435.
    /// - d2: tags 2/(0.25 + 0.75·1/0.5) = 2/1.75 = 1.1428571429, score = 0.38277311056839575.
    @Test func oneTerm() throws {
        let result = try Self.corpus().search(SearchQuery("vpn", partitions: [0]))
        Self.expect(
            result, [("d1", 0.6252469136774592), ("d4", 0.49663599788937435), ("d2", 0.38277311056839575)], total: 3)
    }

    /// "VPN, Mail!" (all): "mail" also has n = 3, the same idf.
    /// - d1 mail: body 1/0.85 = 1.1764705882 → 0.38845785973525315; total 1.0137047734127124.
    /// - d2 mail: title 3/0.85 + body 1/(0.25 + 0.75·3/2.5) = 3.5294117647 + 0.8695652174 = 4.3989769821
    ///   → 0.6165073944199541; total 0.9992805049883499.
    /// - d4 mail: tags 2/1.75 → 0.38277311056839575; total 0.8794091084577701.
    @Test func twoTermsAllMustMatch() throws {
        let result = try Self.corpus().search(SearchQuery("VPN, Mail!", partitions: [0]))
        Self.expect(
            result,
            [("d1", 1.0137047734127124), ("d2", 0.9992805049883499), ("d4", 0.8794091084577701)], total: 3)
    }

    /// "mail lo" as you type: "lo" expands to "login" (n = 1, idf = ln(1 + 3.5/1.5) = 1.2039728043259361);
    /// d4: title (length 2) 3/(0.25 + 0.75·2/1.25) = 3/1.45 = 2.0689655172,
    /// body 1/(0.25 + 0.75·4/2.5) = 0.6896551724; tf~ = 2.7586206897 → 1.8458119648202507; plus mail 0.38277311056839575.
    @Test func prefixAsYouType() throws {
        let index = try Self.corpus()
        let result = index.search(SearchQuery("mail lo", partitions: [0], asYouType: true))
        Self.expect(result, [("d4", 0.38277311056839575 + 1.8458119648202507)], total: 1)
        // Not as you type, "lo" is a whole word no document holds.
        #expect(index.search(SearchQuery("mail lo", partitions: [0])).total == 0)
        // A trailing separator ends the word.
        #expect(index.search(SearchQuery("mail lo ", partitions: [0], asYouType: true)).total == 0)
    }

    /// "disk wifi" (any): d3 holds both, d2 disk twice in the body, d4 wifi in the title.
    @Test func anyTermSuggestions() throws {
        let result = try Self.corpus().search(SearchQuery("disk wifi", partitions: [0], match: .any))
        #expect(result.total == 3)
        #expect(result.hits.first?.key == "d3")
        #expect(Set(result.hits.map(\.key)) == ["d2", "d3", "d4"])
    }

    /// d3 in partition 1, the reader sees only 0: N = 3, avglen title 4/3, tags 2/3, body 9/3 = 3.
    /// "wifi": n = 1 (d3 is invisible), idf = ln(1 + 2.5/1.5) = 0.9808292530117263;
    /// d4 title 3/(0.25 + 0.75·2/(4/3)) = 3/1.375 = 2.1818181818 → 1.392144746210192.
    @Test func invisibleDocumentsDoNotCount() throws {
        let index = try Self.corpus(d3Partition: 1)
        Self.expect(index.search(SearchQuery("wifi", partitions: [0])), [("d4", 1.392144746210192)], total: 1)
        #expect(index.search(SearchQuery("wifi", partitions: [1])).hits.map(\.key) == ["d3"])
        #expect(index.search(SearchQuery("wifi", partitions: [])).total == 0)
        #expect(index.search(SearchQuery("wifi", partitions: [0, 1])).total == 2)
    }

    /// Pages: limit and offset cut the ranked list; total stays.
    @Test func pages() throws {
        let index = try Self.corpus()
        let second = index.search(SearchQuery("vpn", partitions: [0], limit: 1, offset: 1))
        Self.expect(second, [("d4", 0.49663599788937435)], total: 3)
        #expect(index.search(SearchQuery("vpn", partitions: [0], limit: 0)).total == 3)
    }
}
