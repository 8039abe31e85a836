import Foundation

/// Whether the client sees a comment.
public enum CommentVisibility: String, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Seen by the client (a reply).
    case `public`
    /// Seen by staff only (an internal note).
    case `internal`

    public var description: String { rawValue }
}

/// A comment on a ticket: a public reply or an internal note.
public struct Comment: Identifiable, Hashable, Sendable, Codable {
    /// The comment's identifier.
    public let id: CommentID
    /// The ticket the comment belongs to.
    public let ticketID: TicketID
    /// Who wrote it.
    public let author: Performer
    /// The text.
    public let body: String
    /// Public reply or internal note.
    public let visibility: CommentVisibility
    /// Files attached to the comment.
    public let attachments: [Attachment]
    /// When it was written.
    public let createdAt: Date
    /// The ticket the comment was first written on, when it arrived by a merge.
    public let mergedFrom: TicketID?

    /// Creates a comment value.
    public init(
        id: CommentID, ticketID: TicketID, author: Performer, body: String,
        visibility: CommentVisibility, attachments: [Attachment] = [], createdAt: Date,
        mergedFrom: TicketID? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.author = author
        self.body = body
        self.visibility = visibility
        self.attachments = attachments
        self.createdAt = createdAt
        self.mergedFrom = mergedFrom
    }
}
