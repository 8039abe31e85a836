import Foundation

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
/// Rules, strongest first: our own mail, a delivery failure, an absence notice, another automatic
/// reply, a list, else a person.
public enum MailClassifier {
    /// Classifies `message`; `ownDomains` are the domains of the desk's own Message-IDs.
    public static func classify(_ message: MailMessage, ownDomains: [String] = []) -> MailClassification {
        let own = ownMailEvidence(message, ownDomains: ownDomains)
        if !own.isEmpty { return MailClassification(kind: .ownMail, reasons: own) }
        if let bounce = DeliveryReport.bounce(message) { return bounce }
        let robot = RobotSignals.automaticEvidence(message.headers)
        let absence = RobotSignals.absenceEvidence(message, hasRobotHeader: !robot.isEmpty)
        if !absence.isEmpty { return MailClassification(kind: .outOfOffice, reasons: robot + absence) }
        if !robot.isEmpty { return MailClassification(kind: .autoReply, reasons: robot) }
        let list = RobotSignals.listEvidence(message.headers)
        if !list.isEmpty { return MailClassification(kind: .list, reasons: list) }
        return MailClassification(kind: .personal)
    }

    /// The message's own Message-ID in one of `ownDomains`, or an `X-HelpDesk-…` marker header
    /// (which only the desk writes; a person's client does not copy it into a reply).
    static func ownMailEvidence(_ message: MailMessage, ownDomains: [String]) -> [String] {
        var reasons: [String] = []
        if let id = message.messageID, let at = id.lastIndex(of: "@") {
            let domain = id[id.index(after: at)...].lowercased()
            let own = ownDomains.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
            if !domain.isEmpty && own.contains(domain) { reasons.append("Message-ID domain \(domain)") }
        }
        for field in message.headers where field.name.lowercased().hasPrefix("x-helpdesk-") {
            reasons.append("\(field.name) header")
            break
        }
        return reasons
    }
}
