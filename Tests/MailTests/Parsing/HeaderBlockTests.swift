import Foundation
import Testing

@testable import Mail

@Suite("Mail parsing: header blocks")
struct HeaderBlockTests {
    @Test(arguments: [false, true])
    func foldedFieldsUnfoldWithEitherLineEnd(crlf: Bool) {
        let message = parseMail(
            """
            From: a@example.com
            Subject: a long
             subject\tfolded
            \tthree times
            X-Empty:
            Received: from x
              by y

            Body line
            """, crlf: crlf)
        #expect(message.subject == "a long subject\tfolded\tthree times")
        #expect(message.headers["x-empty"] == "")
        #expect(message.headers["RECEIVED"] == "from x  by y")
        #expect(message.text == "Body line")
        #expect(message.root.headers.fields.map(\.name) == ["From", "Subject", "X-Empty", "Received"])
    }

    @Test func invalidNamesAndMissingSeparator() {
        let message = parseMail("From: a@b.c\nBad Name: x\nSubject : spaced\nthis line has no colon\nmore body\n")
        #expect(message.headers["subject"] == "spaced")
        #expect(message.headers["bad name"] == nil)
        #expect(message.text == "this line has no colon\nmore body\n")
        #expect(message.problemKinds.filter { $0 == .malformedHeader }.count == 2)
    }

    @Test func mboxSeparatorIsSkipped() {
        let message = parseMail("From someone@example.com Tue Dec  1 09:15:00 2026\nSubject: hi\n\nbody")
        #expect(message.subject == "hi")
        #expect(!message.problemKinds.contains(.malformedHeader))
    }

    @Test func limitsDropTheRestWithAProblem() {
        var text = ""
        for index in 0..<50 { text += "X-Field-\(index): value \(index)\n" }
        let message = parseMail(text + "\nbody", limits: MailLimits(maximumHeaderFields: 10))
        #expect(message.headers.fields.count == 10)
        #expect(message.problemKinds.contains(.tooManyHeaders))
        #expect(message.text == "body")
        let long = parseMail(
            "Subject: " + String(repeating: "x", count: 5_000) + "\nX: y\n\nbody",
            limits: MailLimits(maximumHeaderBytes: 1_000))
        #expect(long.problemKinds.contains(.tooManyHeaders))
        #expect(long.text == "body")
        let big = parseMail(
            "Subject: s\n\n" + String(repeating: "a", count: 100), limits: MailLimits(maximumMessageBytes: 50))
        #expect(big.problemKinds.first == .messageTooLarge)
        #expect(big.byteCount == 112)
    }

    /// Raw 8-bit subjects in windows-1251 and KOI8-R (FreeScout#735) are guessed and reported.
    @Test func rawEightBitHeadersAreGuessed() {
        for (encode, name) in [(windows1251, "windows-1251"), (koi8r, "koi8-r")] {
            let bytes =
                Array("From: ".utf8) + encode("Иван Петров") + Array(" <ivan@example.ru>\nSubject: ".utf8)
                + encode("Не работает принтер") + Array("\n\nbody".utf8)
            let message = parseMail(bytes)
            #expect(message.subject == "Не работает принтер", "\(name)")
            #expect(message.from == [MailAddress(name: "Иван Петров", address: "ivan@example.ru")], "\(name)")
            #expect(message.problems.first { $0.kind == .rawEightBitHeader }?.detail.contains(name) == true)
        }
        let utf8 = parseMail("Subject: Принтер\n\nbody")
        #expect(utf8.subject == "Принтер")
        #expect(utf8.problems.allSatisfy { $0.kind != .rawEightBitHeader })  // UTF-8 headers are RFC 6532
    }

    @Test func missingRequiredHeaders() {
        let message = parseMail("Subject: only\n\nbody")
        #expect(message.problems.filter { $0.kind == .missingHeader }.map(\.detail) == ["From", "Date", "Message-ID"])
    }
}
