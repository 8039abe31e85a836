import Foundation
import SeededRandom
import Testing

@testable import Mail

@Suite("Mail renderer")
struct MailRendererTests {
    static let date = Date(timeIntervalSince1970: 1_796_462_100)  // Sat, 05 Dec 2026 09:15:00 UTC

    static func mail(
        subject: String = "Printer", text: String = "Hello.\n", html: String? = nil, attachments: [MailAttachment] = [],
        isAutomatic: Bool = false, extra: [MailHeader] = []
    ) -> OutgoingMail {
        OutgoingMail(
            from: MailAddress(name: "Help Desk", address: "desk@desk.example"),
            to: [MailAddress(name: "Иван Петров", address: "ivan@example.ru")], subject: subject, text: text,
            html: html,
            messageID: "ticket.42.event.9@desk.example", inReplyTo: "abc@example.ru",
            references: ["root@x", "abc@example.ru"],
            date: date, isAutomatic: isAutomatic, extraHeaders: extra, attachments: attachments)
    }

    static func rendered(_ mail: OutgoingMail) -> (
        fields: [(name: String, value: String)], lines: [String], body: [UInt8]
    ) {
        let (lines, body) = RenderTestReader.split(MailRenderer.render(mail))
        return (RenderTestReader.fields(lines), lines, body)
    }

    @Test func aTextMailInFull() {
        let bytes = MailRenderer.render(
            Self.mail(isAutomatic: true, extra: [MailHeader(name: "X-HelpDesk-Ticket", value: "42")]))
        let expected = [
            "Date: Sat, 05 Dec 2026 09:15:00 +0000",
            "From: Help Desk <desk@desk.example>",
            "To: =?utf-8?B?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <ivan@example.ru>",
            "Subject: Printer",
            "Message-ID: <ticket.42.event.9@desk.example>",
            "In-Reply-To: <abc@example.ru>",
            "References: <root@x> <abc@example.ru>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-replied",
            "X-Auto-Response-Suppress: All",
            "X-HelpDesk-Ticket: 42",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 7bit",
            "",
            "Hello.",
            "",
        ].joined(separator: "\r\n")
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        #expect(MailRenderer.render(Self.mail()) == MailRenderer.render(Self.mail()))
        #expect(!String(decoding: MailRenderer.render(Self.mail()), as: UTF8.self).contains("Auto-Submitted"))
    }

