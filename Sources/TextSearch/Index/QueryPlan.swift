/// A query's terms as the index looks them up: distinct whole-word terms in order of appearance
/// and, as you type, the folded last word as a prefix.
struct QueryPlan: Sendable, Hashable {
    /// Distinct stemmed terms, at most ``SearchQuery/maximumTerms``.
    var terms: [String] = []
    /// The folded, unstemmed last word when it is still being typed.
    var prefix: String?

    /// The plan of `query` under `analyzer`.
    ///
    /// The last word is a prefix when `asYouType` is set and the text ends in a letter or digit:
    /// the trailing run of letters and digits is analyzed on its own, its last word becomes the
    /// prefix (a stop word is dropped, as it would be once complete) and the rest whole terms.
    init(_ query: SearchQuery, analyzer: TextAnalyzer) {
        var head = Substring(query.text)
        var tail: Substring = ""
        if query.asYouType, let last = query.text.last, Self.isWordCharacter(last) {
            var start = query.text.endIndex
            while start > query.text.startIndex {
                let before = query.text.index(before: start)
                guard Self.isWordCharacter(query.text[before]) else { break }
                start = before
            }
            head = query.text[..<start]
            tail = query.text[start...]
        }
        var seen: Set<String> = []
        func add(_ term: String) {
            if terms.count < SearchQuery.maximumTerms, seen.insert(term).inserted { terms.append(term) }
        }
        analyzer.forEachTerm(in: String(head)) { add($0) }
        if !tail.isEmpty {
            let words = analyzer.words(in: String(tail))
            for word in words.dropLast() { add(analyzer.stem(word)) }
            prefix = words.last
        }
    }

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}
