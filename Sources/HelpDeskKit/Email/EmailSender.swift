import Mail

/// Who wrote a message, as the desk knows them.
enum EmailSender: Hashable, Sendable {
    /// An active employee.
    case employee(Employee)
    /// A contact of a client company (active or not: an inactive one's mail is refused by #12's rules).
    case contact(Contact)
    /// Nobody the desk knows.
    case unknown(MailAddress)

    /// The performer a ticket or comment from this sender is written by.
    var performer: Performer {
        switch self {
        case .employee(let employee): .employee(employee.id)
        case .contact(let contact): .contact(contact.id)
        case .unknown(let address): .client(name: EmailSender.freeText(address))
        }
    }

    /// The requester of a ticket this sender opens.
    var requester: Requester {
        switch self {
        case .contact(let contact): .contact(contact.id)
        case .employee(let employee): .freeText(EmailSender.freeText(MailAddress(name: employee.name, address: employee.email)))
        case .unknown(let address): .freeText(EmailSender.freeText(address))
        }
    }

    /// The sender's display name, or the local part of the address when there is none; never blank.
    static func displayName(of address: MailAddress) -> String {
        let name = (address.name ?? "").filter { !$0.isNewline }.trimmingCharacters(in: .whitespaces)
        if !name.isEmpty { return String(name.prefix(200)) }
        let local = address.localPart.trimmingCharacters(in: .whitespaces)
        return local.isEmpty ? "unknown sender" : String(local.prefix(200))
    }

    /// `Name <address>`, or the address alone; never blank, at most 300 characters.
    static func freeText(_ address: MailAddress) -> String {
        let name = (address.name ?? "").filter { !$0.isNewline && $0 != "<" && $0 != ">" }
            .trimmingCharacters(in: .whitespaces)
        let mailbox = address.address.isEmpty ? "unknown sender" : address.address
        let text = name.isEmpty ? mailbox : "\(name) <\(mailbox)>"
        return String(text.prefix(300))
    }
}

extension HelpDesk {
    /// The employee or contact whose address is `address` (canonical first, then as written), or an unknown sender.
    func sender(_ address: MailAddress) async throws(HelpDeskError) -> EmailSender {
        let settings = configuration.email
        let written = address.normalized
        let canonical = settings.canonical(written)
        guard !written.isEmpty else { return .unknown(address) }
        for candidate in canonical == written ? [written] : [canonical, written] {
            if let contact = try await storage({ try await companyStore.contact(email: candidate) }) {
                return .contact(contact)
            }
        }
        let employees = try await storage { try await store.employees() }
        if let employee = employees.first(where: {
            $0.isActive && ($0.email.lowercased() == written || settings.canonical($0.email) == canonical)
        }) {
            return .employee(employee)
        }
        return .unknown(address)
    }
}
