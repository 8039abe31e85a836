import Foundation
import Mail
import Testing

/// Parses every message of the golden corpus and compares it with its expected parse, key by key.
///
/// Fails until the real parser, classifier and reply splitter are in (their placeholders return a raw part).
@Suite struct GoldenCorpusTests {
    @Test(arguments: GoldenCorpus.names) func messageParsesAsExpected(_ name: String) throws {
        let bytes = try #require(GoldenCorpus.message(name), "\(name).eml unreadable")
        let expected = try #require(GoldenCorpus.expected(name), "\(name).json missing or not an object")
        let message = MailParser().parse(bytes)
        let classification = MailClassifier.classify(message, ownDomains: ["desk.example"])
        let split = ReplyText.split(message.text)
        for (key, value) in expected.sorted(by: { $0.key < $1.key }) {
            GoldenComparison(file: name, key: key, expected: value)
                .check(message, classification: classification, split: split)
        }
    }

    @Test func corpusCoversEveryCase() {
        let names = GoldenCorpus.names
        #expect(names.count >= 60, "the corpus has \(names.count) messages, fewer than 60")
        var problemKinds: Set<String> = []
        var classifications: Set<String> = []
        for name in names {
            guard let expected = GoldenCorpus.expected(name) else {
                Issue.record("\(name).json missing or not an object")
                continue
            }
            let unknown = Set(expected.keys).subtracting(GoldenCorpus.knownKeys)
            #expect(unknown.isEmpty, "\(name).json: unknown keys \(unknown.sorted())")
            for kind in expected["problems"] as? [String] ?? [] {
                #expect(MailProblem.Kind(rawValue: kind) != nil, "\(name).json: no problem kind \(kind)")
                problemKinds.insert(kind)
            }
            if let kind = expected["classification"] as? String {
                #expect(MailClassification.Kind(rawValue: kind) != nil, "\(name).json: no classification \(kind)")
                classifications.insert(kind)
            }
            for attachment in expected["attachments"] as? [[String: Any]] ?? [] {
                let unknown = Set(attachment.keys).subtracting(GoldenCorpus.attachmentKeys)
                #expect(unknown.isEmpty, "\(name).json: unknown attachment keys \(unknown.sorted())")
            }
        }
        let exempt: Set<MailProblem.Kind> = [.messageTooLarge, .tooManyHeaders]
        for kind in MailProblem.Kind.allCases where !exempt.contains(kind) {
            #expect(problemKinds.contains(kind.rawValue), "no message of the corpus expects the problem \(kind)")
        }
        for kind in MailClassification.Kind.allCases {
            #expect(classifications.contains(kind.rawValue), "no message of the corpus is classified \(kind)")
        }
    }

    @Test func everyMessageHasItsExpectedParse() throws {
        let folder = try #require(GoldenCorpus.folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let messages = Set(files.filter { $0.hasSuffix(".eml") }.map { $0.dropLast(4) })
        let parses = Set(files.filter { $0.hasSuffix(".json") }.map { $0.dropLast(5) })
        #expect(messages == parses, "unpaired: \(messages.symmetricDifference(parses).sorted())")
        for name in files where name.hasSuffix(".eml") || name.hasSuffix(".json") {
            let number = name.prefix(3)
            #expect(number.count == 3 && number.prefix(2).allSatisfy(\.isNumber) && number.last == "-", "\(name)")
        }
    }
}

/// One key of an expected parse compared with what the parser, classifier and splitter gave.
struct GoldenComparison {
    var file: String
    var key: String
    var expected: Any

