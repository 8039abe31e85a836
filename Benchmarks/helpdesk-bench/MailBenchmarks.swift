import Foundation
import Mail

/// Mail intake (issue #22): `MailParser` on the golden corpus (`Tests/MailTests/Corpus`) and on one 5 MB
/// message with a base64 attachment, in messages/s and MB/s, and — in the same run — Python's `email`
/// package (`policy.default`) doing the same work on the same files through `Benchmarks/mail/parse_python.py`
/// (reported as skipped when Python is missing).
func mailBenchmarks(quick: Bool) throws -> [BenchmarkResult] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let corpusFolder = root.appendingPathComponent("Tests/MailTests/Corpus")
    let corpus = try MailBenchTiming.loadCorpus(corpusFolder)
    guard !corpus.isEmpty else {
        return [
            BenchmarkResult(
                name: "mail", value: 0, unit: "skipped", target: nil, higherIsBetter: false,
                notes: "no .eml files in \(corpusFolder.path)")
        ]
    }
    let clean = corpus.filter(\.isClean)
    let minimum = quick ? 0.2 : 1.0
    var results: [BenchmarkResult] = []

    for (label, messages) in [("corpus", corpus), ("clean", clean)] {
        let bytes = messages.map(\.bytes)
        let ours = MailBenchTiming.parseRate(bytes, minimumSeconds: minimum)
        let kilobytes = bytes.reduce(0) { $0 + $1.count } / 1_024
        let withText = bytes.filter { !MailParser().parse($0).text.isEmpty }.count
        let scope =
            label == "corpus"
            ? "the whole golden corpus: \(messages.count) messages, \(kilobytes) KB (broken ones included)"
            : "the \(messages.count) corpus messages expected to parse without a problem, \(kilobytes) KB"
        results += [
            BenchmarkResult(
                name: "mail.parse.\(label)", value: ours.messagesPerSecond, unit: "messages/s", target: nil,
                higherIsBetter: true,
                notes:
                    "MailParser().parse over \(scope); \(ours.rounds) rounds in \(MailBenchTiming.format(ours.seconds)) s; "
                    + "\(withText) of them give a text"),
            BenchmarkResult(
                name: "mail.parse.\(label).throughput", value: ours.megabytesPerSecond, unit: "MB/s", target: nil,
                higherIsBetter: true, notes: "as mail.parse.\(label), bytes of input per second"),
        ]
        results += MailBenchTiming.compareWithPython(
            name: "mail.parse.\(label)", bytes: bytes, ours: ours, rounds: quick ? 1 : (label == "corpus" ? 5 : 20))
    }

    let intake = MailBenchTiming.intakeRate(corpus.map(\.bytes), minimumSeconds: minimum)
    results.append(
        BenchmarkResult(
            name: "mail.intake.corpus", value: intake.messagesPerSecond, unit: "messages/s", target: nil,
            higherIsBetter: true,
            notes:
                "parse, MailClassifier.classify and ReplyText.split of the text, whole corpus, \(intake.rounds) rounds")
    )

    let big = MailBenchTiming.bigMessage(attachmentBytes: 3_800_000)
    let bigRate = MailBenchTiming.parseRate([big], minimumSeconds: minimum)
    let decoded = MailParser().parse(big).attachments.map(\.bytes.count).max() ?? 0
    results.append(
        BenchmarkResult(
            name: "mail.parse.big", value: bigRate.megabytesPerSecond, unit: "MB/s", target: nil, higherIsBetter: true,
            notes: "one \(big.count / 1_000_000) MB message (text + a base64 attachment of 3.8 MB), "
                + "\(MailBenchTiming.format(1_000 / bigRate.messagesPerSecond)) ms per parse, \(bigRate.rounds) parses; "
                + "largest attachment decoded: \(decoded) bytes"))
    results += MailBenchTiming.compareWithPython(
        name: "mail.parse.big", bytes: [big], ours: bigRate, rounds: quick ? 1 : 12)
    return results
}

/// Loading, timing loops and the Python process for `mailBenchmarks(quick:)`.
enum MailBenchTiming {
    /// One corpus message.
    struct CorpusMessage {
        var name: String
        var bytes: [UInt8]
        /// `true` when its expected parse lists no problem (`"problems": []`).
        var isClean: Bool
    }

    /// A measured parsing loop.
    struct Rate {
        var rounds: Int
        var messages: Int
        var bytes: Int
        var seconds: Double

        var messagesPerSecond: Double { Double(messages) / seconds }
        var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
    }

    /// Python's figures as the script prints them.
    struct PythonFigures: Decodable {
        var messages: Int
        var seconds: Double
        var python: String
        var bytes: Int
        var failures: Int
    }

