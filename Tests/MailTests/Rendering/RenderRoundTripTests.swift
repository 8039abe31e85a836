import Foundation
import SeededRandom
import Testing

@testable import Mail

/// Messages the renderer writes parse back (with ``MailParser``) to the same content. Needs the
/// real parser: on a branch where ``MailParser/parse(_:)`` is still the placeholder these fail.
@Suite("Mail renderer: round trip through the parser")
struct RenderRoundTripTests {
    static let words = [
        "Принтер", "не", "печатает", "Счёт", "№42", "printer", "VPN", "🙂", "👨‍👩‍👧‍👦", "ёжик", "Ромашка", "«кавычки»",
        String(repeating: "оченьдлинноеслово", count: 6), String(repeating: "x", count: 90), "a=?b", "100%", "тест",
    ]
    static let names = [
        "Иван Петров", "Petrov, Ivan", "John \"Johnny\" Smith", "O'Brien", "Служба поддержки «Ромашка»", "Анна-Мария",
        "back\\slash", "🙂 Smiley", "Very Long Display Name Of The Whole Accounting Department Of Romashka LLC",
    ]
    static let lines = [
        "From the second floor nothing works.", ".", ".hidden", "trailing spaces   ", "trailing tab\t", "Добрый день!",
        String(repeating: "длинная строка ", count: 20), "", "=3D not an escape", "--=_hd_0000000000000000", "🙂",
        "From ", "a", "  indented",
    ]
    static let files = [
        ("Отчёт.pdf", "application/pdf"), ("photo 1.jpg", "image/jpeg"),
        ("счёт-фактура №42 от 01.12.2026.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("plain.txt", "text/plain"),
        ("Очень длинное имя файла, которое не помещается в одну строку заголовка.docx", "application/msword"),
    ]

    static func phrase(_ random: inout SplitMix64, count: ClosedRange<Int>) -> String {
        (0..<Int.random(in: count, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(
            separator: " ")
    }

    static func address(_ random: inout SplitMix64) -> MailAddress {
        let name = Bool.random(using: &random) ? names.randomElement(using: &random)! : nil
        return MailAddress(name: name, address: "user\(Int.random(in: 1...999, using: &random))@example.ru")
    }

    static func text(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...12, using: &random)).map { _ in lines.randomElement(using: &random)! }.joined(
            separator: "\n")
            + (Bool.random(using: &random) ? "\n" : "")
    }

    static func mail(_ random: inout SplitMix64, index: Int) -> OutgoingMail {
        let html =
            Bool.random(using: &random)
            ? "<p>" + text(&random).replacingOccurrences(of: "\n", with: "<br>\n") + "</p>" : nil
        let attachments = (0..<Int.random(in: 0...3, using: &random)).map { position -> MailAttachment in
            let (name, type) = files.randomElement(using: &random)!
            let bytes = (0..<Int.random(in: 0...3_000, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            let inline = html != nil && type == "image/jpeg"
            return MailAttachment(
                fileName: name, mediaType: type, contentID: inline ? "img\(position)@desk" : nil, isInline: inline,
                bytes: bytes)
        }
        return OutgoingMail(
            from: MailAddress(name: names.randomElement(using: &random)!, address: "desk@desk.example"),
            to: (0..<Int.random(in: 1...3, using: &random)).map { _ in address(&random) },
            cc: (0..<Int.random(in: 0...2, using: &random)).map { _ in address(&random) },
            subject: phrase(&random, count: 1...14),
            text: text(&random), html: html, messageID: "ticket.\(index).event.\(index * 7)@desk.example",
            inReplyTo: Bool.random(using: &random) ? "client.\(index)@example.ru" : nil,
            references: (0..<Int.random(in: 0...4, using: &random)).map { "ref\($0).\(index)@example.ru" },
            date: Date(timeIntervalSince1970: Double(Int.random(in: 0...4_000_000_000, using: &random))),
            isAutomatic: Bool.random(using: &random), attachments: attachments)
    }

    /// Line ends as LF, trailing line ends dropped.
    static func normalized(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "\r\n", with: "\n")
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }

    static func people(_ list: [MailAddress]) -> [String] {
        list.map { "\($0.name ?? "")|\($0.address)" }
    }

    @Test func renderedMailParsesBack() {
        var random = SplitMix64(seed: 5_312)
        for index in 0..<300 {
            let mail = Self.mail(&random, index: index)
            let bytes = MailRenderer.render(mail)
            let parsed = MailParser().parse(bytes)
            var differences: [String] = []
            func check<T: Equatable>(_ field: String, _ got: T, _ sent: T) {
                if got != sent { differences.append("\(field): got \(got), sent \(sent)") }
            }
            check("subject", parsed.subject, mail.subject)
            check("from", Self.people(parsed.from), Self.people([mail.from]))
            check("to", Self.people(parsed.to), Self.people(mail.to))
            check("cc", Self.people(parsed.cc), Self.people(mail.cc))
            check("message-id", parsed.messageID, mail.messageID)
            check("in-reply-to", parsed.inReplyTo, mail.inReplyTo.map { [$0] } ?? [])
            check("references", parsed.references, mail.references)
            check("date", parsed.date, mail.date)
            check("text", Self.normalized(parsed.text), Self.normalized(mail.text))
            check("html", parsed.html.map(Self.normalized), mail.html.map(Self.normalized))
            let sent = mail.attachments.map { "\($0.fileName)|\($0.mediaType)|\($0.bytes.count)|\($0.bytes.hashValue)" }
                .sorted()
            let received = parsed.attachments.map {
                "\($0.fileName)|\($0.mediaType)|\($0.bytes.count)|\($0.bytes.hashValue)"
            }.sorted()
            check("attachments", received, sent)
            check("problems", parsed.problems, [])
            check("kind", MailClassifier.classify(parsed, ownDomains: ["desk.example"]).kind, .ownMail)
            if !differences.isEmpty {
                // One mail's differences and its bytes are enough to go on.
                Issue.record(
                    "mail \(index):\n\(differences.joined(separator: "\n"))\n\n\(String(decoding: bytes, as: UTF8.self))"
                )
                return
            }
        }
    }

    @Test func hostileValuesParseBackAsValues() {
        let hostile = [
            "x\r\nBcc: victim@evil.example", "Иван\nX-Injected: 1", "a\rb", "\r\n\r\nbody",
            "=?utf-8?B?DQpCY2M6IGNAZA==?=",
        ]
        for evil in hostile {
            var mail = MailRendererTests.mail(subject: evil, extra: [MailHeader(name: "X-Note", value: evil)])
            mail.from = MailAddress(name: evil, address: "desk@desk.example")
            mail.to = [MailAddress(name: evil, address: "ivan@example.ru")]
            let parsed = MailParser().parse(MailRenderer.render(mail))
            let names = parsed.headers.map { $0.name.lowercased() }
            #expect(!names.contains("bcc") && !names.contains("x-injected"), "\(names)")
            let clean = HeaderText.sanitized(evil).trimmingCharacters(in: .whitespaces)
            #expect(parsed.subject == clean)
            #expect(parsed.headers["X-Note"] == clean)
            #expect(parsed.from.map(\.address) == ["desk@desk.example"])
            #expect(parsed.to.map(\.address) == ["ivan@example.ru"])
            #expect(parsed.to.first?.name == clean)
            #expect(Self.normalized(parsed.text) == "Hello.")
        }
    }
}
