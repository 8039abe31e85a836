import Testing

@testable import TextSearch

/// Case folding, ё, accents and marks: what `TextAnalyzer` documents, case by case.
@Suite("Text analyzer: folding")
struct FoldingTests {
    let analyzer = TextAnalyzer()

    @Test func lowercasesAndFoldsYoToYe() {
        #expect(analyzer.words(in: "Ёлка, PRINTER-42!") == ["елка", "printer", "42"])
        // ё, Ё, е + combining diaeresis, Е + combining diaeresis: all е.
        #expect(analyzer.foldedWords(in: "ёж ЁЖ е\u{308}ж Е\u{308}Ж ЕЖ") == Array(repeating: "еж", count: 5))
        #expect(analyzer.terms(in: "ёлки Ёлки елки") == ["елк", "елк", "елк"])
        #expect(analyzer.stem("ёлки") == "елк")  // the Russian stemmer reads ё as е itself
    }

    @Test func stripsAccentsFromLatinLetters() {
        #expect(analyzer.foldedWords(in: "café CAFÉ cafe\u{301} CAFE\u{301}") == Array(repeating: "cafe", count: 4))
        #expect(
            analyzer.foldedWords(in: "Ångström naïve Crème brûlée Łódź") == [
                "angstrom", "naive", "creme", "brulee", "łodz",
            ])
        #expect(analyzer.foldedWords(in: "Tiếng Việt") == ["tieng", "viet"])  // Latin Extended Additional
    }

    @Test func usesFullCaseFolding() {
        #expect(analyzer.foldedWords(in: "Straße STRASSE straẞe") == ["strasse", "strasse", "strasse"])
        #expect(analyzer.foldedWords(in: "İstanbul") == ["istanbul"])  // İ → i + dot above; the dot goes
        #expect(analyzer.foldedWords(in: "ﬁle") == ["file"])
        #expect(analyzer.foldedWords(in: "ΟΔΟΣ οδος") == ["οδοσ", "οδοσ"])  // final sigma folds to σ
    }

    @Test func keepsShortIAsALetterOfItsOwn() {
        #expect(
            analyzer.foldedWords(in: "Йогурт йогурт и\u{306}огурт И\u{306}ОГУРТ")
                == Array(repeating: "йогурт", count: 4))
        #expect(analyzer.foldedWords(in: "заме\u{301}тка") == ["заметка"])  // a stress mark goes
    }

    @Test func keepsMarksOfOtherScripts() {
        #expect(analyzer.foldedWords(in: "हिन्दी") == ["हिन्दी"])
        #expect(analyzer.foldedWords(in: "東京タワー 한국어") == ["東京タワー", "한국어"])
        #expect(analyzer.foldedWords(in: "ԱՐԵՎ ἈΘῆναι") == ["արեվ", "ἀθῆναι"])  // Armenian, Greek Extended
        #expect(analyzer.terms(in: "ΟΔΟΣ") == ["οδοσ"])  // other scripts are not stemmed
    }

    @Test func dropsMarksWithoutALetter() {
        #expect(analyzer.foldedWords(in: "\u{301}abc \u{301} -\u{308}") == ["abc"])
        #expect(analyzer.foldedWords(in: "1\u{FE0F}\u{20E3} 42\u{301}") == ["1", "42"])  // keycap, accent on a digit
    }

    /// Folding is idempotent: for every scalar of the table's ranges (and some letterlike ones), after a
    /// Latin, a Cyrillic and a Greek letter, each folded word reads back as itself.
    @Test func foldingIsIdempotent() {
        let values =
            Array(UInt32(0)..<0x600) + Array(UInt32(0x1E00)..<0x2000) + Array(UInt32(0x3040)..<0x3100)
            + [0x1E9E, 0x2126, 0x212A, 0x212B, 0x2C65, 0xA7AE, 0xFB00, 0xFB06, 0x1F88, 0x10400]
        var failures: [String] = []
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for prefix in ["x", "ж", "α"] {
                for word in analyzer.foldedWords(in: prefix + String(scalar) + "b")
                where analyzer.foldedWords(in: word) != [word] {
                    failures.append(
                        "U+\(String(value, radix: 16)) after \(prefix): \(word) → \(analyzer.foldedWords(in: word))")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(40).joined(separator: "\n"))")
    }
}
