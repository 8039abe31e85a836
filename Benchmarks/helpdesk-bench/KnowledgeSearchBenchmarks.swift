import Foundation
import TextSearch

/// The knowledge base's search (issue #21): a `SearchIndex` over 100,000 generated articles (half
/// Russian, half English, ~2 KB each), its build time and memory, query latency over 1,000 fixed
/// queries, and — in the same run — SQLite FTS5 on the same corpus and queries through
/// `Benchmarks/fts5/fts5_bench.py` (reported as skipped when Python or FTS5 is missing).
func knowledgeSearchBenchmarks(quick: Bool) throws -> [BenchmarkResult] {
    let corpus = KnowledgeCorpus(articles: quick ? 5_000 : 100_000, queries: 1_000, seed: 21)
    let textBytes = corpus.articles.reduce(0) { $0 + $1.title.utf8.count + $1.tags.utf8.count + $1.body.utf8.count }
    let setup =
        "\(corpus.articles.count) articles (\(textBytes / 1_000_000) MB of text, half Russian), "
        + "\(corpus.queries.count) queries (1–3 words, \(corpus.queries.filter(\.prefix).count) as-you-type)"

    Measure.returnFreedMemory()
    let residentBefore = Measure.residentMiB()
    let fields = [SearchField("title", weight: 3), SearchField("tags", weight: 2), SearchField("body", weight: 1)]
    var index = try SearchIndex<Int>(fields: fields)
    let buildSeconds = try Measure.seconds {
        for (key, article) in corpus.articles.enumerated() {
            try index.upsert(key, partition: article.partition, fields: [article.title, article.tags, article.body])
        }
    }
    let residentGrowth = Measure.residentMiB() - residentBefore
    let indexMiB = Double(index.estimatedByteCount) / 1_048_576

    let everyone = Set(corpus.articles.map(\.partition))
    func searches(_ partitions: Set<Int>) -> [SearchQuery] {
        corpus.queries.map { SearchQuery($0.text, partitions: partitions, asYouType: $0.prefix, limit: 10) }
    }
    let staff = KnowledgeSearchTiming.latencies(index, searches(everyone))
    let contact = KnowledgeSearchTiming.latencies(index, searches([0, 7]))
    // Suggestions for a ticket: a title and a ~400-byte description in the articles' words, any term.
    let tickets = stride(from: 0, to: corpus.articles.count, by: corpus.articles.count / 200).map { number in
        let article = corpus.articles[number]
        let description = article.body.utf8.prefix(400).split(separator: UInt8(ascii: " ")).dropLast()
        let text = article.title + ". " + description.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        return SearchQuery(text, partitions: everyone, match: .any, limit: 5)
    }
    let suggest = KnowledgeSearchTiming.latencies(index, tickets)
    // 1,000 articles edited (upserted again: their old postings are tombstones until compaction).
    var edited = index
    for key in stride(from: 0, to: corpus.articles.count, by: max(1, corpus.articles.count / 1_000)) {
        let article = corpus.articles[key]
        try edited.upsert(
            key, partition: article.partition, fields: [article.title, article.tags, article.body + " ."])
    }
    let afterEdits = KnowledgeSearchTiming.latencies(edited, searches(everyone))
    var results = [
        BenchmarkResult(
            name: "kb.index.build", value: buildSeconds, unit: "s", target: nil, higherIsBetter: false,
            notes: setup + "; upserts of title, tags, body (weights 3, 2, 1), one core, analyzer as on the branch"),
        BenchmarkResult(
            name: "kb.index.memory", value: indexMiB, unit: "MiB", target: nil, higherIsBetter: false,
            notes: "SearchIndex.estimatedByteCount; RSS grew \(Int(residentGrowth.rounded())) MiB while building"),
        BenchmarkResult(
            name: "kb.query.p50", value: staff.p50, unit: "ms", target: 2, higherIsBetter: false,
            notes: "every partition visible, limit 10, .all; warm-up pass then 3 timed passes; "
                + "\(staff.withHits) of \(corpus.queries.count) queries find something"),
        BenchmarkResult(
            name: "kb.query.p99", value: staff.p99, unit: "ms", target: nil, higherIsBetter: false,
            notes: "as kb.query.p50"),
        BenchmarkResult(
            name: "kb.query.contact.p50", value: contact.p50, unit: "ms", target: nil, higherIsBetter: false,
            notes: "a contact's view: public articles and one client's section (p99 "
                + "\(KnowledgeSearchTiming.format(contact.p99)) ms, \(contact.withHits) queries find something)"),
        BenchmarkResult(
            name: "kb.query.edited.p50", value: afterEdits.p50, unit: "ms", target: nil, higherIsBetter: false,
            notes: "as kb.query.p50 after 1,000 articles were upserted again (tombstones not yet compacted; p99 "
                + "\(KnowledgeSearchTiming.format(afterEdits.p99)) ms)"),
        BenchmarkResult(
            name: "kb.suggest.p50", value: suggest.p50, unit: "ms", target: nil, higherIsBetter: false,
            notes: "suggestions for \(tickets.count) tickets: a title and ~400-byte description (~50 words) "
                + "from an article, .any, limit 5, every partition visible (p99 \(KnowledgeSearchTiming.format(suggest.p99)) ms)"
        ),
    ]
    switch KnowledgeSearchTiming.runFTS5(corpus) {
    case .success(let fts5):
        results += [
            BenchmarkResult(
                name: "kb.fts5.build", value: fts5.buildSeconds, unit: "s", target: nil, higherIsBetter: false,
                notes: "SQLite \(fts5.sqlite) FTS5 in memory via Python sqlite3, inserts in one transaction "
                    + "(\(KnowledgeSearchTiming.format(fts5.insertSeconds)) s) then 'optimize'"),
            BenchmarkResult(
                name: "kb.fts5.query.p50", value: fts5.p50, unit: "ms", target: nil, higherIsBetter: false,
                notes: "MATCH of quoted words ANDed, \"word\"* for prefixes, ORDER BY rank (bm25 3, 2, 1) LIMIT 10; "
                    + "\(fts5.queriesWithHits) queries find something"),
            BenchmarkResult(
                name: "kb.fts5.query.p99", value: fts5.p99, unit: "ms", target: nil, higherIsBetter: false,
                notes: "as kb.fts5.query.p50"),
            BenchmarkResult(
                name: "kb.query.p50.vs.fts5", value: fts5.p50 / staff.p50, unit: "x", target: 5, higherIsBetter: true,
                notes: "FTS5's query p50 over ours, same corpus and queries, same run"),
        ]
    case .failure(let reason):
        results.append(
            BenchmarkResult(
                name: "kb.fts5", value: 0, unit: "skipped", target: nil, higherIsBetter: false,
                notes: "FTS5 comparison skipped: \(reason.message)"))
    }
    return results
}

