import Foundation
import Mail

/// The identifier of a received message's record.
public typealias EmailRecordID = Identifier<EmailRecord>

/// What the desk did with a received message.
public enum EmailOutcome: Hashable, Sendable, Codable {
    /// It opened a ticket.
    case createdTicket(TicketID)
    /// It became a comment on a ticket.
    case appended(TicketID, CommentID)
    /// It is held for a person to decide: it named a ticket (`candidate`) its sender does not take
    /// part in (``EmailSettings/strangerReplies``).
    case quarantined(candidate: TicketID?)
    /// A robot wrote it (out-of-office, bounce, our own mail) and it changed nothing; `ticket` is the
    /// ticket it answered, when it threaded into one.
    case ignored(ticket: TicketID?)
    /// It was refused: an unknown sender under ``UnknownSenderPolicy/reject``, or a sender who may not
    /// file or comment (the reason says which). The raw message is kept all the same.
    case refused(reason: String)
    /// A person discarded it from the quarantine.
    case discarded

    /// The ticket the message became part of, if any.
    public var ticketID: TicketID? {
        switch self {
        case .createdTicket(let id), .appended(let id, _): id
        case .quarantined(let candidate): candidate
        case .ignored(let ticket): ticket
        case .refused, .discarded: nil
        }
    }

    /// `true` while the message waits in the quarantine.
    public var isQuarantined: Bool {
        if case .quarantined = self { true } else { false }
    }
}

/// How a message was matched to a ticket.
public enum EmailThreadMatch: String, Hashable, Sendable, Codable, CaseIterable {
    /// Nothing matched: a new conversation.
    case none
    /// `In-Reply-To` or `References` named a message the desk has seen or sent.
    case messageID
    /// The desk's marker in its own earlier mail (`ref:` line) was quoted back.
    case marker
    /// The ticket number in the subject (`[#1042]`).
    case subjectNumber
}

/// A message the desk received: what it was, where it went, and where its raw bytes are.
///
/// Records are the desk's Message-ID index (threading and duplicates) and its mail log; the raw
/// message is always kept in the store's ``BlobStore`` under ``rawChecksum``.
public struct EmailRecord: Identifiable, Hashable, Sendable, Codable {
    /// The record's identifier.
    public let id: EmailRecordID
    /// The message's key: its Message-ID, or `sha256:<raw digest>` when it has none. Unique.
    public var messageKey: String
    /// The sender's address, lowercased (empty when the message names none).
    public var sender: String
    /// The subject, decoded.
    public var subject: String
    /// When the desk received it (the engine clock).
    public var receivedAt: Date
    /// The raw message's blob (`sha256:<hex>`).
    public var rawChecksum: String
    /// The raw message's size in bytes.
    public var byteCount: Int
    /// Who wrote it: a person or which kind of robot.
    public var kind: MailClassification.Kind
    /// How it was matched to a ticket.
    public var match: EmailThreadMatch
    /// What the desk did with it.
    public var outcome: EmailOutcome
    /// The kinds of problem the parser worked around, sorted, without repeats.
    public var problems: [MailProblem.Kind]
    /// Bumped by every change (a quarantine decision); 1 when stored.
    public var revision: Int

    /// Describes a record.
    public init(
        id: EmailRecordID, messageKey: String, sender: String, subject: String, receivedAt: Date, rawChecksum: String,
        byteCount: Int, kind: MailClassification.Kind, match: EmailThreadMatch, outcome: EmailOutcome,
        problems: [MailProblem.Kind], revision: Int = 1
    ) {
        self.id = id
        self.messageKey = messageKey
        self.sender = sender
        self.subject = subject
        self.receivedAt = receivedAt
        self.rawChecksum = rawChecksum
        self.byteCount = byteCount
        self.kind = kind
        self.match = match
        self.outcome = outcome
        self.problems = problems
        self.revision = revision
    }
}

/// An address mail to which came back undelivered: the desk should stop writing to it until it
/// works again (a later message from the address clears the mark).
public struct BouncedAddress: Hashable, Sendable, Codable {
    /// The address, lowercased.
    public var address: String
    /// The first bounce of the current run.
    public var firstBounceAt: Date
    /// The latest bounce.
    public var lastBounceAt: Date
    /// Bounces since the mark was set.
    public var count: Int
    /// The record of the latest bounce.
    public var lastRecordID: EmailRecordID
    /// `false` once a message from the address arrived after the bounce.
    public var isActive: Bool
    /// Bumped by every change; 1 when stored.
    public var revision: Int

    /// Describes a bounce mark.
    public init(
        address: String, firstBounceAt: Date, lastBounceAt: Date, count: Int, lastRecordID: EmailRecordID,
        isActive: Bool = true, revision: Int = 1
    ) {
        self.address = address
        self.firstBounceAt = firstBounceAt
        self.lastBounceAt = lastBounceAt
        self.count = count
        self.lastRecordID = lastRecordID
        self.isActive = isActive
        self.revision = revision
    }
}
