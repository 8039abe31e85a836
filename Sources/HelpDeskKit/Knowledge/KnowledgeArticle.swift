import Foundation

/// A knowledge-base article: its current content, visibility timestamps, review state and links.
///
/// Visibility follows Zammad's timestamps: ``visibility(at:)`` is `archived` from ``archivedAt``,
/// else `public` from ``publishedAt``, else `internal` from ``internalAt``, else `draft`. A future
/// timestamp schedules the change: it takes effect at that instant without a write.
public struct KnowledgeArticle: Identifiable, Hashable, Sendable, Codable {
    /// The identifier.
    public let id: KnowledgeArticleID
    /// The section it is filed in.
    public var sectionID: KnowledgeSectionID
    /// The current content (the latest version's).
    public var content: KnowledgeContent
    /// The employee who wrote it.
    public let authorID: EmployeeID
    /// When it was written.
    public let createdAt: Date
    /// When it last changed (content, visibility, links, review).
    public var updatedAt: Date
    /// Raised by every change; the store writes an article only at the revision it was read at.
    public var revision: Int
    /// The number of the latest version (the first is 1).
    public var version: Int
    /// From when staff may read it (`nil`: not scheduled).
    public var internalAt: Date?
    /// From when it is public (`nil`: not scheduled).
    public var publishedAt: Date?
    /// From when it is archived (`nil`: not scheduled).
    public var archivedAt: Date?
    /// Its own review interval in days; `nil` inherits the section's.
    public var reviewIntervalDays: Int?
    /// When it is next due for review (`nil`: no interval applies).
    public var reviewDueAt: Date?
    /// Set while it needs review.
    public var reviewMark: KnowledgeReviewMark?
    /// When an employee last verified it, and who.
    public var verifiedAt: Date?
    /// The employee who last verified it.
    public var verifiedBy: EmployeeID?
    /// Records it is about, sorted by key, without duplicates.
    public var links: [KnowledgeLink]

    /// Describes an article.
    public init(
        id: KnowledgeArticleID, sectionID: KnowledgeSectionID, content: KnowledgeContent, authorID: EmployeeID,
        createdAt: Date, updatedAt: Date? = nil, revision: Int = 1, version: Int = 1, internalAt: Date? = nil,
        publishedAt: Date? = nil, archivedAt: Date? = nil, reviewIntervalDays: Int? = nil, reviewDueAt: Date? = nil,
        reviewMark: KnowledgeReviewMark? = nil, verifiedAt: Date? = nil, verifiedBy: EmployeeID? = nil,
        links: [KnowledgeLink] = []
    ) {
        self.id = id
        self.sectionID = sectionID
        self.content = content
        self.authorID = authorID
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.revision = revision
        self.version = version
        self.internalAt = internalAt
        self.publishedAt = publishedAt
        self.archivedAt = archivedAt
        self.reviewIntervalDays = reviewIntervalDays
        self.reviewDueAt = reviewDueAt
        self.reviewMark = reviewMark
        self.verifiedAt = verifiedAt
        self.verifiedBy = verifiedBy
        self.links = links
    }

    /// The title (``KnowledgeContent/title``).
    public var title: String { content.title }

    /// The visibility in force at `instant`.
    public func visibility(at instant: Date) -> KnowledgeVisibility {
        KnowledgeVisibility(internalAt: internalAt, publishedAt: publishedAt, archivedAt: archivedAt, at: instant)
    }

    /// `true` while it needs review.
    public var needsReview: Bool { reviewMark != nil }
}

/// One version of an article's content: every content change appends one.
public struct KnowledgeArticleVersion: Hashable, Sendable, Codable {
    /// The article.
    public let articleID: KnowledgeArticleID
    /// The version number: 1 for the first, then one more for each change.
    public let number: Int
    /// The content of this version.
    public let content: KnowledgeContent
    /// The employee who wrote it.
    public let editorID: EmployeeID
    /// When.
    public let at: Date
    /// A note about the change, e.g. "restored version 2".
    public let note: String?

    /// Describes a version.
    public init(
        articleID: KnowledgeArticleID, number: Int, content: KnowledgeContent, editorID: EmployeeID, at: Date,
        note: String? = nil
    ) {
        self.articleID = articleID
        self.number = number
        self.content = content
        self.editorID = editorID
        self.at = at
        self.note = note
    }
}

/// An article cited in a ticket's comment.
public struct KnowledgeCitation: Identifiable, Hashable, Sendable, Codable {
    /// The identifier.
    public let id: KnowledgeCitationID
    /// The article cited.
    public let articleID: KnowledgeArticleID
    /// The ticket.
    public let ticketID: TicketID
    /// The ticket's number.
    public let ticketNumber: TicketNumber
    /// The comment that cites it.
    public let commentID: CommentID
    /// `true` for a public reply, `false` for an internal note.
    public let isPublic: Bool
    /// When the comment was written.
    public let citedAt: Date

    /// Describes a citation.
    public init(
        id: KnowledgeCitationID, articleID: KnowledgeArticleID, ticketID: TicketID, ticketNumber: TicketNumber,
        commentID: CommentID, isPublic: Bool, citedAt: Date
    ) {
        self.id = id
        self.articleID = articleID
        self.ticketID = ticketID
        self.ticketNumber = ticketNumber
        self.commentID = commentID
        self.isPublic = isPublic
        self.citedAt = citedAt
    }

    /// Orders by citation instant, then identifier.
    public static func areInIncreasingOrder(_ lhs: KnowledgeCitation, _ rhs: KnowledgeCitation) -> Bool {
        lhs.citedAt != rhs.citedAt ? lhs.citedAt < rhs.citedAt : lhs.id < rhs.id
    }
}

/// A token of a store's knowledge base (``KnowledgeRepository/knowledgeStamp()``): every committed
/// unit that writes a section or an article changes it. Compare it only with stamps of the same store.
public struct KnowledgeStamp: Hashable, Sendable {
    /// The adapter's counter of knowledge changes.
    public var rawValue: Int64

    /// Wraps an adapter's counter.
    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }
}
