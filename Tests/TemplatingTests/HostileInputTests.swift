import SeededRandom
import Templating
import Testing

/// Hostile sources: huge, brace-heavy, random; every failure is a typed error at a true position.
@Suite struct HostileInputTests {
    static let parsingCodes: Set<TemplateError.Code> = [
        .unclosedPlaceholder, .emptyPlaceholder, .malformedPath, .malformedFallback, .unclosedFallback,
        .strayClosingBraces, .templateTooLong, .tooManyPlaceholders,
    ]

    /// The position of `offset` in `source`, computed independently of the parser.
    static func position(of offset: Int, in source: String) -> TemplatePosition {
        let prefix = String(decoding: Array(source.utf8.prefix(offset)), as: UTF8.self)
        let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
        return at(lines.count, (lines.last?.unicodeScalars.count ?? 0) + 1, offset)
    }

    @Test func hugeSourcesAreRefusedBeforeParsing() {
        let huge = String(repeating: "{", count: 1_000_000)
        #expect(parseError(huge)?.code == .templateTooLong)
        #expect(parseError(huge)?.position == at(1, 65_537, 65_536))
    }

    @Test func longRunsOfBraces() throws {
        let roomy = TemplateLimits(maximumBytes: 2_000_000)
        let escaped = try Template(parsing: String(repeating: "{{{{", count: 250_000), limits: roomy)
        #expect(escaped.render([:]) == String(repeating: "{{", count: 250_000))
        #expect(try Template(parsing: String(repeating: "{", count: 1_001)).render([:]) == String(repeating: "{{", count: 250) + "{")
        #expect(parseError(String(repeating: "{", count: 1_002))?.position == at(1, 1_001, 1_000))
        #expect(parseError(String(repeating: "{", count: 1_003))?.code == .unclosedPlaceholder)
        #expect(parseError(String(repeating: "}", count: 1_002))?.position == at(1, 1_001, 1_000))
        #expect(try Template(parsing: String(repeating: "}", count: 1_000)).render([:]) == String(repeating: "}", count: 500))
    }

    @Test func nestedPlaceholders() {
        let nested = String(repeating: "{{ ", count: 5_000) + "a" + String(repeating: " }}", count: 5_000)
        #expect(parseError(nested)?.code == .unclosedPlaceholder)
        #expect(parseError("{{ a | \"{{ b }}\" }} }}")?.code == .strayClosingBraces)
    }

    @Test func manyPlaceholdersHitTheLimitNotTheStack() {
        let source = String(repeating: "{{ a }}", count: 5_000)
        #expect(parseError(source)?.code == .tooManyPlaceholders)
        #expect(parseError(source)?.position == at(1, 1_793, 1_792))
    }

    @Test(arguments: 0..<4) func randomSourcesParseOrFailWithTruePositions(batch: UInt64) {
        var random = SplitMix64(seed: 0xBAD_0000 + batch)
        let alphabet = ["{", "{", "}", "}", "|", "\"", "\\", ".", " ", "\n", "a", "b1", "Я", "ё", "{{", "}}"]
        let limits = TemplateLimits(maximumBytes: 150, maximumPlaceholders: 6)
        var failures = 0
        for _ in 0..<2_000 {
            let source = random.text(from: alphabet, maximum: 60)
            guard let error = parseError(source, limits: limits) else {
                _ = try? Template(parsing: source, limits: limits).render([:], escaping: .html)
                continue
            }
            failures += 1
            #expect(Self.parsingCodes.contains(error.code), "\(source)")
            guard let position = error.position else {
                Issue.record("no position for \(source)")
                continue
            }
            #expect(position.offset <= source.utf8.count)
            #expect(position == Self.position(of: position.offset, in: source), "\(source)")
        }
        #expect(failures > 500)
    }
}
