import Foundation
import HelpDeskKit
import Mail

extension ScriptedDay {
    /// 08:42: Anna's letter arrives in the support mailbox as Outlook wrote it; the desk opens the
    /// ticket, Olga files it, and the desk's receipt is shown as the message the host sends.
    mutating func receiveFirstLetter() async throws(HelpDeskError) -> TicketID {
        let raw = DemoLetters.firstLetter(at: demo.clock.now)
        firstLetter = raw
        let receipt = try await desk.receiveEmail(raw)
        guard case .createdTicket(let id) = receipt.record.outcome else {
            throw .invalidInput(field: "letter", problem: .malformed(expected: "a new ticket"))
        }
        let ticket = try await desk.ticket(id, as: .system)
        say("a letter arrives in the support mailbox: Outlook, windows-1251, quoted-printable, \(raw.count) bytes")
        then("the desk decodes «\(ticket.title)» and knows the sender by her address: Anna Smith, Acme Ltd")
        say("\(ticket.number) \"\(ticket.title)\" arrives by email from Anna Smith, Acme Ltd")
        let files = ticket.attachments.map { "\($0.fileName) (\($0.byteCount) bytes)" }.joined(separator: ", ")
        then("her screenshot \(files) is stored with the ticket; the raw letter is kept as received")
        let olga = Performer.employee(staff.olga.id)
        _ = try await desk.updateTicket(id, TicketUpdate(categoryID: .some(demo.catalog.accounts.id)), by: olga)
        let routed = try await desk.assign(id, to: staff.sam.id, group: demo.groups.serviceDesk.id, by: olga)
        then("Olga Ivanova files it under \(demo.catalog.accounts.name) and gives it to \(routing(of: routed))")
        try await showMail(about: id, "the receipt the host hands to the mail server")
        return id
    }

    /// Prints the desk's latest mail about `ticket` as the host would send it: its headers and first line.
    mutating func showMail(about ticket: TicketID, _ what: String) async throws(HelpDeskError) {
        let events = try await desk.undeliveredEvents(limit: 10_000, as: .system)
        var sent: RenderedEmail?
        for event in events.reversed() where event.event.ticketID == ticket {
            if let mail = try await desk.emails(for: event).first {
                sent = mail
                break
            }
        }
        guard let sent else { return then("WARNING: no mail about the ticket") }
        let parsed = MailParser().parse(sent.bytes)
        then("\(what) (\(sent.bytes.count) bytes, text and HTML):")
        for name in ["From", "To", "Subject", "Message-ID", "In-Reply-To", "Auto-Submitted", "X-Auto-Response-Suppress"] {
            guard let value = name == "Subject" ? parsed.subject : parsed.headers[name] else { continue }
            out.line("              \(name): \(value)")
        }
        out.line("              | \(parsed.text.split(separator: "\n").first ?? "")")
    }

    /// 10:05: Anna answers Sam's question by email, quoting it; the answer threads in by In-Reply-To.
    mutating func annaAnswersByMail(on id: TicketID) async throws(HelpDeskError) {
        let (question, subject) = try await latestMail(to: "anna.smith@acme.example", about: id)
        let before = try await desk.ticket(id, as: .system)
        let receipt = try await desk.receiveEmail(
            DemoLetters.reply(to: question, subject: subject, at: demo.clock.now))
        let after = try await desk.ticket(id, as: .system)
        let body = try await desk.comments(on: id, as: .system).last?.body ?? ""
        say("Anna Smith answers Sam's mail; her letter threads into \(after.number) by \(receipt.record.match == .messageID ? "In-Reply-To" : "\(receipt.record.match)")")
        then("her quote of the desk's mail and her signature are cut off: \"\(body)\"")
        if after.status != before.status {
            then("the client's reply moved \(after.number) from \(label(before.status)) to \(label(after.status))")
        }
    }

    /// 10:25: Anna's mailbox answers Sam's last mail with an absence notice: recognised, nothing changes.
    mutating func annasAbsenceNotice(on id: TicketID) async throws(HelpDeskError) {
        let (answered, subject) = try await latestMail(to: "anna.smith@acme.example", about: id)
        let before = try await desk.ticket(id, as: .system)
        let events = try await desk.undeliveredEvents(limit: 10_000, as: .system).count
        let receipt = try await desk.receiveEmail(DemoLetters.absence(to: answered, subject: subject, at: demo.clock.now))
        let after = try await desk.ticket(id, as: .system)
        let eventsAfter = try await desk.undeliveredEvents(limit: 10_000, as: .system).count
        let unchanged = after == before && events == eventsAfter
        say("Anna's mailbox answers Sam's mail: «\(receipt.record.subject)»")
        then(
            receipt.classification.kind == .outOfOffice && unchanged
                ? "recognised as an out-of-office reply: \(after.number) stays \(label(after.status)), no comment, no answer"
                : "WARNING: the absence notice changed the desk (\(receipt.classification.kind))")
    }

    /// The Message-ID and subject of the desk's latest mail to `address` about `ticket`.
    private func latestMail(to address: String, about ticket: TicketID) async throws(HelpDeskError) -> (String, String) {
        for event in try await desk.undeliveredEvents(limit: 10_000, as: .system).reversed()
        where event.event.ticketID == ticket {
            if let mail = try await desk.emails(for: event).first(where: { $0.recipient.address == address }) {
                return (mail.mail.messageID, mail.mail.subject)
            }
        }
        throw .invalidInput(field: "ticket", problem: .malformed(expected: "a ticket the desk wrote to \(address) about"))
    }
}
