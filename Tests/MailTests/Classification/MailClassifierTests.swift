import Testing

@testable import Mail

@Suite("Mail classifier")
struct MailClassifierTests {
    static func message(
        _ headers: [(String, String)] = [], subject: String = "Принтер не печатает", from: String = "ivan@example.ru",
        returnPath: String? = "ivan@example.ru", text: String = "Добрый день! Принтер снова не печатает.",
        messageID: String? = "abc@example.ru", root: MailPart? = nil
    ) -> MailMessage {
        var part = root ?? MailPart(mediaType: "text/plain", body: Array(text.utf8))
        part.headers = MailHeaders(headers.map { MailHeader(name: $0.0, value: $0.1) })
        return MailMessage(
            root: part, subject: subject, from: [MailAddress(address: from)], messageID: messageID,
            returnPath: returnPath,
            text: text)
    }

    static func report(_ status: String, reportType: String = "delivery-status") -> MailPart {
        MailPart(
            mediaType: "multipart/report", parameters: ["report-type": reportType, "boundary": "b"],
            children: [
                MailPart(mediaType: "text/plain", body: Array("Delivery to the following recipients failed.".utf8)),
                MailPart(mediaType: "message/delivery-status", body: Array(status.utf8)),
                MailPart(mediaType: "text/rfc822-headers", body: Array("From: desk@desk.example".utf8)),
            ])
    }

    static let dsn = """
        Reporting-MTA: dns; mx.example.ru
        Arrival-Date: Sat, 5 Dec 2026 09:15:00 +0300

        Final-Recipient: rfc822; Nobody@Example.RU
        Original-Recipient: rfc822;nobody@example.ru
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.ru>:
          Recipient address rejected: User unknown

        Final-Recipient: rfc822; <late@example.ru>
        Action: delayed
        Status: 4.4.1

        Original-Recipient: rfc822; second@example.com
        Action: failed
        Status: 5.2.2
        """

    typealias Kind = MailClassification.Kind

    /// One row per rule: the headers and fields of a message and the kind expected.
    static let table: [(String, MailMessage, Kind)] = [
        ("a person", message(), .personal),
        ("Auto-Submitted: no", message([("Auto-Submitted", "no")]), .personal),
        ("own Message-ID domain", message(messageID: "ticket.42.event.9@Desk.Example"), .ownMail),
        ("own marker header", message([("X-HelpDesk-Ticket", "42")]), .ownMail),
        (
            "DSN",
            message(subject: "Delivery Status Notification", returnPath: "", messageID: "x@mx", root: report(dsn)),
            .bounce
        ),
        (
            "null return path from the daemon",
            message(
                subject: "Undelivered Mail Returned to Sender", from: "MAILER-DAEMON@mx.example.ru", returnPath: ""),
            .bounce
        ),
        (
            "Russian bounce subject",
            message(subject: "Недоставленное сообщение", from: "postmaster@mail.ru", returnPath: ""), .bounce
        ),
        (
            "Не удалось доставить",
            message(subject: "Не удалось доставить письмо", from: "mailer-daemon@yandex.ru", returnPath: nil), .bounce
        ),
        (
            "daemon with a real return path",
            message(subject: "Undelivered Mail Returned to Sender", from: "mailer-daemon@mx", returnPath: "x@y"),
            .personal
        ),
        (
            "daemon without a failure subject", message(subject: "Hello", from: "postmaster@mx", returnPath: ""),
            .personal
        ),
        (
            "out of office by header and subject",
            message([("Auto-Submitted", "auto-replied")], subject: "Out of Office: Принтер"), .outOfOffice
        ),
        ("Автоответ alone", message(subject: "Автоответ: Принтер не печатает"), .outOfOffice),
        ("Automatic reply alone", message(subject: "Automatic reply: printer"), .outOfOffice),
        (
            "X-Autoreply with absence text",
            message([("X-Autoreply", "yes")], subject: "Re: Принтер", text: "Я в отпуске до 14 декабря."), .outOfOffice
        ),
        (
            "Auto: subject with a robot header",
            message([("X-Auto-Response-Suppress", "All")], subject: "Auto: Printer"), .outOfOffice
        ),
        (
            "Precedence auto_reply with «не в офисе»",
            message([("Precedence", "auto_reply")], text: "Сейчас я не в офисе."), .outOfOffice
        ),
        (
            "absence words without a robot header",
            message(subject: "Re: vacation", text: "I am out of the office, but here is the answer."), .personal
        ),
        ("Auto-Submitted: auto-generated", message([("Auto-Submitted", "auto-generated")]), .autoReply),
        ("X-Autorespond", message([("X-Autorespond", "1")]), .autoReply),
        (
            "X-Auto-Response-Suppress on incoming mail", message([("X-Auto-Response-Suppress", "OOF, AutoReply")]),
            .autoReply
        ),
        ("Precedence: auto_reply", message([("Precedence", "auto_reply")]), .autoReply),
        ("List-Id", message([("List-Id", "Users <users.lists.example.org>")]), .list),
        ("List-Unsubscribe", message([("List-Unsubscribe", "<mailto:leave@example.org>")]), .list),
        ("List-Post", message([("List-Post", "<mailto:users@example.org>")]), .list),
        ("Precedence: bulk", message([("Precedence", "bulk")]), .list),
        ("Precedence: list", message([("Precedence", "list")]), .list),
        ("Precedence: junk", message([("Precedence", "junk")]), .list),
        ("Precedence: first-class", message([("Precedence", "first-class")]), .personal),
    ]

