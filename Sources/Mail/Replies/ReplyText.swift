/// A reply's text split into what the writer wrote, the quoted earlier mail and the signature.
public struct ReplyText: Hashable, Sendable {
    /// What the writer wrote, without the quote and the signature, trimmed.
    public var reply: String
    /// The quoted earlier mail (from its header line, e.g. «пишет:», on), or `nil`.
    public var quote: String?
    /// The signature (after `-- `, «С уважением», "Sent from my iPhone", …), or `nil`.
    public var signature: String?

    /// Describes a split text.
    public init(reply: String, quote: String? = nil, signature: String? = nil) {
        self.reply = reply
        self.quote = quote
        self.signature = signature
    }

    /// Splits `text`, a message's text body (Gmail, Outlook, Apple Mail, Yandex, Mail.ru and
    /// Thunderbird quoting in Russian and English).
    public static func split(_ text: String) -> ReplyText {
        // Placeholder until the splitter lands.
        ReplyText(reply: text)
    }
}