/// Timing loops and the FTS5 process for `knowledgeSearchBenchmarks(quick:)`.
enum KnowledgeSearchTiming {
    /// FTS5's figures as the script prints them.
    struct FTS5Figures: Decodable {
        var sqlite: String
        var insertSeconds: Double
        var buildSeconds: Double
        var p50: Double
        var p99: Double
        var queriesWithHits: Int

        enum CodingKeys: String, CodingKey {
            case sqlite
            case insertSeconds = "insert_seconds"
            case buildSeconds = "build_seconds"
            case p50 = "p50_ms"
            case p99 = "p99_ms"
            case queriesWithHits = "queries_with_hits"
        }
    }

    /// Why the comparison did not run.
    typealias Skipped = PythonPeer.Skipped

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Per-query latency percentiles in ms over a warm-up pass and three timed passes.
    static func latencies(_ index: SearchIndex<Int>, _ searches: [SearchQuery])
        -> (p50: Double, p99: Double, withHits: Int)
    {
        var withHits = 0
        for search in searches where !index.search(search).hits.isEmpty { withHits += 1 }
        var samples: [Double] = []
        var sink = 0
        let clock = ContinuousClock()
        for _ in 0..<3 {
            for search in searches {
                let start = clock.now
                sink &+= index.search(search).total
                let elapsed = start.duration(to: clock.now)
                samples.append(
                    Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15)
            }
        }
        precondition(sink >= 0, "benchmark result unused")
        samples.sort()
        return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 99 / 100)], withHits)
    }

    /// Writes the corpus and queries as JSON lines to a temporary folder and runs the FTS5 script on them.
    static func runFTS5(_ corpus: KnowledgeCorpus) -> Result<FTS5Figures, Skipped> {
        let folder = PythonPeer.folder("kb-fts5")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try writeLines(corpus.articles, to: folder.appendingPathComponent("corpus.jsonl"))
            try writeLines(corpus.queries, to: folder.appendingPathComponent("queries.jsonl"))
        } catch {
            return .failure(Skipped(message: "\(error)"))
        }
        return PythonPeer.run("fts5/fts5_bench.py", [folder.path], as: FTS5Figures.self)
    }

    private static func writeLines<Line: Encodable>(_ lines: [Line], to url: URL) throws {
        let encoder = JSONEncoder()
        var data = Data()
        for line in lines {
            data.append(try encoder.encode(line))
            data.append(0x0A)
        }
        try data.write(to: url)
    }
}