    @Test(arguments: 0..<table.count) func eachRule(_ row: Int) {
        let (name, message, kind) = Self.table[row]
        let result = MailClassifier.classify(message, ownDomains: ["desk.example"])
        #expect(result.kind == kind, "\(name): \(result)")
        #expect(result.isAutomatic == (kind != .personal))
        #expect(result.reasons.isEmpty == (kind == .personal), "\(name): \(result.reasons)")
    }

    @Test func strongerRulesWin() {
        let everything: [(String, String)] = [
            ("X-HelpDesk-Ticket", "42"), ("Auto-Submitted", "auto-replied"), ("List-Id", "l"), ("Precedence", "bulk"),
        ]
        func kind(_ headers: [(String, String)], subject: String = "Out of office", root: MailPart? = nil) -> Kind {
            MailClassifier.classify(Self.message(headers, subject: subject, returnPath: "", root: root), ownDomains: [])
                .kind
        }
        #expect(kind(everything, root: Self.report(Self.dsn)) == .ownMail)
        #expect(kind(Array(everything.dropFirst()), root: Self.report(Self.dsn)) == .bounce)
        #expect(kind(Array(everything.dropFirst())) == .outOfOffice)
        #expect(kind(Array(everything.dropFirst()), subject: "Ticket closed") == .autoReply)
        #expect(kind(Array(everything.dropFirst(2)), subject: "Newsletter") == .list)
        // A reply to our mail quotes our Message-ID in In-Reply-To: still a person.
        var reply = Self.message()
        reply.inReplyTo = ["ticket.42.event.9@desk.example"]
        reply.references = ["ticket.42.event.9@desk.example"]
        #expect(MailClassifier.classify(reply, ownDomains: ["desk.example"]).kind == .personal)
        #expect(
            MailClassifier.classify(Self.message(messageID: "x@desk.example.evil"), ownDomains: ["desk.example"]).kind
                == .personal)
        #expect(MailClassifier.classify(Self.message(messageID: nil), ownDomains: ["desk.example"]).kind == .personal)
    }

    @Test func headerNamesAndValuesIgnoreCase() {
        for (name, value) in [
            ("auto-submitted", "AUTO-REPLIED"), ("AUTO-SUBMITTED", "Auto-Replied; owner=x"), ("x-autoreply", "YES"),
        ] {
            #expect(MailClassifier.classify(Self.message([(name, value)])).kind == .autoReply)
        }
        #expect(MailClassifier.classify(Self.message([("auto-submitted", "No")])).kind == .personal)
        #expect(MailClassifier.classify(Self.message([("PRECEDENCE", "Bulk")])).kind == .list)
        #expect(MailClassifier.classify(Self.message([("list-id", "x")])).kind == .list)
        #expect(MailClassifier.classify(Self.message([("x-helpdesk-marker", "1")])).kind == .ownMail)
        #expect(MailClassifier.classify(Self.message(subject: "OUT OF OFFICE")).kind == .outOfOffice)
        #expect(MailClassifier.classify(Self.message(subject: "АВТООТВЕТ")).kind == .outOfOffice)
        #expect(
            MailClassifier.classify(Self.message(subject: "x", from: "Mailer-Daemon@MX", returnPath: "")).kind
                == .personal)
        let bounce = Self.message(
            subject: "UNDELIVERED MAIL RETURNED TO SENDER", from: "Mailer-Daemon@MX", returnPath: "")
        #expect(MailClassifier.classify(bounce).kind == .bounce)
        let report = Self.report(Self.dsn, reportType: "Delivery-Status")
        #expect(MailClassifier.classify(Self.message(root: report)).kind == .bounce)
    }

    @Test func bouncesNameTheFailedRecipients() {
        let dsn = MailClassifier.classify(Self.message(returnPath: "", root: Self.report(Self.dsn)))
        #expect(dsn.failedRecipients == ["nobody@example.ru", "second@example.com"])
        #expect(dsn.reasons == ["multipart/report; report-type=delivery-status"])
        let delayed = MailClassifier.classify(
            Self.message(root: Self.report("Final-Recipient: rfc822; a@b\nAction: delayed\nStatus: 4.4.1\n")))
        #expect(delayed.kind == .bounce)
        #expect(delayed.failedRecipients.isEmpty)
        let crlf = Self.report(Self.dsn.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(
            MailClassifier.classify(Self.message(root: crlf)).failedRecipients == [
                "nobody@example.ru", "second@example.com",
            ])

        let exim = Self.message(
            [("X-Failed-Recipients", "Lost@Example.com, other@example.org")],
            subject: "Mail delivery failed: returning message to sender",
            from: "Mailer-Daemon@mx.example.com", returnPath: "")
        #expect(MailClassifier.classify(exim).failedRecipients == ["lost@example.com", "other@example.org"])
        let postfix = Self.message(
            subject: "Undelivered Mail Returned to Sender", from: "MAILER-DAEMON@mx.example.ru", returnPath: "",
            text: """
                This is the mail system at host mx.example.ru.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients.

                <Ghost@Example.ru>: host mx2.example.ru said: 550 5.1.1 User unknown

                --- Original message follows ---
                From: desk@desk.example
                To: ghost@example.ru, cc@example.ru
                """)
        let result = MailClassifier.classify(postfix)
        #expect(result.failedRecipients == ["ghost@example.ru"])
        #expect(result.reasons.contains("sender mailer-daemon@mx.example.ru"))
    }
}
