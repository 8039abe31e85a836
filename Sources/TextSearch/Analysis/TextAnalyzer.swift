/// Turns text into index terms: case-folded (ё as е, accents off Latin letters), split into words,
/// stop words dropped, each word stemmed by the stemmer of its script (Cyrillic: Russian, Latin: English).
///
/// The same analyzer must index documents and read queries, or their terms will not meet.
///
/// - Folding: full Unicode case folding (Foundation's: `ß` → `ss`, `ς` → `σ`, `ﬁ` → `fi`); Latin and
///   Cyrillic letters are then canonically decomposed and stripped of combining marks (`café` → `cafe`,
///   `ё`/`Ё`/`е` + U+0308 → `е`, `İ` → `i`), except `й`, which stays (`и` + U+0306 becomes `й`). Letters of
///   other scripts are only case-folded and keep their marks. Nothing else is normalized (no NFKC:
///   fullwidth letters and superscripts stay as they are).
/// - Words: maximal runs of letters (`L*`) and decimal digits (`Nd`) of any script. Combining marks never
///   split a word; they are dropped after Latin and Cyrillic letters and digits, kept after other letters.
///   An apostrophe (`'`, `’`, `ʼ`) between two Latin letters stays in the word as `'` (`don't`, `o'neil`);
///   anywhere else it splits, as hyphens, punctuation, symbols and emoji do.
/// - Stop words: the Snowball English and Russian lists, matched after folding, before stemming.
/// - Stemming: a word of Latin letters only goes to the English (Porter2) stemmer, of Cyrillic letters only
///   to the Russian one, both as Snowball 3.1.1 defines them; a word with a digit (`m404`, `2fa`) or with
///   letters of mixed or other scripts is kept as folded. A stem never ends with an apostrophe.
///
/// Every term is non-empty and already folded: ``foldedWords(in:)`` of a term is the term itself.
/// (Stemming a stem again may shorten it: Snowball stemmers are not idempotent.)
public struct TextAnalyzer: Sendable, Hashable {
    /// The analyzer every index of the desk uses.
    public init() {}

    /// Calls `body` with each term of `text`, in order of appearance.
    public func forEachTerm(in text: String, _ body: (String) -> Void) {
        analyze(text, dropStopWords: true, stemming: true) { body(Self.string($0)) }
    }

    /// Calls `body` with the UTF-8 bytes of each term of `text`, in order of appearance, creating no
    /// `String`; the bytes are valid only during the call.
    public func forEachTermUTF8(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        analyze(text, dropStopWords: true, stemming: true) { word in
            bytes.removeAll(keepingCapacity: true)
            for scalar in word { Self.appendUTF8(scalar, to: &bytes) }
            bytes.withUnsafeBufferPointer(body)
        }
    }

    /// The terms of `text`, in order of appearance.
    public func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append($0) }
        return terms
    }

    /// The folded words of `text` (letters and digits), stop words removed, not stemmed.
    public func words(in text: String) -> [String] {
        var words: [String] = []
        analyze(text, dropStopWords: true, stemming: false) { words.append(Self.string($0)) }
        return words
    }

    /// The stem of a folded word (as ``words(in:)`` gives it); a word the stemmers do not take comes back as is.
    public func stem(_ word: String) -> String {
        var scalars = word.unicodeScalars.map(\.value)
        var latin = 0
        var cyrillic = 0
        var other = 0
        var digits = 0
        for scalar in word.unicodeScalars {
            switch Folding.kind(of: scalar) {
            case .latin: latin += 1
            case .cyrillic: cyrillic += 1
            case .digit: digits += 1
            case .otherLetter, .mark, .separator: other += 1
            case .apostrophe: break
            }
        }
        let script = Stemming.script(latin: latin, cyrillic: cyrillic, other: other, digits: digits)
        guard script != .none else { return word }
        Stemmers.shared.stem(&scalars, script)
        return Self.string(scalars)
    }

    /// The folded words of `text`, stop words kept, not stemmed (e.g. for prefix matching of a query's last word).
    public func foldedWords(in text: String) -> [String] {
        var words: [String] = []
        analyze(text, dropStopWords: false, stemming: false) { words.append(Self.string($0)) }
        return words
    }

    /// Whether the folded `word` is a stop word.
    func isStopWord(_ word: String) -> Bool {
        StopWords.table.withUnsafeBufferPointer { StopWords.contains(word.unicodeScalars.map(\.value), in: $0) }
    }

    /// Runs the pipeline over `text`, calling `body` with each word's scalars.
    private func analyze(_ text: String, dropStopWords: Bool, stemming: Bool, _ body: ([UInt32]) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            Folding.table.withUnsafeBufferPointer { table in
                StopWords.table.withUnsafeBufferPointer { stopWords in
                    let stemmers = Stemmers.shared
                    var scanner = WordScanner(bytes: bytes, table: table)
                    while scanner.next() {
                        if dropStopWords && StopWords.contains(scanner.word, in: stopWords) { continue }
                        if stemming { scanner.stemWord(with: stemmers) }
                        body(scanner.word)
                    }
                }
            }
        }
    }

    /// One `String` from scalars.
    private static func string(_ scalars: [UInt32]) -> String {
        String(unsafeUninitializedCapacity: scalars.count &* 4) { buffer in
            var count = 0
            for scalar in scalars {
                count = writeUTF8(scalar, to: buffer, at: count)
            }
            return count
        }
    }

    @inline(__always) private static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        if scalar < 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: scalar))
        } else if scalar < 0x800 {
            bytes.append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        } else if scalar < 0x10000 {
            bytes.append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        } else {
            bytes.append(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        }
    }

    @inline(__always) private static func writeUTF8(
        _ scalar: UInt32, to buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int
    ) -> Int {
        if scalar < 0x80 {
            buffer[index] = UInt8(truncatingIfNeeded: scalar)
            return index &+ 1
        } else if scalar < 0x800 {
            buffer[index] = UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
            buffer[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            return index &+ 2
        } else if scalar < 0x10000 {
            buffer[index] = UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
            buffer[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
            buffer[index &+ 2] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            return index &+ 3
        } else {
            buffer[index] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
            buffer[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F)
            buffer[index &+ 2] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
            buffer[index &+ 3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            return index &+ 4
        }
    }
}

/// Which stemmer a word goes to, by the scripts of its letters.
enum Stemming {
    enum Script: Sendable { case latin, cyrillic, none }

    /// Latin letters only: English; Cyrillic only: Russian; digits, other scripts or a mix: none.
    @inline(__always) static func script(latin: Int, cyrillic: Int, other: Int, digits: Int) -> Script {
        guard digits == 0 && other == 0 else { return .none }
        if cyrillic == 0 && latin > 0 { return .latin }
        if latin == 0 && cyrillic > 0 { return .cyrillic }
        return .none
    }
}

/// The two stemmers with their tables, built once.
struct Stemmers: Sendable {
    static let shared = Stemmers()

    let english = EnglishStemmer()
    let russian = RussianStemmer()

    /// Stems `word` in place with the stemmer of `script`.
    ///
    /// A stem never ends with an apostrophe (the English stemmer can leave one: `ab'e` → `ab'`; it is
    /// trimmed, so that a term is always a word the analyzer would read back as itself).
    func stem(_ word: inout [UInt32], _ script: Stemming.Script) {
        switch script {
        case .latin:
            english.stem(&word)
            while word.last == Ascii.apostrophe { word.removeLast() }
        case .cyrillic: russian.stem(&word)
        case .none: break
        }
    }
}