    @Test func datesMatchAReferenceFormatter() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        var random = SplitMix64(seed: 22)
        var samples: [Double] = [0, -1, 86_399, 86_400, 951_782_400, 1_709_164_800, 4_102_444_800, -2_208_988_800]
        for _ in 0..<2_000 { samples.append(Double(Int64.random(in: -5_000_000_000...10_000_000_000, using: &random))) }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(MailDateFormat.string(date) == formatter.string(from: date), "\(seconds)")
        }
        #expect(MailDateFormat.string(Self.date) == "Sat, 05 Dec 2026 09:15:00 +0000")
        #expect(MailDateFormat.string(Date(timeIntervalSince1970: 0.9)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailDateFormat.string(Date(timeIntervalSince1970: -0.5)) == "Wed, 31 Dec 1969 23:59:59 +0000")
        #expect(MailDateFormat.string(Date(timeIntervalSince1970: .infinity)) == "Fri, 31 Dec 9999 23:59:59 +0000")
        #expect(MailDateFormat.string(Date(timeIntervalSince1970: -.infinity)) == "Mon, 01 Jan 0001 00:00:00 +0000")
        #expect(MailDateFormat.string(Date(timeIntervalSince1970: .nan)) == "Thu, 01 Jan 1970 00:00:00 +0000")
    }

    @Test func base64MatchesFoundation() {
        var random = SplitMix64(seed: 7)
        for length in 0..<300 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(String(decoding: MailEncoders.base64(bytes), as: UTF8.self) == Data(bytes).base64EncodedString())
            let lines = String(decoding: MailEncoders.base64Lines(bytes), as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines.allSatisfy { $0.count <= 76 })
            #expect(lines.dropLast().allSatisfy { $0.count == 76 })
            #expect(RenderTestReader.base64(MailEncoders.base64Lines(bytes)) == bytes)
        }
    }

    @Test func quotedPrintableRoundTripsAndStaysSafe() {
        var random = SplitMix64(seed: 11)
        let pieces = [
            "From ", ".", " ", "\t", "=", "é", "Ж", "🙂", "a", "word ", "\r\n", "\n", "\r", "\u{0}", "=_", "x",
        ]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...120, using: &random) { text += pieces.randomElement(using: &random)! }
            let encoded = MailEncoders.quotedPrintable(text)
            #expect(encoded.allSatisfy { $0 == 13 || $0 == 10 || $0 == 9 || ($0 >= 32 && $0 < 127) })
            let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
            for line in lines {
                #expect(line.utf8.count <= 76)
                #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
                #expect(!line.hasPrefix("From ") && !line.hasPrefix("."))
            }
            let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
                of: "\r", with: "\n")
            let decoded = String(decoding: RenderTestReader.quotedPrintable(encoded), as: UTF8.self)
            #expect(decoded.replacingOccurrences(of: "\r\n", with: "\n") == normalized)
        }
    }

    @Test func encodedWordsNeverSplitACharacter() {
        var random = SplitMix64(seed: 3)
        let pieces = ["a", "Ж", "ё", "🙂", "👨‍👩‍👧‍👦", "e\u{301}", " ", "中", "🇷🇺", String(repeating: "👍🏽", count: 12)]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...80, using: &random) { text += pieces.randomElement(using: &random)! }
            let first = Int.random(in: 0...80, using: &random)
            let chunks = EncodedWords.chunks(
                text, firstCapacity: EncodedWords.capacity(characters: first), capacity: 45)
            #expect(chunks.joined().elementsEqual(text.utf8))
            for chunk in chunks { #expect(String(validating: chunk, as: UTF8.self) != nil) }
            let words = EncodedWords.words(text, firstCapacity: EncodedWords.capacity(characters: first))
            #expect(words.allSatisfy { $0.utf8.count <= 75 })
            // Graphemes that fit a word are whole in one word.
            let shortGraphemes = text.filter { $0.utf8.count <= 45 }.count
            let wordGraphemes = chunks.reduce(0) { $0 + String(decoding: $1, as: UTF8.self).count }
            #expect(wordGraphemes >= shortGraphemes)
            #expect(wordGraphemes <= text.count + chunks.count)
        }
    }

    @Test func subjectsFoldAndDecodeBack() {
        let subjects = [
            "", "Printer", "  spaced  words  ", "Принтер в бухгалтерии не печатает",
            String(repeating: "Очень длинная тема письма про принтер ", count: 6),
            String(repeating: "long subject words ", count: 12), String(repeating: "x", count: 200),
            "=?utf-8?B?not a word?=", "🙂🙂🙂 emoji 👨‍👩‍👧‍👦 family", "Tab\there",
        ]
        for subject in subjects {
            let (fields, lines, _) = Self.rendered(Self.mail(subject: subject))
            let expected = subject.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespaces)
            let value = fields.first { $0.name == "Subject" }?.value ?? "missing"
            #expect(RenderTestReader.decodeWords(value).trimmingCharacters(in: .whitespaces) == expected, "\(subject)")
            #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines)")
            #expect(lines.allSatisfy { !$0.allSatisfy { $0 == " " } || $0.isEmpty })
        }
    }

    @Test func displayNamesAreQuotedOrEncoded() {
        let cases: [(String?, String)] = [
            (nil, "a@b.example"), ("", "a@b.example"), ("Ivan Petrov", "Ivan Petrov <a@b.example>"),
            ("Petrov, Ivan", "\"Petrov, Ivan\" <a@b.example>"),
            ("Ivan \"the\" P.", "\"Ivan \\\"the\\\" P.\" <a@b.example>"),
            ("back\\slash", "\"back\\\\slash\" <a@b.example>"), ("Иван", "=?utf-8?B?0JjQstCw0L0=?= <a@b.example>"),
        ]
        for (name, expected) in cases {
            var mail = Self.mail()
            mail.to = [MailAddress(name: name, address: "a@b.example")]
            #expect(Self.rendered(mail).fields.first { $0.name == "To" }?.value == expected)
        }
        var mail = Self.mail()
        mail.to = (0..<12).map {
            MailAddress(name: "Сотрудник отдела номер \($0), «Ромашка»", address: "user\($0)@example.ru")
        }
        let (fields, lines, _) = Self.rendered(mail)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        let to = fields.first { $0.name == "To" }!.value
        #expect(to.components(separatedBy: ">,").count == 12)
        #expect(RenderTestReader.decodeWords(to).contains("Сотрудник отдела номер 11, «Ромашка» <user11@example.ru>"))
        mail.to = []
        #expect(Self.rendered(mail).fields.first { $0.name == "To" }?.value == "undisclosed-recipients:;")
    }

    @Test func hostileStringsCannotAddAHeader() {
        let hostile = [
            "x\r\nBcc: victim@evil.example", "x\nX-Injected: 1", "x\rX-Injected: 1", "x\u{0}y", "\r\n\r\nbody",
            "a@b>\r\nBcc: c@d", "Иван\r\nBcc: c@d", "=?utf-8?B?DQpCY2M6IGNAZA==?=",
        ]
        for evil in hostile {
            var mail = Self.mail(
                subject: evil, extra: [MailHeader(name: evil, value: evil), MailHeader(name: "X-Ok", value: evil)])
            mail.from = MailAddress(name: evil, address: evil)
            mail.to = [MailAddress(name: evil, address: "ok@example.ru"), MailAddress(address: evil)]
            mail.cc = [MailAddress(name: evil, address: evil)]
            mail.messageID = evil
            mail.inReplyTo = evil
            mail.references = [evil, "ok@x"]
            mail.attachments = [MailAttachment(fileName: evil, mediaType: evil, contentID: evil, bytes: [1, 2])]
            let bytes = MailRenderer.render(mail)
            let (lines, _) = RenderTestReader.split(bytes)
            let names = RenderTestReader.fields(lines).map(\.name)
            #expect(!names.contains { $0.lowercased() == "bcc" || $0.lowercased() == "x-injected" }, "\(names)")
            #expect(names.filter { $0 == "Subject" }.count == 1)
            let allowed: Set<String> = [
                "Date", "From", "To", "Cc", "Subject", "Message-ID", "In-Reply-To", "References", "MIME-Version",
                "X-Ok",
                "Content-Type", HeaderText.fieldName(evil) ?? "",
            ]
            #expect(Set(names).isSubset(of: allowed), "\(names)")
            #expect(names.count == Set(names).count)
            #expect(lines.allSatisfy { !$0.contains("\r") && !$0.contains("\n") && !$0.contains("\u{0}") })
            #expect(!bytes.contains(0))
            // Every header line is a field or a continuation.
            #expect(lines.allSatisfy { $0.first == " " || $0.contains(":") })
        }
    }

    @Test func randomMailsAreCleanCRLFASCIIWithinLineLimits() {
        var random = SplitMix64(seed: 77)
        for index in 0..<300 {
            let mail = RenderRoundTripTests.mail(&random, index: index)
            let bytes = MailRenderer.render(mail)
            #expect(bytes == MailRenderer.render(mail))
            #expect(bytes.allSatisfy { $0 < 128 && $0 != 0 })
            for (position, byte) in bytes.enumerated() {
                if byte == 10 { #expect(position > 0 && bytes[position - 1] == 13) }
                if byte == 13 { #expect(position + 1 < bytes.count && bytes[position + 1] == 10) }
            }
            let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
            // A longer line is one atom that cannot be folded (a 73-character media type).
            let long = lines.filter { $0.utf8.count > 78 }
            #expect(long.allSatisfy { !$0.drop { $0 != ":" }.dropFirst(2).contains(" ") }, "\(long)")
            #expect(bytes.suffix(2) == [13, 10])
        }
        let long = MailHeader(name: String(repeating: "X", count: 2_000), value: "v")
        let rendered = String(decoding: MailRenderer.render(Self.mail(extra: [long])), as: UTF8.self)
        #expect(rendered.contains("\r\n" + String(repeating: "X", count: 76) + ": v\r\n"))
    }
}
