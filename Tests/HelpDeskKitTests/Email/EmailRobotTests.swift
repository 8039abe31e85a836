import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Mail
import Testing

@Suite("Email from robots: out-of-office, auto-replies, bounces, our own mail")
struct EmailRobotTests {
    static func opened(_ mail: EmailDesk) async throws -> Ticket {
        try await mail.ticket(of: try await mail.receive(EmailIntakeTests.cyrillicLetter()))
    }

    /// Every client notice in the outbox.
    static func clientNotices(_ mail: EmailDesk) async throws -> [Notice] {
        try await mail.desk.undeliveredEvents(limit: 1_000, as: .system).compactMap { event in
            guard case .noticeSent(_, _, let notice) = event.event, notice.reader == .client else { return nil }
            return notice
        }
    }

    @Test func anOutOfOfficeReplyChangesNothingAndNeverReopens() async throws {
        let mail = try await EmailDesk.make()
        let ticket = try await Self.opened(mail)
        _ = try await mail.desk.changeStatus(ticket.id, to: "resolved", by: .employee(mail.test.anna.id))
        let before = try await mail.test.snapshot()
        let away = Letter.plain(
            from: "ivan@severstal.example", subject: "Автоответ: Принтер [\(ticket.number)]", id: "ooo@severstal.example",
            body: "Я в отпуске до 10 декабря.", headers: ["Auto-Submitted: auto-replied", "In-Reply-To: <first@severstal.example>"])
        let receipt = try await mail.receive(away)
        #expect(receipt.classification.kind == .outOfOffice)
        #expect(receipt.record.outcome == .ignored(ticket: ticket.id))
        let after = try await mail.test.snapshot()
        #expect(after.tickets == before.tickets && after.comments == before.comments, "no comment, still resolved")
        #expect(after.undelivered == before.undelivered, "no notice either")
    }

    @Test func anAutoReplyOpensATicketButGetsNoReceipt() async throws {
        let mail = try await EmailDesk.make()
        let robot = Letter.plain(
            from: "noreply@vendor.example", subject: "Your request 5531 is registered", id: "robot@vendor.example",
            body: "We will answer soon.", headers: ["X-Autoreply: yes"])
        let receipt = try await mail.receive(robot)
        #expect(receipt.classification.kind == .autoReply)
        _ = try await mail.ticket(of: receipt)
        #expect(try await Self.clientNotices(mail).isEmpty, "robots are not answered")
        _ = try await Self.opened(mail)
        #expect(try await Self.clientNotices(mail).count == 1, "a person is")
    }

    @Test func aBounceMarksTheAddressUntilMailComesFromItAgain() async throws {
        let mail = try await EmailDesk.make()
        let ticket = try await Self.opened(mail)
        let bounce = """
            From: MAILER-DAEMON@mx.severstal.example\r
            To: support@desk.example\r
            Subject: Undelivered Mail Returned to Sender\r
            Message-ID: <bounce-1@mx.severstal.example>\r
            Return-Path: <>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r
            \r
            --r\r
            Content-Type: text/plain\r
            \r
            Delivery failed.\r
            --r\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mx.severstal.example\r
            \r
            Final-Recipient: rfc822; Ivan@Severstal.example\r
            Action: failed\r
            Status: 5.1.1\r
            --r--\r

            """
        let receipt = try await mail.receive(Array(bounce.utf8))
        #expect(receipt.classification.kind == .bounce)
        #expect(try await mail.desk.bouncedAddresses(as: .system).map(\.address) == ["ivan@severstal.example"])
        let events = try await mail.desk.undeliveredEvents(limit: 100, as: .system)
        let rendered = try await events.asyncFlatMap { try await mail.desk.emails(for: $0) }
        #expect(rendered.contains { $0.recipient.address == "ivan@severstal.example" && $0.recipientBounced })
        let back = Letter.plain(
            from: "ivan@severstal.example", subject: "Re: [\(ticket.number)]", id: "back@severstal.example", body: "Я снова тут")
        _ = try await mail.receive(back)
        #expect(try await mail.desk.bouncedAddresses(as: .system).isEmpty, "mail from the address lifts the mark")
    }

    @Test func theDesksOwnMailComingBackIsIgnored() async throws {
        let mail = try await EmailDesk.make()
        let ticket = try await Self.opened(mail)
        let before = try await mail.test.snapshot()
        let loop = Letter.plain(
            from: "support@desk.example", subject: "Заявка [\(ticket.number)]",
            id: EmailThreadKeys.messageID(ticket: ticket.id, event: UUID(), recipient: 0, domain: "desk.example"),
            body: "loop")
        let receipt = try await mail.receive(loop)
        #expect(receipt.classification.kind == .ownMail)
        #expect(try await mail.test.snapshot().tickets == before.tickets)
    }

    @Test func outgoingMailThreadsCarriesTheMarkerAndIsStampedAutomatic() async throws {
        let mail = try await EmailDesk.make()
        let ticket = try await Self.opened(mail)
        let events = try await mail.desk.undeliveredEvents(limit: 100, as: .system)
        let rendered = try await events.asyncFlatMap { try await mail.desk.emails(for: $0) }
        let receipt = try #require(rendered.first { $0.recipient.address == "ivan@severstal.example" })
        #expect(receipt.mail.subject.contains("[\(ticket.number)]"))
        #expect(receipt.mail.inReplyTo == "first@severstal.example")
        #expect(receipt.mail.references == ["first@severstal.example"])
        #expect(receipt.mail.text.contains(EmailThreadKeys.marker(of: ticket.id)))
        #expect(EmailThreadKeys.ticket(inMessageID: receipt.mail.messageID, domain: "desk.example") == ticket.id)
        let parsed = MailParser().parse(receipt.bytes)
        #expect(parsed.headers["Auto-Submitted"] == "auto-replied")
        #expect(parsed.headers["X-Auto-Response-Suppress"] == "All")
        #expect(parsed.subject == receipt.mail.subject)
        #expect(parsed.messageID == receipt.mail.messageID)
        #expect(MailClassifier.classify(parsed, ownDomains: ["desk.example"]).kind == .ownMail)
        #expect(try await mail.desk.emails(for: events[0]) == mail.desk.emails(for: events[0]), "deterministic")
    }
}
