import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Mail
import Testing

@Suite("Email intake: a letter becomes a ticket, a reply lands in it")
struct EmailIntakeTests {
    /// A windows-1251 letter with an encoded subject and an attachment, as an old Outlook sends it.
    static func cyrillicLetter(from: String = "=?windows-1251?B?yOLg7SDP5fLw7uI=?= <ivan@severstal.example>")
        -> [UInt8]
    {
        let head = """
            From: \(from)\r
            To: support@desk.example\r
            Cc: olga@severstal.example\r
            Subject: =?windows-1251?B?z/Do7fLl8CDn4Oa44vvi4OXyIOHz7ODj8w==?=\r
            Message-ID: <first@severstal.example>\r
            Date: Thu, 3 Dec 2026 09:15:00 +0300\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=windows-1251\r
            Content-Transfer-Encoding: 8bit\r
            \r

            """
        let tail = """
            \r
            --b1\r
            Content-Type: application/pdf; name="scan.pdf"\r
            Content-Disposition: attachment; filename="scan.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            JVBERi0xLjQK\r
            --b1--\r

            """
        return Array(head.utf8) + Letter.windows1251("Принтер в бухгалтерии жуёт бумагу.") + Array(tail.utf8)
    }

    @Test func aWindows1251LetterOpensATicketByTheContactWithItsFile() async throws {
        let mail = try await EmailDesk.make()
        let receipt = try await mail.receive(Self.cyrillicLetter())
        #expect(!receipt.isDuplicate)
        #expect(receipt.classification.kind == .personal)
        let ticket = try await mail.ticket(of: receipt)
        #expect(ticket.title == "Принтер зажёвывает бумагу")
        #expect(ticket.description.contains("жуёт бумагу"))
        #expect(ticket.channel == .email)
        #expect(ticket.requester == .contact(mail.ivan.id))
        #expect(ticket.companyID == mail.company.id)
        #expect(ticket.ccContactIDs == [mail.olga.id], "the copied colleague follows the ticket")
        #expect(ticket.attachments.map(\.fileName) == ["scan.pdf"])
        let blobs = try #require(try mail.test.store.feature((any BlobStore).self))
        let digest = try #require(BlobDigest(checksum: ticket.attachments[0].checksum))
        #expect(try await blobs.bytes(digest) == Array("%PDF-1.4\n".utf8), "the file's bytes are kept")
        let raw = try #require(BlobDigest(checksum: receipt.record.rawChecksum))
        #expect(try await blobs.bytes(raw) == Self.cyrillicLetter(), "the raw message is kept")
        #expect(receipt.record.messageKey == "first@severstal.example")
        #expect(try await mail.desk.emailRecords(of: ticket.id, as: .system) == [receipt.record])
    }

    @Test func theSameMessageTwiceChangesNothing() async throws {
        let mail = try await EmailDesk.make()
        let first = try await mail.receive(Self.cyrillicLetter())
        let before = try await mail.test.snapshot()
        let again = try await mail.receive(Self.cyrillicLetter())
        #expect(again.isDuplicate)
        #expect(again.record == first.record)
        #expect(try await mail.test.snapshot() == before)
    }

