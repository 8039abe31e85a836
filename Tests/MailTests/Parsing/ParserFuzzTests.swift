import Foundation
import SeededRandom
import Testing

@testable import Mail

/// Random and mutated input never traps, stays fast, and reports only the problem kinds of the enum.
@Suite("Mail parsing: fuzz and pathological input")
struct ParserFuzzTests {
    static let fragments: [String] = [
        "\n", "\r\n", "\n\n", ": ", "--b\n", "--b--\n", "=?utf-8?B?", "=?koi8-r?Q?=F0", "?=", " ", "\t", "<", ">",
        "\"", "(", ")", ",", ";", "=", "=\n", "=D0", "Content-Type: multipart/mixed; boundary=b\n",
        "Content-Type: message/rfc822\n", "Content-Transfer-Encoding: base64\n",
        "Content-Transfer-Encoding: quoted-printable\n", "From: ", "Date: Tue, 1 Dec 2026 09:15:00 +0300\n",
        "filename*0*=utf-8''%D0", "<p>", "&amp;", "&#", "<script>", "Subject: ", "\u{0}", "Привет", "\u{FF}",
    ]

    @Test(arguments: 0..<6)
    func byteSoupNeverTraps(batch: UInt64) {
        var random = SplitMix64(seed: 0xF022_0000 &+ batch)
        let parser = MailParser(limits: MailLimits(maximumDepth: 8, maximumParts: 200))
        for _ in 0..<150 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 200) {
                if random.next() % 3 == 0 {
                    for _ in 0..<Int(random.next() % 8) { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
                } else {
                    bytes += Self.fragments[Int(random.next() % UInt64(Self.fragments.count))].utf8
                }
            }
            check(parser.parse(bytes), bytes)
        }
    }

    /// Seeded mutations of a realistic message: flipped, dropped, duplicated and inserted bytes.
    @Test(arguments: 0..<4)
    func mutatedMessagesNeverTrap(batch: UInt64) {
        var random = SplitMix64(seed: 0x3E55_0000 &+ batch)
        let original = Array(MimeTreeTests.nested.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let parser = MailParser()
        for _ in 0..<200 {
            var bytes = original
            for _ in 0..<(1 + Int(random.next() % 12)) {
                guard !bytes.isEmpty else { break }
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int(random.next() % 40))], at: at)
                default:
                    bytes.insert(
                        contentsOf: Self.fragments[Int(random.next() % UInt64(Self.fragments.count))].utf8, at: at)
                }
            }
            check(parser.parse(bytes), bytes)
        }
    }

    private func check(_ message: MailMessage, _ bytes: [UInt8]) {
        #expect(message.byteCount == bytes.count)
        #expect(message.problems.allSatisfy { MailProblem.Kind.allCases.contains($0.kind) })
        #expect(message.root.allParts.count <= 1 + 200 * 2)
    }

    /// Inputs built to make a naive parser quadratic finish quickly.
    @Test func pathologicalInputStaysLinear() {
        let cases: [(String, [UInt8])] = [
            (
                "100k boundaries",
                Array(
                    ("Content-Type: multipart/mixed; boundary=b\n\n" + String(repeating: "--b\n", count: 100_000)).utf8)
            ),
            ("1 MB header line", Array(("Subject: " + String(repeating: "a", count: 1 << 20) + "\n\nbody").utf8)),
            ("1 MB of folds", Array(("Subject: x" + String(repeating: "\n x", count: 300_000) + "\n\nbody").utf8)),
            (
                "10k nested comments",
                Array(
                    ("From: " + String(repeating: "(", count: 10_000) + "a@b\nDate: "
                        + String(repeating: "(", count: 10_000) + "\n\nx").utf8)
            ),
            ("encoded-word starts", Array(("Subject: " + String(repeating: "=?", count: 200_000) + "\n\nx").utf8)),
            (
                "unclosed words",
                Array(("Subject: " + String(repeating: "=?utf-8?q?aaaa ", count: 50_000) + "\n\nx").utf8)
            ),
            ("100k addresses", Array(("To: " + String(repeating: "a@b, ", count: 100_000) + "\n\nx").utf8)),
            ("many ids", Array(("References: " + String(repeating: "<a@b> ", count: 100_000) + "\n\nx").utf8)),
            (
                "html tags",
                Array(("Content-Type: text/html\n\n" + String(repeating: "<p><a href=\"", count: 100_000)).utf8)
            ),
            (
                "html comments",
                Array(("Content-Type: text/html\n\n" + String(repeating: "<!-- ->", count: 100_000)).utf8)
            ),
            (
                "base64 junk",
                Array(("Content-Transfer-Encoding: base64\n\n" + String(repeating: "*=", count: 500_000)).utf8)
            ),
            (
                "rfc 2231 sections",
                Array(("Content-Type: text/plain; " + (0..<5_000).map { "name*\($0)*=%41;" }.joined() + "\n\nx").utf8)
            ),
            (
                "dashes",
                Array(
                    ("Content-Type: multipart/mixed; boundary=\"" + String(repeating: "-", count: 60) + "\"\n\n"
                        + String(repeating: "-", count: 1 << 20)).utf8)
            ),
        ]
        let parser = MailParser()
        for (name, bytes) in cases {
            let start = ContinuousClock.now
            let message = parser.parse(bytes)
            let elapsed = ContinuousClock.now - start
            #expect(message.byteCount == bytes.count)
            #expect(elapsed < .seconds(5), "\(name): \(elapsed)")
        }
    }
}
