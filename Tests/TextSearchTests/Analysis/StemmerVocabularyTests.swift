import Foundation
import Testing

@testable import TextSearch

/// Every word of the Snowball-generated vocabularies (see Fixtures/README.md) stems exactly as listed.
@Suite("Stemmer vocabularies")
struct StemmerVocabularyTests {
    @Test(arguments: ["russian", "english"])
    func everyWordStemsAsListed(_ language: String) throws {
        let entries = try vocabulary(language)
        #expect(entries.count > 25_000)
        let analyzer = TextAnalyzer()
        var mismatches: [String] = []
        for (word, stem) in entries {
            let actual = analyzer.stem(word)
            if actual != stem { mismatches.append("\(word): expected \(stem), got \(actual)") }
        }
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) of \(entries.count) \(language) words stem differently:\n\(mismatches.prefix(60).joined(separator: "\n"))"
        )
    }

    /// The fixture's folding agrees with the analyzer's: each word reads back as itself, one word.
    @Test(arguments: ["russian", "english"])
    func everyWordIsAlreadyFolded(_ language: String) throws {
        let analyzer = TextAnalyzer()
        var mismatches: [String] = []
        for (word, _) in try vocabulary(language) {
            let words = analyzer.foldedWords(in: word)
            if words != [word] { mismatches.append("\(word) → \(words)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(60).joined(separator: "\n"))")
    }

    /// The vocabularies exercise the steps they are meant to prove (a fixture of unchanged words proves nothing).
    @Test func vocabulariesExerciseTheRules() throws {
        let russian = try vocabulary("russian")
        let english = try vocabulary("english")
        #expect(russian.filter { $0.word != $0.stem }.count > 35_000)
        #expect(english.filter { $0.word != $0.stem }.count > 10_000)
        for (word, stem) in [
            ("ошибками", "ошибк"), ("работает", "работа"), ("подключиться", "подключ"), ("сделав", "сдела"),
            ("красивейшая", "красив"), ("возможность", "возможн"), ("настроенный", "настроен"),
        ] {
            #expect(TextAnalyzer().stem(word) == stem, "\(word)")
        }
        for (word, stem) in [
            ("generously", "generous"), ("communication", "communic"), ("skies", "sky"), ("dying", "die"),
            ("printers", "printer"), ("connected", "connect"), ("o'neil's", "o'neil"), ("happiness", "happi"),
        ] {
            #expect(TextAnalyzer().stem(word) == stem, "\(word)")
        }
    }

    private func vocabulary(_ language: String) throws -> [(word: String, stem: String)] {
        let url = try #require(
            Bundle.module.url(forResource: language, withExtension: "tsv", subdirectory: "Fixtures"),
            "missing Fixtures/\(language).tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "malformed line \(line)")
            return (String(fields[0]), String(fields[1]))
        }
    }
}