    @Test func aReplyThreadsInByInReplyToWithoutItsQuote() async throws {
        let mail = try await EmailDesk.make()
        let ticket = try await mail.ticket(of: try await mail.receive(Self.cyrillicLetter()))
        let reply = Letter.plain(
            from: "Иван Петров <ivan@severstal.example>", subject: "RE: Принтер", id: "second@severstal.example",
            body: "Проблема повторилась после обеда.\r\n\r\n3 декабря 2026 г., 10:00, Service desk пишет:\r\n> Заявка принята",
            headers: ["In-Reply-To: <first@severstal.example>"])
        let receipt = try await mail.receive(reply)
        #expect(receipt.record.outcome == .appended(ticket.id, try #require(receipt.record.outcome.commentID)))
        #expect(receipt.record.match == .messageID)
        let comments = try await mail.desk.comments(on: ticket.id, as: .system)
        #expect(comments.last?.body == "Проблема повторилась после обеда.")
        #expect(comments.last?.author == .contact(mail.ivan.id))
        #expect(try await mail.desk.receivedEmail(receipt.record.id, as: .system).text.contains("> Заявка принята"),
                "the full text stays in the kept message")
    }

    @Test func aReplyToTheDesksOwnMailAndTheMarkerFindTheTicket() async throws {
        let mail = try await EmailDesk.make()
        let ticket = try await mail.ticket(of: try await mail.receive(Self.cyrillicLetter()))
        let events = try await mail.desk.undeliveredEvents(limit: 100, as: .system)
        let sent = try await events.asyncFlatMap { try await mail.desk.emails(for: $0) }
        let receiptMail = try #require(sent.first { $0.recipient.address == "ivan@severstal.example" })
        let answer = Letter.plain(
            from: "ivan@severstal.example", subject: "Re: \(receiptMail.mail.subject)", id: "third@severstal.example",
            body: "Спасибо!", headers: ["In-Reply-To: <\(receiptMail.mail.messageID)>"])
        #expect(try await mail.receive(answer).record.match == .messageID)
        let marked = Letter.plain(
            from: "ivan@severstal.example", subject: "ещё вопрос", id: "fourth@severstal.example",
            body: "И ещё: тонер.\r\n\r\n> \(EmailThreadKeys.marker(of: ticket.id))")
        let receipt = try await mail.receive(marked)
        #expect(receipt.record.match == .marker)
        #expect(receipt.record.outcome.ticketID == ticket.id)
    }

    @Test func aSubjectNumberFromAStrangerOpensANewTicketOrWaitsInTheQuarantine() async throws {
        for policy in StrangerReplyPolicy.allCases {
            let mail = try await EmailDesk.make { $0.strangerReplies = policy }
            let ticket = try await mail.ticket(of: try await mail.receive(Self.cyrillicLetter()))
            let stranger = Letter.plain(
                from: "attacker@evil.example", subject: "Re: [\(ticket.number)]", id: "x1@evil.example",
                body: "Please add me.")
            let colleague = Letter.plain(
                from: "ivan@severstal.example", subject: "Re: [\(ticket.number)]", id: "x2@severstal.example",
                body: "Дополнение.")
            let refused = try await mail.receive(stranger)
            let accepted = try await mail.receive(colleague)
            #expect(accepted.record.outcome.ticketID == ticket.id, "a participant appends by number")
            #expect(accepted.record.match == .subjectNumber)
            let comments = try await mail.desk.comments(on: ticket.id, as: .system)
            #expect(!comments.contains { $0.body.contains("add me") }, "\(policy): the stranger never reaches #\(ticket.number)")
            switch policy {
            case .newTicket:
                let own = try await mail.ticket(of: refused)
                #expect(own.id != ticket.id && own.requester == .freeText("attacker@evil.example"))
            case .quarantine:
                #expect(refused.record.outcome == .quarantined(candidate: ticket.id))
                #expect(try await mail.desk.quarantinedEmails(as: .system).map(\.id) == [refused.record.id])
                let decided = try await mail.desk.decideQuarantinedEmail(refused.record.id, .openTicket, by: .system)
                #expect(try await mail.ticket(of: decided).id != ticket.id)
                let again = try await mail.desk.decideQuarantinedEmail(refused.record.id, .openTicket, by: .system)
                #expect(again.isDuplicate && again.record == decided.record, "deciding again changes nothing")
                #expect(try await mail.desk.quarantinedEmails(as: .system).isEmpty)
            }
        }
    }

    @Test func unknownSendersFollowThePolicy() async throws {
        let letter = Letter.plain(
            from: "\"Новый Клиент\" <new@client.example>", subject: "Не работает VPN", id: "n1@client.example",
            body: "Помогите")
        let free = try await EmailDesk.make()
        #expect(try await free.ticket(of: try await free.receive(letter)).requester
            == .freeText("Новый Клиент <new@client.example>"))
        let rejecting = try await EmailDesk.make { $0.unknownSenders = .reject }
        let before = try await rejecting.test.snapshot()
        let refused = try await rejecting.receive(letter)
        #expect(refused.record.outcome == .refused(reason: "unknown sender"))
        let after = try await rejecting.test.snapshot()
        #expect(after.tickets == before.tickets && after.email.records == [refused.record], "only the record is kept")
        let company = try await free.desk.addCompany(NewCompany(name: "Unknown senders"), by: .system)
        var configuration = free.desk.configuration
        configuration.email.unknownSenders = .newContact(in: company.id)
        let enrolling = HelpDesk(
            store: free.test.store, configuration: configuration, clock: free.test.clock.clock,
            identifiers: SeededIdentifierSource(seed: 7), random: SeededRandomSource(seed: 8))
        let second = Letter.plain(
            from: "\"Новый Клиент\" <new2@client.example>", subject: "VPN", id: "n2@client.example", body: "Снова")
        let ticket = try await enrolling.ticket(
            try #require(try await enrolling.receiveEmail(second).record.outcome.ticketID), as: .system)
        guard case .contact(let id) = ticket.requester else {
            Issue.record("expected a new contact, got \(ticket.requester)")
            return
        }
        let contact = try #require(try await enrolling.contacts(of: company.id, as: .system).first { $0.id == id })
        #expect(contact.email == "new2@client.example" && contact.name == "Новый Клиент")
    }

    @Test func aContactWhoMayNotFileIsRefusedButTheMessageKept() async throws {
        let mail = try await EmailDesk.make()
        let letter = Letter.plain(from: "petr@severstal.example", subject: "Хочу заявку", id: "p1@x", body: "Текст")
        let receipt = try await mail.receive(letter)
        guard case .refused = receipt.record.outcome else {
            Issue.record("expected a refusal, got \(receipt.record.outcome)")
            return
        }
        #expect(try await mail.test.snapshot().tickets.isEmpty)
    }

    @Test func plusAddressingFindsTheContact() async throws {
        let mail = try await EmailDesk.make()
        let letter = Letter.plain(from: "IVAN+printer@Severstal.example", subject: "Тонер", id: "t1@x", body: "Тонер")
        #expect(try await mail.ticket(of: try await mail.receive(letter)).requester == .contact(mail.ivan.id))
        let strict = try await EmailDesk.make { $0.plusAddressing = false }
        #expect(try await strict.ticket(of: try await strict.receive(letter)).requester
            == .freeText("IVAN+printer@Severstal.example"))
    }
}

extension EmailOutcome {
    /// The comment of an appended message.
    var commentID: CommentID? {
        if case .appended(_, let comment) = self { comment } else { nil }
    }
}

extension Sequence {
    /// The concatenated results of `transform` over the elements, in order.
    func asyncFlatMap<T>(_ transform: (Element) async throws -> [T]) async throws -> [T] {
        var result: [T] = []
        for element in self { result += try await transform(element) }
        return result
    }
}
