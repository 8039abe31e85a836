import SeededRandom
import Templating
import Testing

/// Seeded random templates: round trips, missing values, fallbacks, escaping.
@Suite struct PropertyTests {
    static let cyrillic = ["а", "б", "в", "ё", "Я", "ж", " ", "\n", ",", "!", "1", "«", "»", "№"]
    static let plain = RandomTemplate.Alphabets(
        literal: cyrillic, fallback: cyrillic + ["\"", "\\", "}}", "{{", "|", "\\\""])
    static let markup = RandomTemplate.Alphabets(
        literal: cyrillic + ["<", ">", "&", "'", "\""], fallback: cyrillic + ["<", "&", "'", "\"", "\\"])

    @Test(arguments: 0..<4) func allValuesPresentRendersTheConcatenation(batch: UInt64) throws {
        var random = SplitMix64(seed: 0x7E3A_0000 + batch)
        for _ in 0..<250 {
            let built = RandomTemplate(&random, alphabets: Self.plain)
            let template = try Template(parsing: built.source)
            #expect(template.placeholders.map(\.path) == built.placeholderPaths)
            var values: [String: String] = [:]
            for path in built.placeholderPaths { values[path] = "з" + random.text(from: Self.cyrillic, maximum: 8) }
            let rendered = template.render(TemplateValues(values))
            #expect(rendered == built.expected(values), "\(built.source)")
        }
    }

    @Test(arguments: 0..<4) func missingValuesUseFallbacksAndLeaveNoArtefacts(batch: UInt64) throws {
        var random = SplitMix64(seed: 0x5EED_0000 + batch)
        for _ in 0..<250 {
            let built = RandomTemplate(&random, alphabets: Self.plain)
            let template = try Template(parsing: built.source)
            var values: [String: String] = [:]
            for path in built.placeholderPaths where random.chance(40) {
                values[path] = random.chance(30) ? "" : random.text(from: Self.cyrillic, maximum: 5)
            }
            let rendered = template.render(TemplateValues(values))
            #expect(rendered == built.expected(values), "\(built.source)")
            #expect(!rendered.contains("nil") && !rendered.contains("-") && !rendered.contains("Optional"))
        }
    }

    @Test(arguments: 0..<4) func htmlEscapingChangesValuesAndFallbacksOnly(batch: UInt64) throws {
        var random = SplitMix64(seed: 0x4714_0000 + batch)
        let values = Self.cyrillic + ["<", ">", "&", "'", "\"", "&amp;", "\u{301}"]
        for _ in 0..<250 {
            let built = RandomTemplate(&random, alphabets: Self.markup)
            let template = try Template(parsing: built.source)
            var present: [String: String] = [:]
            for path in built.placeholderPaths where random.chance(70) { present[path] = random.text(from: values, maximum: 8) }
            let rendered = template.render(TemplateValues(present), escaping: .html)
            #expect(rendered == built.expected(present, escape: referenceHTMLEscaped), "\(built.source)")
        }
    }

    @Test func renderingTwiceGivesTheSameText() throws {
        var random = SplitMix64(seed: 42)
        for _ in 0..<100 {
            let built = RandomTemplate(&random, alphabets: Self.plain)
            let template = try Template(parsing: built.source)
            let values = TemplateValues(Dictionary(built.placeholderPaths.map { ($0, "x") }, uniquingKeysWith: { a, _ in a }))
            #expect(template.render(values) == template.render(values))
        }
    }
}
