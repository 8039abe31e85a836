import Foundation
import Mail

/// How the desk names its own mail so answers find their ticket: Message-IDs
/// `ticket-<ticket>-<event>@<domain>` and a marker line `[HD-<ticket>]` in the text.
public enum EmailThreadKeys {
    /// The Message-ID of the desk's mail about `ticket` for outbox event `event`, recipient `index`.
    public static func messageID(ticket: TicketID, event: UUID, recipient index: Int, domain: String) -> String {
        "ticket-\(ticket.description.lowercased())-\(event.uuidString.lowercased())-\(index)@\(domain)"
    }

    /// The ticket named by one of the desk's own Message-IDs under `domain`, or `nil`.
    public static func ticket(inMessageID id: String, domain: String) -> TicketID? {
        let lowered = id.lowercased()
        guard lowered.hasSuffix("@" + domain.lowercased()), lowered.hasPrefix("ticket-") else { return nil }
        let uuid = lowered.dropFirst("ticket-".count).prefix(36)
        return TicketID(uuidString: String(uuid))
    }

    /// The marker the desk writes at the foot of its mail about `ticket`.
    public static func marker(of ticket: TicketID) -> String { "[HD-\(ticket.description)]" }

    /// The tickets whose markers occur in `text`, in order of appearance, without repeats.
    public static func markedTickets(in text: String) -> [TicketID] {
        var found: [TicketID] = []
        var rest = text[...]
        while let start = rest.range(of: "[HD-") {
            let after = rest[start.upperBound...]
            let candidate = after.prefix(36)
            if candidate.count == 36, after.dropFirst(36).first == "]", let id = TicketID(uuidString: String(candidate)),
                !found.contains(id)
            {
                found.append(id)
            }
            rest = after
        }
        return found
    }

    /// The ticket numbers written `[#1042]` in `subject`, in order (any number of digits up to 18).
    public static func subjectNumbers(in subject: String) -> [Int] {
        var numbers: [Int] = []
        var rest = subject[...]
        while let start = rest.range(of: "[#") {
            let after = rest[start.upperBound...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 18, after.dropFirst(digits.count).first == "]", let number = Int(digits) {
                numbers.append(number)
            }
            rest = after
        }
        return numbers
    }

    /// `subject` with the ticket's tag `[#number]` added unless it is there already.
    public static func taggedSubject(_ subject: String, number: TicketNumber) -> String {
        let tag = "[\(number)]"
        return subject.contains(tag) ? subject : "\(subject) \(tag)"
    }
}

extension HelpDesk {
    /// The ticket a message answers and how it was found: its `In-Reply-To` and `References`
    /// (newest first) against the records and the desk's own Message-IDs, then the desk's marker
    /// in its text, then a `[#number]` in its subject.
    func thread(of message: MailMessage) async throws(HelpDeskError) -> (Ticket, EmailThreadMatch)? {
        let settings = configuration.email
        let records = try feature((any EmailRepository).self)
        var seen = Set<String>()
        for id in message.inReplyTo + message.references.reversed() where seen.insert(id).inserted {
            if let ticketID = EmailThreadKeys.ticket(inMessageID: id, domain: settings.messageIDDomain),
                let ticket = try await storage({ try await store.ticket(ticketID) })
            {
                return (ticket, .messageID)
            }
            if let ticketID = try await storage({ try await records.emailRecord(messageKey: id) })?.outcome.ticketID,
                let ticket = try await storage({ try await store.ticket(ticketID) })
            {
                return (ticket, .messageID)
            }
        }
        for ticketID in EmailThreadKeys.markedTickets(in: message.text).prefix(8) {
            if let ticket = try await storage({ try await store.ticket(ticketID) }) { return (ticket, .marker) }
        }
        for value in EmailThreadKeys.subjectNumbers(in: message.subject).prefix(8) {
            if let ticket = try await storage({ try await store.ticket(number: TicketNumber(value)) }) {
                return (ticket, .subjectNumber)
            }
        }
        return nil
    }

    /// `true` when `sender` (canonical address) takes part in `ticket`: its requester, a contact
    /// copied on it, its assignee or a watcher, or the sender of mail already on it.
    func takesPart(_ sender: String, in ticket: Ticket) async throws(HelpDeskError) -> Bool {
        guard !sender.isEmpty else { return false }
        let settings = configuration.email
        var contacts = ticket.ccContactIDs
        switch ticket.requester {
        case .contact(let id): contacts.append(id)
        case .freeText(let text):
            if let address = Self.address(inFreeText: text), settings.canonical(address) == sender { return true }
        }
        for id in contacts {
            if let email = try await storage({ try await companyStore.contact(id) })?.email,
                settings.canonical(email) == sender
            {
                return true
            }
        }
        for id in [ticket.assigneeID].compactMap({ $0 }) + ticket.watcherIDs {
            if let employee = try await storage({ try await store.employee(id) }),
                settings.canonical(employee.email) == sender
            {
                return true
            }
        }
        let records = try feature((any EmailRepository).self)
        return try await storage({ try await records.emailRecords(ofTicket: ticket.id) }).contains {
            $0.sender == sender && !$0.outcome.isQuarantined
        }
    }

    /// The address in a free-text requester written `Name <address>`, or the whole text when it is an address.
    static func address(inFreeText text: String) -> String? {
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            let inside = text[text.index(after: open)..<close]
            return inside.contains("@") ? String(inside) : nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.contains("@") && !trimmed.contains(" ") ? trimmed : nil
    }
}
