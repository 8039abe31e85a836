import Foundation
import Mail
import SeededRandom
import Testing

/// Seeded mutations of every corpus message: each mutant is parsed, classified and split without a
/// trap and within a time bound (the guard against quadratic blow-ups on hostile input).
@Suite struct MutationFuzzTests {
    /// The bound for one mutant (parse, classify, split) in a debug build; megabyte mutants included.
    static let boundPerMutant: Duration = .seconds(2)

    @Test(arguments: MailMutation.allCases) func mutantsParseWithinTheBound(_ mutation: MailMutation) throws {
        let corpus = GoldenCorpus.allMessages()
        try #require(corpus.count >= 60, "the corpus did not load")
        // The megabyte mutations run on every eighth message, the small ones on all of them.
        let messages = mutation.isHeavy ? corpus.enumerated().filter { $0.offset % 8 == 3 }.map(\.element) : corpus
        var random = SplitMix64(seed: 0x22_6D61_696C ^ UInt64(MailMutation.allCases.firstIndex(of: mutation) ?? 0))
        var mutants = 0
        var slowest: (name: String, bytes: Int, time: Duration) = ("", 0, .zero)
        for (name, bytes) in messages {
            for mutant in mutation.mutants(of: bytes, using: &random) {
                let time = ContinuousClock().measure { Self.process(mutant) }
                mutants += 1
                if time > slowest.time { slowest = (name, mutant.count, time) }
                #expect(
                    time < Self.boundPerMutant,
                    "\(mutation) of \(name): \(mutant.count) bytes took \(time), over \(Self.boundPerMutant)")
            }
        }
        #expect(mutants > 0, "\(mutation) made no mutants")
        print(
            "MutationFuzz \(mutation): \(mutants) mutants; slowest \(slowest.name) (\(slowest.bytes) bytes) \(slowest.time)"
        )
    }

    @Test func parsingIsDeterministic() {
        var random = SplitMix64(seed: 7)
        for (name, bytes) in GoldenCorpus.allMessages() {
            for mutant in MailMutation.byteFlips.mutants(of: bytes, using: &random).prefix(2) {
                #expect(MailParser().parse(mutant) == MailParser().parse(mutant), "\(name): two parses differ")
            }
        }
    }

    @Test func tightLimitsNeverTrap() {
        // Small limits make every limit problem reachable on ordinary messages.
        let parser = MailParser(
            limits: MailLimits(
                maximumMessageBytes: 2_000, maximumHeaderFields: 5, maximumHeaderBytes: 300, maximumDepth: 2,
                maximumParts: 3))
        for (name, bytes) in GoldenCorpus.allMessages() {
            let message = parser.parse(bytes)
            #expect(message.byteCount == bytes.count, "\(name): byteCount")
            _ = MailClassifier.classify(message, ownDomains: ["desk.example"])
            _ = ReplyText.split(message.text)
        }
    }

    /// Everything the desk does with an incoming message, with every result read so none is optimised away.
    static func process(_ bytes: [UInt8]) {
        let message = MailParser().parse(bytes)
        let classification = MailClassifier.classify(message, ownDomains: ["desk.example"])
        let split = ReplyText.split(message.text)
        #expect(message.byteCount == bytes.count)
        #expect(split.reply.utf8.count <= message.text.utf8.count)
        _ = classification.isAutomatic
        for part in message.root.allParts { _ = part.body.count }
    }
}
