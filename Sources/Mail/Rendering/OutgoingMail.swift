import Foundation

/// A message the desk sends, before rendering (``MailRenderer``): the host hands the rendered
/// bytes to SMTP.
public struct OutgoingMail: Hashable, Sendable {
    /// The author (the desk's address and name).
    public var from: MailAddress
    /// The recipients.
    public var to: [MailAddress]
    /// Copied recipients.
    public var cc: [MailAddress]
    /// Where replies go, when not to ``from``.
    public var replyTo: MailAddress?
    /// The subject, any text (encoded-words are written when it is not plain ASCII).
    public var subject: String
    /// The plain-text body.
    public var text: String
    /// The HTML body; `nil` sends text only.
    public var html: String?
    /// The message's own identifier, without angle brackets (`ticket.42.event.9@desk.example`).
    public var messageID: String
    /// The message this one answers, without angle brackets.
    public var inReplyTo: String?
    /// The thread's earlier identifiers, oldest first, without angle brackets.
    public var references: [String]
    /// When it was written.
    public var date: Date
    /// `true` for mail a robot sends: stamped `Auto-Submitted: auto-replied` and
    /// `X-Auto-Response-Suppress: All` so other robots do not answer it.
    public var isAutomatic: Bool
    /// Further header fields, e.g. the desk's ticket marker (`X-HelpDesk-Ticket`), in order.
    public var extraHeaders: [MailHeader]
    /// Files to attach.
    public var attachments: [MailAttachment]

    /// Describes an outgoing message.
    public init(
        from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], replyTo: MailAddress? = nil, subject: String,
        text: String, html: String? = nil, messageID: String, inReplyTo: String? = nil, references: [String] = [],
        date: Date, isAutomatic: Bool, extraHeaders: [MailHeader] = [], attachments: [MailAttachment] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.isAutomatic = isAutomatic
        self.extraHeaders = extraHeaders
        self.attachments = attachments
    }
}

/// Writes ``OutgoingMail`` as RFC 5322 bytes: CRLF line ends, lines within 78 characters where the
/// content allows, deterministic boundaries (derived from the Message-ID), so the same mail renders
/// to the same bytes.
public enum MailRenderer {
    /// The message as bytes ready for SMTP.
    public static func render(_ mail: OutgoingMail) -> [UInt8] {
        // Placeholder until the renderer lands.
        Array("Subject: \(mail.subject)\r\n\r\n\(mail.text)".utf8)
    }
}
