/// What kind of sender wrote a message: a person, or a robot the desk must not answer.
public struct MailClassification: Hashable, Sendable {
    /// The kind of message.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A person wrote it.
        case personal
        /// An automatic reply (`Auto-Submitted: auto-replied`, `X-Autoreply`, …) that is not an absence notice.
        case autoReply
        /// An out-of-office (vacation) notice.
        case outOfOffice
        /// A delivery failure report (DSN `multipart/report`, a bounce from the mailer daemon).
        case bounce
        /// Mail from a mailing list or a bulk sender (`List-Id`, `Precedence: bulk|list|junk`).
        case list
        /// Mail that came back from this desk itself (our own Message-ID domain).
        case ownMail
    }

    /// The kind.
    public var kind: Kind
    /// For a bounce: the addresses that failed (lowercased), from the delivery-status report.
    public var failedRecipients: [String]
    /// The evidence, e.g. `Auto-Submitted: auto-replied`, for logs and tests.
    public var reasons: [String]

    /// Describes a classification.
    public init(kind: Kind, failedRecipients: [String] = [], reasons: [String] = []) {
        self.kind = kind
        self.failedRecipients = failedRecipients
        self.reasons = reasons
    }

    /// `true` when a robot wrote it: the desk sends no automatic reply to it.
    public var isAutomatic: Bool { kind != .personal }
}

/// Tells a person's mail from robots' (auto-replies, absence notices, bounces, lists, our own mail).
public enum MailClassifier {
    /// Classifies `message`; `ownDomains` are the domains of the desk's own Message-IDs.
    public static func classify(_ message: MailMessage, ownDomains: [String] = []) -> MailClassification {
        // Placeholder until the classifier lands.
        MailClassification(kind: .personal)
    }
}
