import Foundation
import SeededRandom
import Testing

@testable import HelpDeskKit

/// What a text condition matches (``RuleText``) and the automaton that finds all of a plan's texts
/// in one pass, against a reference written independently: `lowercased()`, ё read as е scalar by
/// scalar, and a naive search over arrays of bytes.
@Suite("Automation rules: text conditions")
struct RuleTextTests {
    /// The reference fold: the UTF-8 of `lowercased()`, with ё as е and U+0308 after an е dropped.
    static func referenceFolded(_ text: String) -> [UInt8] {
        var scalars: [Unicode.Scalar] = []
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "ё" {
                scalars.append("е")
            } else if scalar == "\u{308}", scalars.last == "е" {
                continue
            } else {
                scalars.append(scalar)
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return Array(String(view).utf8)
    }

    /// The reference search: some start where every byte of `needle` follows.
    static func referenceContains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            needle.indices.allSatisfy { haystack[start + $0] == needle[$0] }
        }
    }

    /// Scalars chosen to hit every rule of the definition: mixed-case ASCII and Cyrillic, ё/Ё and
    /// a decomposed ё, combining marks, scalars whose lowercase is longer (İ) or another script's
    /// (Kelvin sign), ß/ẞ, Greek sigmas, a ligature, emoji with a skin tone, a flag, and NUL.
    static let alphabet: [String] = [
        "a", "A", "b", "B", "e", "E", "k", "s", "S", " ", "е", "Е", "ё", "Ё", "\u{308}", "\u{301}", "л", "Л", "к", "К",
        "é", "É", "İ", "i", "\u{307}", "\u{212A}", "ß", "\u{1E9E}", "Σ", "σ", "ς", "ﬁ", "👍", "\u{1F3FD}", "🇷🇺", "\u{0}",
        "я", "Я",
    ]

    static func randomText(_ random: inout SplitMix64, maxLength: Int) -> String {
        (0..<Int(random.next() % UInt64(maxLength + 1))).map { _ in
            alphabet[Int(random.next() % UInt64(alphabet.count))]
        }.joined()
    }

    /// A needle: random, or a run of `haystack`'s scalars re-cased at random (so it often matches).
    static func randomNeedle(_ random: inout SplitMix64, in haystack: String) -> String {
        let scalars = Array(haystack.unicodeScalars)
        guard random.next() % 2 == 0, !scalars.isEmpty else { return randomText(&random, maxLength: 4) }
        let start = Int(random.next() % UInt64(scalars.count))
        let end = start + 1 + Int(random.next() % UInt64(min(5, scalars.count - start)))
        return scalars[start..<end].map { scalar in
            let text = String(scalar)
            return random.next() % 2 == 0 ? text.uppercased() : text
        }.joined()
    }

    @Test func foldingAndContainsAgreeWithTheReferenceOnSeededStrings() {
        var random = SplitMix64(seed: 41)
        var matches = 0
        for _ in 0..<4_000 {
            let haystack = Self.randomText(&random, maxLength: 16)
            let needle = Self.randomNeedle(&random, in: haystack)
            #expect(RuleText.folded(haystack) == Self.referenceFolded(haystack), "\(haystack.debugDescription)")
            let expected = Self.referenceContains(Self.referenceFolded(haystack), Self.referenceFolded(needle))
            let actual = RuleText.contains(haystack, folded: RuleText.folded(needle))
            #expect(actual == expected, "\(haystack.debugDescription) contains \(needle.debugDescription)")
            if expected { matches += 1 }
        }
        #expect(matches > 1_000 && matches < 3_000, "\(matches) of 4000 contain their needle")
    }

    @Test func theAutomatonFindsExactlyTheTextsTheReferenceFinds() {
        var random = SplitMix64(seed: 43)
        var found = 0
        for round in 0..<300 {
            // Tiny alphabets make texts that are prefixes and suffixes of each other.
            let small = round % 2 == 0
            func draw(_ length: Int) -> [UInt8] {
                small
                    ? (0..<length).map { _ in UInt8(ascii: "a") + UInt8(random.next() % 2) }
                    : Self.referenceFolded(Self.randomText(&random, maxLength: length))
            }
            var texts: [[UInt8]] = []
            for _ in 0..<Int(random.next() % 40) + 1 {
                let text = draw(Int(random.next() % 5) + 1)
                if !text.isEmpty, !texts.contains(text) { texts.append(text) }
            }
            let automaton = RuleTextAutomaton(texts: texts)
            for _ in 0..<10 {
                let haystack = draw(Int(random.next() % 40))
                var bits = [UInt64](repeating: 0, count: (texts.count + 63) / 64)
                let count = haystack.withUnsafeBufferPointer {
                    automaton.scan($0, into: &bits, missing: texts.count)
                }
                let expected = texts.map { Self.referenceContains(haystack, $0) }
                let actual = texts.indices.map { bits[$0 >> 6] & 1 << UInt64($0 & 63) != 0 }
                #expect(actual == expected, "\(texts) in \(haystack)")
                #expect(count == expected.filter { $0 }.count)
                found += count
            }
        }
        #expect(found > 3_000, "\(found) texts found")
    }

    @Test func theDefinitionWrittenDown() {
        func matches(_ text: String, _ needle: String) -> Bool {
            RuleText.contains(text, folded: RuleText.folded(needle))
        }
        // Case and ё/е, in either encoding of ё.
        #expect(matches("ПРИНТЕР в Бухгалтерии", "принтер в бух"))
        #expect(matches("Ёлка не горит", "ЕЛКА"))
        #expect(matches("елка", "Ёлка"))
        #expect(matches("Е\u{308}лка", "елка"))
        #expect(matches("Е\u{308}лка", "ЁЛКА"))
        #expect(matches("ΣΦΆΛΜΑ", "σφάλμα"))
        // No normalization or accent folding: bytes of the lowercase.
        #expect(!matches("café", "cafe"))
        #expect(matches("cafe\u{301}", "cafe"))
        #expect(!matches("café", "cafe\u{301}"))
        #expect(matches("CAFÉ", "é"))
        // Lowercase mappings that change length or script, and what lowercase does not do.
        #expect(matches("İstanbul", "i"))
        #expect(matches("İstanbul", "İST"))
        #expect(!matches("İstanbul", "istanbul"))
        #expect(matches("\u{212A}elvin", "kelvin"))
        #expect(!matches("STRASSE", "ß"))
        #expect(!matches("ΟΔΟΣ", "οδος"))
        // Scalars, not graphemes: part of an emoji sequence matches.
        #expect(matches("👍\u{1F3FD} thanks", "👍"))
        #expect(matches("Printer", ""), "an empty text is in every text (validation keeps texts non-blank)")
    }

    @Test func aRuleAsksTheTitleOrTheDescriptionNotBothJoined() {
        var ids = SeededIdentifierSource(seed: 9)
        let ticket = Ticket(
            id: ids.next(), number: TicketNumber(1), title: "Принтер", description: "ЗАЖЁВЫВАЕТ бумагу",
            channel: .email, priority: .normal, status: .new, requester: .freeText("x"),
            createdAt: Date(timeIntervalSince1970: 0))
        let subject = RuleSubject(ticket: ticket, original: nil, at: Date(timeIntervalSince1970: 0))
        #expect(subject.holds(.textContains("зажевывает")))
        #expect(subject.holds(.textContains("ПРИН")))
        #expect(!subject.holds(.textContains("принтерзаж")))
        #expect(!subject.holds(.textContains("принтер зажевывает")))
    }
}
