import Foundation

/// Why a notice was sent.
public enum NoticePurpose: String, CaseIterable, Hashable, Sendable, Codable {
    /// The client's request is registered (email or portal intake).
    case receipt
    /// The client is told the ticket's status changed.
    case statusChange
    /// Nobody has answered the client yet; the rule says so (``RuleAction/autoReply(_:)``).
    case autoReply
    /// An SLA escalation level reached someone (``RuleAction/escalate(to:_:)``).
    case escalation
    /// A rule's ``RuleAction/notify(_:to:)``.
    case rule
    /// Management is told of a low rating.
    case lowRating
    /// The client is told when an engineer comes, of a new time, or that the visit is called off.
    case visit
}

/// Whom a notice was written for: a client reads only what clients may see.
public enum NoticeReader: String, CaseIterable, Hashable, Sendable, Codable {
    /// The requester or a contact copied on the ticket.
    case client
    /// Employees.
    case staff
}

/// A message rendered from a template when it was decided, waiting in the outbox for the host to
/// deliver (``DomainEvent/noticeSent(ticket:number:notice:)``; the event's audience says to whom).
///
/// A client notice is rendered from client-visible data only and once per client, so it can greet
/// them by name. Automatic notices (``isAutomatic``) must be marked as such by the channel, e.g.
/// `Auto-Submitted: auto-replied` on email, so that other robots do not answer them.
public struct Notice: Hashable, Sendable, Codable {
    /// Why it was sent.
    public var purpose: NoticePurpose
    /// Whom it was written for.
    public var reader: NoticeReader
    /// The one-line subject.
    public var subject: String
    /// The text, values inserted as they are (email text part, SMS, messengers).
    public var text: String
    /// The text with values HTML-escaped (portal, email HTML part); the template's own text is kept.
    public var html: String
    /// `true` when a robot sent it, not a person (every notice the desk renders today).
    public var isAutomatic: Bool

    /// Describes a rendered notice.
    public init(
        purpose: NoticePurpose, reader: NoticeReader, subject: String, text: String, html: String,
        isAutomatic: Bool = true
    ) {
        self.purpose = purpose
        self.reader = reader
        self.subject = subject
        self.text = text
        self.html = html
        self.isAutomatic = isAutomatic
    }
}
