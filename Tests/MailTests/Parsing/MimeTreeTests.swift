import Testing

@testable import Mail

@Suite("Mail parsing: MIME tree")
struct MimeTreeTests {
    static let nested = """
        From: Иван <ivan@example.ru>
        To: desk@example.com
        Subject: =?utf-8?B?0J/RgNC40L3RgtC10YA=?=
        Date: Tue, 1 Dec 2026 09:15:00 +0300
        Message-ID: <m1@example.ru>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        This is the preamble.
        --outer
        Content-Type: multipart/alternative; boundary=outer-inner

        --outer-inner
        Content-Type: text/plain; charset=windows-1251
        Content-Transfer-Encoding: base64

        z/Do7fLl8CDt5SDv5ffg8uDl8g==
        --outer-inner
        Content-Type: text/html; charset="utf-8"
        Content-Transfer-Encoding: quoted-printable

        <p>=D0=9F=D1=80=D0=B8=D0=BD=D1=82=D0=B5=D1=80 =
        <b>не</b> печатает</p>
        --outer-inner--
        --outer
        Content-Type: application/pdf; name="=?utf-8?B?0YHRh9GR0YIucGRm?="
        Content-Disposition: attachment;
         filename*0*=utf-8''%D0%B0%D0%BA%D1%82;
         filename*1*=%20%E2%84%96%201.pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjQ=
        --outer  \t
        Content-Type: image/png
        Content-ID: <logo@x>

        PNG
        --outer--
        This is the epilogue.
        """

    @Test(arguments: [false, true])
    func nestedMultipartWithEncodingsAndNames(crlf: Bool) {
        let message = parseMail(Self.nested, crlf: crlf)
        #expect(message.problems == [])
        #expect(message.subject == "Принтер")
        #expect(message.root.mediaType == "multipart/mixed")
        #expect(message.root.children.map(\.mediaType) == ["multipart/alternative", "application/pdf", "image/png"])
        #expect(message.root.children[0].children.map(\.mediaType) == ["text/plain", "text/html"])
        #expect(message.text == "Принтер не печатает")
        #expect(message.html == (crlf ? "<p>Принтер <b>не</b> печатает</p>" : "<p>Принтер <b>не</b> печатает</p>"))
        #expect(message.attachments.count == 2)
        #expect(message.attachments[0].fileName == "акт № 1.pdf")
        #expect(message.attachments[0].bytes == Array("%PDF-1.4".utf8))
        #expect(!message.attachments[0].isInline)
        #expect(message.attachments[1].fileName == "attachment-2.png")
        #expect(message.attachments[1].contentID == "logo@x")
        #expect(message.attachments[1].isInline)
        #expect(message.attachments[1].bytes == Array("PNG".utf8))
        #expect(message.root.children[1].parameters["name"] == "счёт.pdf")
    }

    @Test func missingAndUnterminatedBoundaries() {
        let noParameter = parseMail("Content-Type: multipart/mixed\n\n--x\nbody\n--x--\n")
        #expect(noParameter.problemKinds.contains(.missingBoundary))
        #expect(noParameter.root.isRaw && noParameter.root.body == Array("--x\nbody\n--x--\n".utf8))
        let never = parseMail("Content-Type: multipart/mixed; boundary=zz\n\nno delimiters here\n")
        #expect(never.problemKinds.contains(.missingBoundary) && never.root.isRaw)
        let open = parseMail("Content-Type: multipart/mixed; boundary=zz\n\n--zz\n\nfirst\n--zz\n\nsecond\n")
        #expect(open.problemKinds.contains(.unterminatedMultipart))
        #expect(open.root.children.map(\.body) == [Array("first".utf8), Array("second\n".utf8)])
        #expect(open.text == "first")
    }

    @Test func delimiterLinesNeedOnlyPaddingAfterTheBoundary() {
        // `--abcdef` is not a delimiter of boundary `abc`, so the nested part stays whole.
        let message = parseMail(
            """
            Content-Type: multipart/mixed; boundary=abc

            --abc
            Content-Type: multipart/alternative; boundary=abcdef

            --abcdef

            inner text
            --abcdef--
            --abc--
            """)
        #expect(message.problems.filter { $0.kind != .missingHeader } == [])
        #expect(message.root.children.count == 1)
        #expect(message.root.children[0].children.map(\.body) == [Array("inner text".utf8)])
    }

