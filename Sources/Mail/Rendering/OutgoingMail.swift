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
/// to the same bytes. No value can inject a header: control characters in names, addresses and
/// texts become spaces or are dropped, and non-ASCII text is written as encoded-words.
public enum MailRenderer {
    /// Header fields the renderer writes itself; an extra header with one of these names is dropped
    /// (as is `Bcc`, which must not travel with the message, and any `Content-*`).
    public static let reservedHeaderNames: Set<String> = [
        "date", "from", "sender", "to", "cc", "bcc", "reply-to", "subject", "message-id", "in-reply-to",
        "references", "mime-version", "auto-submitted", "x-auto-response-suppress", "return-path",
    ]

    /// The message as bytes ready for SMTP.
    public static func render(_ mail: OutgoingMail) -> [UInt8] {
        var out = headers(mail)
        let entity = body(mail)
        out += entity.fields + MailEncoders.crlf + entity.body
        if !entity.body.isEmpty && entity.body.suffix(2) != [13, 10] {
            // Quoted-printable ends on a soft break so the text gains no line end; 7bit cannot.
            if entity.fields.starts(with: Array("Content-Type: text/".utf8))
                && MimeWriter.contains(entity.fields, Array("quoted-printable".utf8))
            {
                out.append(61)
            }
            out += MailEncoders.crlf
        }
        return out
    }

    static func headers(_ mail: OutgoingMail) -> [UInt8] {
        var out = HeaderFields.plain("Date", MailDateFormat.string(mail.date))
        out += HeaderFields.addresses("From", [mail.from], emptyGroup: "<>") ?? []
        out += HeaderFields.addresses("To", mail.to, emptyGroup: "undisclosed-recipients:;") ?? []
        out += HeaderFields.addresses("Cc", mail.cc) ?? []
        if let replyTo = mail.replyTo { out += HeaderFields.addresses("Reply-To", [replyTo]) ?? [] }
        out += HeaderFields.unstructured("Subject", mail.subject)
        out += HeaderFields.identifiers("Message-ID", [mail.messageID]) ?? []
        out += HeaderFields.identifiers("In-Reply-To", mail.inReplyTo.map { [$0] } ?? []) ?? []
        out += HeaderFields.identifiers("References", mail.references) ?? []
        out += HeaderFields.plain("MIME-Version", "1.0")
        if mail.isAutomatic {
            out += HeaderFields.plain("Auto-Submitted", "auto-replied")
            out += HeaderFields.plain("X-Auto-Response-Suppress", "All")
        }
        for header in mail.extraHeaders {
            guard let name = HeaderText.fieldName(header.name) else { continue }
            let lowered = name.lowercased()
            if reservedHeaderNames.contains(lowered) || lowered.hasPrefix("content-") { continue }
            out += HeaderFields.unstructured(name, header.value)
        }
        return out
    }

    static func body(_ mail: OutgoingMail) -> MimeEntity {
        let writer = MimeWriter(seed: mail.messageID)
        let text = writer.text(mail.text, subtype: "plain")
        var rest = mail.attachments
        var content = text
        if let html = mail.html {
            var shown = writer.text(html, subtype: "html")
            let inline = rest.filter { $0.isInline && $0.contentID != nil }
            if !inline.isEmpty {
                rest.removeAll { $0.isInline && $0.contentID != nil }
                shown = writer.multipart(
                    "related", [shown] + inline.map(writer.attachment), parameters: "type=\"text/html\"")
            }
            content = writer.multipart("alternative", [text, shown])
        }
        if rest.isEmpty { return content }
        return writer.multipart("mixed", [content] + rest.map(writer.attachment))
    }
}
