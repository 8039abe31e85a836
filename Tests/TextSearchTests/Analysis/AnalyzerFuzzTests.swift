import SeededRandom
import Testing

@testable import TextSearch

/// Seeded random text from several planes never traps, and every term is non-empty and already folded.
@Suite("Text analyzer: fuzz")
struct AnalyzerFuzzTests {
    /// Ranges random scalars are drawn from: ASCII, Latin, combining marks, Greek, Cyrillic, Devanagari,
    /// Latin Extended Additional, punctuation and apostrophes, CJK, Hangul, private use, letterlike,
    /// emoji, Deseret (plane 1 case pairs), CJK Extension B (plane 2), tags and variation selectors (plane 14).
    static let ranges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x20...0x7E, 0x41...0x5A, 0xC0...0x24F, 0x300...0x36F, 0x370...0x3FF, 0x400...0x52F,
        0x400...0x44F, 0x900...0x97F, 0x1E00...0x1EFF, 0x2000...0x206F, 0x2018...0x2019, 0x2100...0x214F,
        0x3040...0x30FF, 0x4E00...0x4E80, 0xAC00...0xAC80, 0xE000...0xE010, 0xFB00...0xFB06, 0xFE00...0xFE0F,
        0x1F300...0x1FAFF, 0x10400...0x1044F, 0x20000...0x20100, 0xE0000...0xE007F, 0x27...0x27, 0x2D...0x2D,
    ]

    @Test(arguments: 0..<8)
    func randomTextNeverTrapsAndTermsAreFolded(batch: UInt64) {
        let analyzer = TextAnalyzer()
        var random = SplitMix64(seed: 0x5EED_A11A_0000 + batch)
        for _ in 0..<25 {
            let length = Int(random.next() % 10_001)
            let ranges = (0..<3).map { _ in Self.ranges[Int(random.next() % UInt64(Self.ranges.count))] }
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                let range = ranges[Int(random.next() % 3)]
                let value = range.lowerBound + UInt32(random.next() % UInt64(range.count))
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            let text = String(scalars)
            check(text, analyzer)
        }
    }

    private func check(_ text: String, _ analyzer: TextAnalyzer) {
        let terms = analyzer.terms(in: text)
        let words = analyzer.words(in: text)
        let folded = analyzer.foldedWords(in: text)
        let sample = String(text.prefix(80)).unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
        // One term per word: the word's stem; stop words are exactly what `words` drops.
        #expect(terms.count == words.count, "\(sample)")
        #expect(terms == words.map(analyzer.stem), "\(sample)")
        #expect(words == folded.filter { !analyzer.isStopWord($0) }, "\(sample)")
        var bytes: [String] = []
        analyzer.forEachTermUTF8(in: text) { bytes.append(String(decoding: $0, as: UTF8.self)) }
        #expect(bytes == terms)
        // Terms are non-empty and already folded: analyzed again (stop words kept, not stemmed), each
        // reads back as itself. Stemming twice is not checked: Snowball stemmers are not idempotent
        // (a stem may itself end like an inflection), and an index only ever stems the word once.
        for term in Set(terms + folded) {
            #expect(!term.isEmpty)
            let again = analyzer.foldedWords(in: term)
            #expect(again == [term], "\(term.unicodeScalars.map { String($0.value, radix: 16) }) → \(again)")
        }
    }

    @Test func longRunsAndPathologicalInput() {
        let analyzer = TextAnalyzer()
        let long = String(repeating: "перенастраивающимися", count: 500)
        #expect(analyzer.terms(in: long).count == 1)
        #expect(analyzer.terms(in: String(repeating: "a", count: 10_000)) == [String(repeating: "a", count: 10_000)])
        #expect(
            analyzer.terms(in: String(repeating: "'", count: 1_000) + "x" + String(repeating: "’", count: 1_000)) == [
                "x"
            ])
        #expect(analyzer.terms(in: String(repeating: "\u{301}", count: 5_000)).isEmpty)
        #expect(analyzer.terms(in: "е" + String(repeating: "\u{308}", count: 5_000)) == ["е"])
        // As snowballstemmer 3.1.1 stems them.
        #expect(analyzer.terms(in: String(repeating: "y", count: 50)) == [String(repeating: "y", count: 49) + "i"])
        #expect(analyzer.terms(in: "yyy YYY 'yyy y'y") == ["yyy", "yyy", "yyy", "y'i"])
    }
}
