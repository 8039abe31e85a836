import Mail

/// What happens to mail from an address that is no contact's and no employee's.
public enum UnknownSenderPolicy: Hashable, Sendable, Codable {
    /// The ticket's requester is free text: the sender's name and address (the default).
    case freeTextRequester
    /// A new contact of `company` (the desk's "unknown senders" client) is registered and files the ticket.
    case newContact(in: CompanyID)
    /// The message is refused (recorded, raw kept, nothing else).
    case reject
}

/// What happens when mail names a ticket (by marker or subject number, or answers its mail) but its
/// sender takes no part in it — anyone can type `[#1042]` into a subject (zammad#5064).
public enum StrangerReplyPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    /// The message opens a ticket of its own (the default).
    case newTicket
    /// The message waits in the quarantine for a person to decide.
    case quarantine
}

/// How the desk reads and writes mail.
public struct EmailSettings: Hashable, Sendable {
    /// The desk's address and name: the `From` of its mail.
    public var deskAddress: MailAddress
    /// The domain of the desk's own Message-IDs (`ticket.…@domain`); mail carrying one is the desk's own.
    public var messageIDDomain: String
    /// Further addresses of the desk (aliases): mail from them is the desk's own, and they are never
    /// made viewers from `Cc`.
    public var aliases: [String]
    /// When `true` (the default), `ivan+printer@client.ru` is matched as `ivan@client.ru`.
    public var plusAddressing: Bool
    /// Unknown senders.
    public var unknownSenders: UnknownSenderPolicy
    /// Mail naming a ticket its sender takes no part in.
    public var strangerReplies: StrangerReplyPolicy
    /// When `true` (the default), active contacts of the ticket's company in `To`/`Cc` of a message
    /// that opens a ticket follow it (``Ticket/ccContactIDs``).
    public var copiedContactsFollow: Bool
    /// Bounds applied to every received message.
    public var limits: MailLimits

    /// Describes the settings.
    public init(
        deskAddress: MailAddress = MailAddress(name: "Service desk", address: "support@desk.example"),
        messageIDDomain: String = "desk.example", aliases: [String] = [], plusAddressing: Bool = true,
        unknownSenders: UnknownSenderPolicy = .freeTextRequester, strangerReplies: StrangerReplyPolicy = .newTicket,
        copiedContactsFollow: Bool = true, limits: MailLimits = MailLimits()
    ) {
        self.deskAddress = deskAddress
        self.messageIDDomain = messageIDDomain
        self.aliases = aliases
        self.plusAddressing = plusAddressing
        self.unknownSenders = unknownSenders
        self.strangerReplies = strangerReplies
        self.copiedContactsFollow = copiedContactsFollow
        self.limits = limits
    }

    /// Every address of the desk, lowercased.
    public var ownAddresses: Set<String> {
        Set(([deskAddress.address] + aliases).map { $0.lowercased() })
    }

    /// `address` lowercased, with a `+tag` removed from its local part when ``plusAddressing`` is on.
    public func canonical(_ address: String) -> String {
        let lowered = address.lowercased()
        guard plusAddressing, let at = lowered.lastIndex(of: "@"),
            let plus = lowered[..<at].firstIndex(of: "+"), plus != lowered.startIndex
        else { return lowered }
        return String(lowered[..<plus] + lowered[at...])
    }
}