    func check(_ message: MailMessage, classification: MailClassification, split: ReplyText) {
        let label = "\(file): \(key)"
        switch key {
        case "subject": #expect(message.subject == expected as? String, "\(label)")
        case "from": addresses(message.from)
        case "to": addresses(message.to)
        case "cc": addresses(message.cc)
        case "replyTo": addresses(message.replyTo)
        case "date": #expect(GoldenCorpus.iso(message.date) == GoldenCorpus.optionalString(expected), "\(label)")
        case "messageID": #expect(message.messageID == GoldenCorpus.optionalString(expected), "\(label)")
        case "returnPath": #expect(message.returnPath == GoldenCorpus.optionalString(expected), "\(label)")
        case "inReplyTo": #expect(message.inReplyTo == expected as? [String], "\(label)")
        case "references": #expect(message.references == expected as? [String], "\(label)")
        case "text":
            let want = (expected as? String).map(GoldenCorpus.normalized)
            #expect(GoldenCorpus.normalized(message.text) == want, "\(label)")
        case "textContains":
            let text = GoldenCorpus.normalized(message.text)
            for piece in expected as? [String] ?? [] {
                #expect(text.contains(piece), "\(label): \(piece.debugDescription) not in \(text.debugDescription)")
            }
        case "textLacks":
            let text = GoldenCorpus.normalized(message.text)
            for piece in expected as? [String] ?? [] {
                #expect(!text.contains(piece), "\(label): \(piece.debugDescription) in \(text.debugDescription)")
            }
        case "hasHTML": #expect((message.html != nil) == expected as? Bool, "\(label)")
        case "attachments": attachments(message.attachments)
        case "problems": problems(message.problems)
        case "classification": #expect(classification.kind.rawValue == expected as? String, "\(label)")
        case "failedRecipients":
            #expect(classification.failedRecipients.sorted() == (expected as? [String])?.sorted(), "\(label)")
        case "reply":
            let want = (expected as? String).map(GoldenCorpus.normalized)
            #expect(GoldenCorpus.normalized(split.reply) == want, "\(label)")
        case "hasQuote": #expect((split.quote != nil) == expected as? Bool, "\(label)")
        case "hasSignature": #expect((split.signature != nil) == expected as? Bool, "\(label)")
        default: Issue.record("\(label): unknown key")
        }
    }

    /// Mailboxes: the same count, each address equal, and the name too where the file gives `name`.
    private func addresses(_ actual: [MailAddress]) {
        guard let wanted = expected as? [[String: Any]] else {
            Issue.record("\(file): \(key) is not a list of mailboxes")
            return
        }
        #expect(actual.count == wanted.count, "\(file): \(key) count; got \(actual)")
        for (index, (mailbox, want)) in zip(actual, wanted).enumerated() {
            #expect(mailbox.address == want["address"] as? String, "\(file): \(key)[\(index)].address")
            if want.keys.contains("name") {
                #expect(mailbox.name == GoldenCorpus.optionalString(want["name"]), "\(file): \(key)[\(index)].name")
            }
        }
    }

    private func attachments(_ actual: [MailAttachment]) {
        guard let wanted = expected as? [[String: Any]] else {
            Issue.record("\(file): attachments is not a list")
            return
        }
        #expect(
            actual.count == wanted.count,
            "\(file): attachments count; got \(actual.map { "\($0.fileName) \($0.mediaType) \($0.bytes.count)" })")
        for (index, (attachment, want)) in zip(actual, wanted).enumerated() {
            let label = "\(file): attachments[\(index)]"
            for (field, value) in want {
                switch field {
                case "fileName": #expect(attachment.fileName == value as? String, "\(label).fileName")
                case "mediaType": #expect(attachment.mediaType == value as? String, "\(label).mediaType")
                case "byteCount": #expect(attachment.bytes.count == value as? Int, "\(label).byteCount")
                case "headHex": #expect(GoldenCorpus.headHex(attachment.bytes) == value as? String, "\(label).headHex")
                case "contentID":
                    #expect(attachment.contentID == GoldenCorpus.optionalString(value), "\(label).contentID")
                case "isInline": #expect(attachment.isInline == value as? Bool, "\(label).isInline")
                default: Issue.record("\(label): unknown field \(field)")
                }
            }
        }
    }

    /// `[]` means no problem at all; otherwise every listed kind must be among the problems found.
    private func problems(_ actual: [MailProblem]) {
        guard let wanted = expected as? [String] else {
            Issue.record("\(file): problems is not a list")
            return
        }
        let found = Set(actual.map(\.kind.rawValue))
        if wanted.isEmpty {
            #expect(actual.isEmpty, "\(file): problems; expected none, got \(actual)")
        }
        for kind in wanted {
            #expect(found.contains(kind), "\(file): problems lack \(kind); got \(actual)")
        }
    }
}
