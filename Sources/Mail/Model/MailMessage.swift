import Foundation

/// A parsed message: the headers a help desk acts on, the text, the attachments and the problems
/// met on the way. Parsing never fails (``MailParser/parse(_:)``); what could not be read is listed
/// in ``problems`` and kept raw in ``root``.
public struct MailMessage: Hashable, Sendable {
    /// The MIME tree; its headers are the message's.
    public var root: MailPart
    /// The subject, decoded; empty when there is none.
    public var subject: String
    /// The authors (`From`); usually one.
    public var from: [MailAddress]
    /// `Sender`, when given.
    public var sender: MailAddress?
    /// `Reply-To`.
    public var replyTo: [MailAddress]
    /// `To` (groups flattened to their members).
    public var to: [MailAddress]
    /// `Cc`.
    public var cc: [MailAddress]
    /// `Date`, or `nil` when missing or unreadable.
    public var date: Date?
    /// `Message-ID` without angle brackets, or `nil`.
    public var messageID: String?
    /// `In-Reply-To` identifiers without angle brackets.
    public var inReplyTo: [String]
    /// `References` identifiers without angle brackets, oldest first.
    public var references: [String]
    /// `Return-Path` without angle brackets: `""` for the null path `<>` (bounces), `nil` when absent.
    public var returnPath: String?
    /// The text body: the first `text/plain` part meant for reading, or the HTML body turned into
    /// text (tags stripped, entities decoded, paragraphs and line breaks kept); empty when neither exists.
    public var text: String
    /// The HTML body as sent (charset-decoded), or `nil` when the message has none.
    public var html: String?
    /// Files that came with the message, inline images included, in order.
    public var attachments: [MailAttachment]
    /// What the parser worked around.
    public var problems: [MailProblem]
    /// The size of the message as received, in bytes.
    public var byteCount: Int

    /// Describes a parsed message.
    public init(
        root: MailPart = MailPart(), subject: String = "", from: [MailAddress] = [], sender: MailAddress? = nil,
        replyTo: [MailAddress] = [], to: [MailAddress] = [], cc: [MailAddress] = [], date: Date? = nil,
        messageID: String? = nil, inReplyTo: [String] = [], references: [String] = [], returnPath: String? = nil,
        text: String = "", html: String? = nil, attachments: [MailAttachment] = [], problems: [MailProblem] = [],
        byteCount: Int = 0
    ) {
        self.root = root
        self.subject = subject
        self.from = from
        self.sender = sender
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.returnPath = returnPath
        self.text = text
        self.html = html
        self.attachments = attachments
        self.problems = problems
        self.byteCount = byteCount
    }

    /// The message's header fields.
    public var headers: MailHeaders { root.headers }
}