    /// Why the comparison did not run.
    typealias Skipped = PythonPeer.Skipped

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Every `.eml` in `folder`, sorted by name, with whether its `.json` expects no problem.
    static func loadCorpus(_ folder: URL) throws -> [CorpusMessage] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }
        return try names.sorted().map { name in
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let json = folder.appendingPathComponent(String(name.dropLast(4)) + ".json")
            let expected = (try? Data(contentsOf: json)).flatMap { try? JSONSerialization.jsonObject(with: $0) }
            let problems = (expected as? [String: Any])?["problems"] as? [String]
            return CorpusMessage(name: name, bytes: bytes, isClean: problems?.isEmpty == true)
        }
    }

    /// Parses every message of `messages` in rounds until at least `minimumSeconds` have passed (after one warm-up round).
    static func parseRate(_ messages: [[UInt8]], minimumSeconds: Double) -> Rate {
        rate(messages, minimumSeconds: minimumSeconds) { parser, bytes in
            let message = parser.parse(bytes)
            return message.text.utf8.count &+ message.attachments.count &+ message.problems.count
        }
    }

    /// As `parseRate`, with the classifier and the reply splitter after each parse.
    static func intakeRate(_ messages: [[UInt8]], minimumSeconds: Double) -> Rate {
        rate(messages, minimumSeconds: minimumSeconds) { parser, bytes in
            let message = parser.parse(bytes)
            let kind = MailClassifier.classify(message, ownDomains: ["desk.example"]).kind
            return ReplyText.split(message.text).reply.utf8.count &+ (kind == .personal ? 1 : 0)
        }
    }

    private static func rate(_ messages: [[UInt8]], minimumSeconds: Double, _ work: (MailParser, [UInt8]) -> Int)
        -> Rate
    {
        let parser = MailParser()
        var sink = 0
        for bytes in messages { sink &+= work(parser, bytes) }
        let totalBytes = messages.reduce(0) { $0 + $1.count }
        var rounds = 0
        let clock = ContinuousClock()
        let start = clock.now
        var elapsed = 0.0
        while elapsed < minimumSeconds {
            for bytes in messages { sink &+= work(parser, bytes) }
            rounds += 1
            let duration = start.duration(to: clock.now)
            elapsed = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        precondition(sink != Int.min, "benchmark result unused")
        return Rate(rounds: rounds, messages: rounds * messages.count, bytes: rounds * totalBytes, seconds: elapsed)
    }

    /// Python's rate on the same messages and the ratio of ours to it, or a skipped row.
    static func compareWithPython(name: String, bytes: [[UInt8]], ours: Rate, rounds: Int) -> [BenchmarkResult] {
        switch runPython(bytes, rounds: rounds) {
        case .success(let python):
            let theirs = Double(python.messages) / python.seconds
            return [
                BenchmarkResult(
                    name: name + ".python", value: theirs, unit: "messages/s", target: nil, higherIsBetter: true,
                    notes: "Python \(python.python) email.message_from_bytes(policy=default) + subject, addresses, "
                        + "date, ids, get_body, attachments' bytes; \(python.messages) parses in "
                        + "\(format(python.seconds)) s, \(format(Double(python.bytes) / 1_000_000 / python.seconds)) MB/s, "
                        + "\(python.failures) raised"),
                BenchmarkResult(
                    name: name + ".vs.python", value: ours.messagesPerSecond / theirs, unit: "x", target: 10,
                    higherIsBetter: true, notes: "our messages/s over Python's, same files, same run"),
            ]
        case .failure(let reason):
            return [
                BenchmarkResult(
                    name: name + ".python", value: 0, unit: "skipped", target: nil, higherIsBetter: false,
                    notes: "Python comparison skipped: \(reason.message)")
            ]
        }
    }

    /// Writes `messages` to a temporary folder and runs `Benchmarks/mail/parse_python.py` on it.
    static func runPython(_ messages: [[UInt8]], rounds: Int) -> Result<PythonFigures, Skipped> {
        let folder = PythonPeer.folder("mail-bench")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (index, bytes) in messages.enumerated() {
                try Data(bytes).write(to: folder.appendingPathComponent(String(format: "%04d.eml", index)))
            }
        } catch {
            return .failure(Skipped(message: "\(error)"))
        }
        return PythonPeer.run("mail/parse_python.py", [folder.path, String(rounds)], as: PythonFigures.self)
    }

    /// A message of about 5 MB: a short text and an attachment of `attachmentBytes` pseudo-random bytes in base64.
    static func bigMessage(attachmentBytes: Int) -> [UInt8] {
        var state: UInt64 = 22
        var payload = [UInt8](repeating: 0, count: attachmentBytes)
        for index in payload.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            payload[index] = UInt8(truncatingIfNeeded: state >> 56)
        }
        let encoded = Data(payload).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
        // Foundation ends lines with CR only when asked for CR; make them CRLF.
        let lines = encoded.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).joined(separator: "\r\n")
        let text = """
            From: Ivan Petrov <ivan.petrov@client.example>\r
            To: Help Desk <support@desk.example>\r
            Subject: =?utf-8?B?0JHQvtC70YzRiNC+0Lkg0YTQsNC50Ls=?=\r
            Date: Tue, 01 Dec 2026 09:15:00 +0300\r
            Message-ID: <big@client.example>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="big-boundary"\r
            \r
            --big-boundary\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Выгрузка базы во вложении.\r
            --big-boundary\r
            Content-Type: application/octet-stream; name="dump.bin"\r
            Content-Transfer-Encoding: base64\r
            Content-Disposition: attachment; filename="dump.bin"\r
            \r
            \(lines)\r
            --big-boundary--\r

            """
        return Array(text.utf8)
    }
}
