/// Turns text into index terms: case-folded (ё as е), split into words, stop words dropped, each
/// word stemmed by the stemmer of its script (Cyrillic: Russian, Latin: English).
///
/// The same analyzer must index documents and read queries, or their terms will not meet.
public struct TextAnalyzer: Sendable, Hashable {
    /// The analyzer every index of the desk uses.
    public init() {}

    /// Calls `body` with each term of `text`, in order of appearance.
    public func forEachTerm(in text: String, _ body: (String) -> Void) {
        for word in words(in: text) { body(stem(word)) }
    }

    /// The terms of `text`, in order of appearance.
    public func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append($0) }
        return terms
    }

    /// The folded words of `text` (letters and digits), stop words removed, not stemmed.
    public func words(in text: String) -> [String] {
        // Placeholder until the stemming slice lands: lowercase, ё → е, split on anything else.
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character == "ё" ? "е" : character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The stem of a folded word (as ``words(in:)`` gives it).
    public func stem(_ word: String) -> String {
        word  // Placeholder: the Russian and English Snowball stemmers replace this.
    }
}