    @Test func embeddedMessagesDigestsAndReports() {
        let message = parseMail(
            """
            From: MAILER-DAEMON@x.org
            Content-Type: multipart/report; report-type=delivery-status; boundary=r

            --r
            Content-Type: text/plain

            Delivery failed.
            --r
            Content-Type: message/delivery-status

            Status: 5.1.1
            --r
            Content-Type: message/rfc822

            From: a@b.c
            Subject: original

            original body
            --r--
            """)
        #expect(message.text == "Delivery failed.")
        #expect(message.root.children.map(\.mediaType) == ["text/plain", "message/delivery-status", "message/rfc822"])
        let embedded = message.root.children[2]
        #expect(embedded.children.first?.headers["subject"] == "original")
        #expect(embedded.children.first?.body == Array("original body".utf8))
        #expect(message.attachments.map(\.fileName) == ["attachment-1.eml"])
        let digest = parseMail("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nfirst\n--d--\n")
        #expect(digest.root.children.first?.mediaType == "message/rfc822")
        #expect(digest.root.children.first?.children.first?.headers["subject"] == "one")
    }

    @Test func depthAndPartLimits() {
        var text = ""
        for level in 0..<30 { text += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        text += "\nleaf\n"
        let deep = parseMail(text, limits: MailLimits(maximumDepth: 5))
        #expect(deep.problemKinds.contains(.tooDeep))
        var many = "Content-Type: multipart/mixed; boundary=p\n\n"
        for index in 0..<50 { many += "--p\n\npart \(index)\n" }
        many += "--p--\n"
        let wide = parseMail(many, limits: MailLimits(maximumParts: 10))
        #expect(wide.problemKinds.contains(.tooManyParts))
        #expect(wide.root.children.count == 9)
    }

    @Test func aProblemIsReportedOnce() {
        let message = parseMail("Content-Type: text/plain; name=\"=?utf-8?X?bad?=\"\n\nbody")
        #expect(message.problems.filter { $0.kind == .invalidEncodedWord }.count == 1)
        #expect(message.root.fileName == "=?utf-8?X?bad?=")
    }

    @Test func transferEncodingProblems() {
        let unknown = parseMail("Content-Transfer-Encoding: x-uuencode\n\nbegin 644 x\n")
        #expect(unknown.problemKinds.contains(.unknownTransferEncoding) && unknown.root.isRaw)
        let base64 = parseMail("Content-Transfer-Encoding: base64\n\n0J/RgNC4*0LLQtdGC\n")
        #expect(base64.problemKinds.contains(.invalidBase64))
        #expect(base64.text == "Привет")
        let qp = parseMail(
            "Content-Transfer-Encoding: Quoted-Printable\nContent-Type: text/plain; charset=utf-8\n\n100=% =D0=9F\n")
        #expect(qp.problemKinds.contains(.invalidQuotedPrintable))
        #expect(qp.text == "100=% П\n")
    }

    @Test func charsetsOfBodies() {
        let declared = parseMail(
            Array("Content-Type: text/plain; charset=koi8-r\n\n".utf8) + koi8r("Добрый день"))
        #expect(declared.text == "Добрый день" && declared.problems.allSatisfy { $0.kind == .missingHeader })
        let unknown = parseMail(Array("Content-Type: text/plain; charset=x-nope\n\n".utf8) + windows1251("Добрый день"))
        #expect(unknown.text == "Добрый день" && unknown.problemKinds.contains(.unknownCharset))
        let wrong = parseMail(Array("Content-Type: text/plain; charset=utf-8\n\n".utf8) + windows1251("Добрый день"))
        #expect(wrong.text == "Добрый день" && wrong.problemKinds.contains(.invalidText))
        let meta = parseMail(
            Array("Content-Type: text/html\n\n<meta charset=\"windows-1251\"><p>".utf8) + windows1251("Привет"))
        #expect(meta.text == "Привет" && meta.html?.hasSuffix("Привет") == true)
    }
}
