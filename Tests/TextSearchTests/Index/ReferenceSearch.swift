import Foundation
import SeededRandom

@testable import TextSearch

/// The ranking computed straight from its definition: every visible document scored by the
/// formula, no postings, no statistics kept between searches.
struct ReferenceSearch {
    struct Document {
        var key: Int
        var partition: Int
        var fields: [String]
    }

    let weights: [Double]
    let analyzer = TextAnalyzer()
    /// In upsert order; upserting an existing key moves it to the end.
    var documents: [Document] = []

    mutating func upsert(_ key: Int, partition: Int, fields: [String]) {
        remove(key)
        documents.append(Document(key: key, partition: partition, fields: fields))
    }

    mutating func remove(_ key: Int) { documents.removeAll { $0.key == key } }

    /// The query's whole terms and prefix, worked out again from the rules in `SearchQuery`'s docs.
    func plan(_ query: SearchQuery) -> (terms: [String], prefix: String?) {
        var text = query.text
        var prefix: String?
        var typed: [String] = []
        if query.asYouType, let last = text.last, last.isLetter || last.isNumber {
            let tail = String(text.reversed().prefix { $0.isLetter || $0.isNumber }.reversed())
            text = String(text.dropLast(tail.count))
            let words = analyzer.words(in: tail)
            typed = words.dropLast().map(analyzer.stem)
            prefix = words.last
        }
        var terms: [String] = []
        for term in analyzer.terms(in: text) + typed
        where !terms.contains(term) && terms.count < SearchQuery.maximumTerms {
            terms.append(term)
        }
        return (terms, prefix)
    }

    func search(_ query: SearchQuery) -> SearchResult<Int> {
        let k1 = 1.2
        let b = 0.75
        let visible = documents.filter { query.partitions.contains($0.partition) }
        let analyzed = visible.map { $0.fields.map(analyzer.terms(in:)) }
        let n = visible.count
        guard n > 0 else { return SearchResult(hits: [], total: 0) }
        let averages = weights.indices.map { field in
            Double(analyzed.reduce(0) { $0 + $1[field].count }) / Double(n)
        }
        let vocabulary = Set(analyzed.flatMap { $0.flatMap { $0 } })
        let plan = plan(query)
        var positions = plan.terms.map { [$0] }
        if let prefix = plan.prefix {
            var expansions = vocabulary.filter { $0.utf8.starts(with: prefix.utf8) }
            expansions.insert(analyzer.stem(prefix))
            positions.append(Array(expansions))
        }
        func documentFrequency(_ term: String) -> Int { analyzed.filter { $0.contains { $0.contains(term) } }.count }
        func contribution(_ term: String, _ document: [[String]]) -> Double? {
            var tfTilde = 0.0
            for field in weights.indices {
                let frequency = document[field].filter { $0 == term }.count
                guard frequency > 0 else { continue }
                let length = Double(document[field].count)
                tfTilde += weights[field] * Double(frequency) / (1 - b + b * length / averages[field])
            }
            guard tfTilde > 0 else { return nil }
            let df = Double(documentFrequency(term))
            let idf = log(1 + (Double(n) - df + 0.5) / (df + 0.5))
            return idf * (tfTilde * (k1 + 1) / (tfTilde + k1))
        }
        var matches: [(order: Int, score: Double)] = []
        for (order, document) in analyzed.enumerated() {
            var score = 0.0
            var matched = 0
            for position in positions {
                guard let best = position.compactMap({ contribution($0, document) }).max() else { continue }
                score += best
                matched += 1
            }
            let enough = query.match == .all ? matched == positions.count : matched > 0
            if enough, !positions.isEmpty { matches.append((order, score)) }
        }
        matches.sort { $0.score > $1.score || ($0.score == $1.score && $0.order < $1.order) }
        let page = matches.dropFirst(max(0, query.offset)).prefix(max(0, query.limit))
        return SearchResult(
            hits: page.map { SearchHit(key: visible[$0.order].key, score: $0.score) }, total: matches.count)
    }
}

/// Seeded documents and queries over a small vocabulary, so terms, prefixes and ties collide often.
struct RandomCorpus {
    static let vocabulary = [
        "print", "printer", "printers", "printing", "mail", "mailbox", "vpn", "disk", "login", "logins",
        "принтер", "принтера", "принтеры", "почта", "почту", "сервер", "сервера", "пароль", "1c", "42",
    ]
    static let fragments = ["p", "pr", "print", "ma", "lo", "при", "принтер", "поч", "с", "1", "x", "zz"]
    static let fields = [
        SearchField("title", weight: 3), SearchField("tags", weight: 2), SearchField("body", weight: 1),
    ]

    var rng: SplitMix64

    mutating func below(_ bound: Int) -> Int { Int(rng.next() % UInt64(bound)) }

    mutating func words(upTo count: Int) -> String {
        (0..<below(count + 1)).map { _ in
            let word = Self.vocabulary[below(Self.vocabulary.count)]
            return below(5) == 0 ? word.uppercased() : word
        }.joined(separator: below(2) == 0 ? " " : ", ")
    }

    mutating func fields() -> [String] { [words(upTo: 3), words(upTo: 2), words(upTo: 12)] }

    mutating func partitions(from count: Int) -> Set<Int> { Set((0..<count).filter { _ in below(2) == 0 }) }

    mutating func query(partitions count: Int) -> SearchQuery {
        var text = words(upTo: 3)
        if below(4) == 0 { text += " unknownword" }
        let asYouType = below(2) == 0
        if asYouType, below(2) == 0 { text += (text.isEmpty ? "" : " ") + Self.fragments[below(Self.fragments.count)] }
        let limits = [0, 1, 3, 10, 1_000, -1, Int.max]
        return SearchQuery(
            below(10) == 0 ? text + " " : text, partitions: partitions(from: count),
            match: below(3) == 0 ? .any : .all, asYouType: asYouType, limit: limits[below(limits.count)],
            offset: [0, 0, 1, 2, 5][below(5)])
    }
}
