import Foundation
import Mail

/// One message the desk would send for an outbox event, ready for SMTP.
public struct RenderedEmail: Hashable, Sendable {
    /// Whom it goes to.
    public var recipient: MailAddress
    /// The message before rendering.
    public var mail: OutgoingMail
    /// The message as RFC 5322 bytes (``MailRenderer``).
    public var bytes: [UInt8]
    /// `true` when mail to the recipient has bounced and no message came from it since: the host
    /// may hold it back.
    public var recipientBounced: Bool

    /// Describes a rendered message.
    public init(recipient: MailAddress, mail: OutgoingMail, bytes: [UInt8], recipientBounced: Bool) {
        self.recipient = recipient
        self.mail = mail
        self.bytes = bytes
        self.recipientBounced = recipientBounced
    }
}

extension HelpDesk {
    /// The mail the desk sends for `event`: one message per recipient with an address for a
    /// ``DomainEvent/noticeSent(ticket:number:notice:)`` and for an employee's public reply
    /// (``DomainEvent/commentAdded(ticket:number:comment:visibility:)``), none for other events.
    ///
    /// Each message carries the desk's Message-ID, `In-Reply-To`/`References` to the ticket's mail,
    /// the ticket's `[#number]` in the subject and its marker at the foot, and — when a robot wrote
    /// it — `Auto-Submitted: auto-replied` and `X-Auto-Response-Suppress: All`. Only client-visible
    /// text reaches a client: notices are rendered for their reader, replies are public comments.
    public func emails(for event: OutboxEvent, as gateway: Performer = .system) async throws(HelpDeskError)
        -> [RenderedEmail]
    {
        _ = try await authorize(gateway, .handleEmail)
        let settings = configuration.email
        let letter: (ticket: TicketID, number: TicketNumber, notice: Notice, author: String?)
        switch event.event {
        case .noticeSent(let ticket, let number, let notice):
            letter = (ticket, number, notice, nil)
        case .commentAdded(let ticketID, let number, let commentID, .public):
            guard case .employee(let employeeID) = event.performer,
                let comment = try await storage({ try await store.comments(on: ticketID) }).first(where: { $0.id == commentID })
            else { return [] }
            let ticket = try await loadTicket(ticketID)
            let author = try await storage { try await store.employee(employeeID) }?.name
            let notice = Notice(
                purpose: .rule, reader: .client, subject: "Re: \(ticket.title)", text: comment.body,
                html: Self.escapedHTML(comment.body), isAutomatic: false)
            letter = (ticketID, number, notice, author)
        default:
            return []
        }
        let records = try feature((any EmailRepository).self)
        let thread = try await storage { try await records.emailRecords(ofTicket: letter.ticket) }
            .filter { $0.kind != .ownMail && !$0.outcome.isQuarantined }.map(\.messageKey)
        let recipients = try await addresses(of: event.audience, reader: letter.notice.reader)
        var from = settings.deskAddress
        if let author = letter.author { from.name = "\(author), \(settings.deskAddress.name ?? "Service desk")" }
        var rendered: [RenderedEmail] = []
        for (index, recipient) in recipients.enumerated() {
            let marker = EmailThreadKeys.marker(of: letter.ticket)
            let mail = OutgoingMail(
                from: from, to: [recipient],
                subject: EmailThreadKeys.taggedSubject(letter.notice.subject, number: letter.number),
                text: letter.notice.text + "\n\n" + marker,
                html: "<div>" + letter.notice.html.replacingOccurrences(of: "\n", with: "<br>\n") + "</div>\n"
                    + "<p style=\"color:#888;font-size:smaller\">\(marker)</p>",
                messageID: EmailThreadKeys.messageID(
                    ticket: letter.ticket, event: event.id.rawValue, recipient: index, domain: settings.messageIDDomain),
                inReplyTo: thread.last, references: Self.references(thread), date: event.occurredAt,
                isAutomatic: letter.notice.isAutomatic,
                extraHeaders: [MailHeader(name: "X-HelpDesk-Ticket", value: "\(letter.number)")])
            let bounced =
                try await storage { try await records.bouncedAddress(settings.canonical(recipient.address)) }?.isActive
                ?? false
            rendered.append(
                RenderedEmail(
                    recipient: recipient, mail: mail, bytes: MailRenderer.render(mail), recipientBounced: bounced))
        }
        return rendered
    }

    /// `text` with `&`, `<`, `>` and `"` escaped for HTML.
    static func escapedHTML(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The first message of a thread and its latest nine: enough for every mail client to thread.
    private static func references(_ thread: [String]) -> [String] {
        guard thread.count > 10 else { return thread }
        return [thread[0]] + thread.suffix(9)
    }

    /// The addresses of an audience's clients (for a client notice) or employees and group members
    /// (for a staff notice), without repeats, in the audience's order.
    private func addresses(of audience: Audience, reader: NoticeReader) async throws(HelpDeskError) -> [MailAddress] {
        var found: [MailAddress] = []
        var seen = Set<String>()
        func add(_ address: MailAddress) {
            if !address.address.isEmpty, seen.insert(address.normalized).inserted { found.append(address) }
        }
        switch reader {
        case .client:
            for client in audience.clients {
                switch client {
                case .contact(let id):
                    if let contact = try await storage({ try await companyStore.contact(id) }), contact.isActive,
                        let email = contact.email
                    {
                        add(MailAddress(name: contact.name, address: email))
                    }
                case .freeText(let text):
                    if let address = Self.address(inFreeText: text) { add(MailAddress(address: address)) }
                }
            }
        case .staff:
            let employees = try await storage { try await store.employees() }.filter(\.isActive)
            let groups = Set(audience.groupIDs)
            for id in audience.employeeIDs {
                if let employee = employees.first(where: { $0.id == id }) {
                    add(MailAddress(name: employee.name, address: employee.email))
                }
            }
            for employee in employees.sorted(by: { $0.id < $1.id }) where !groups.isDisjoint(with: employee.groupIDs) {
                add(MailAddress(name: employee.name, address: employee.email))
            }
        }
        return found
    }
}
