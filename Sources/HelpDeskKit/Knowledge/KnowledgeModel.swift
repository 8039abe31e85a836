import Foundation

/// Identifies a section of the knowledge base.
public typealias KnowledgeSectionID = Identifier<KnowledgeSection>
/// Identifies a knowledge-base article.
public typealias KnowledgeArticleID = Identifier<KnowledgeArticle>
/// Identifies one citation of an article in a ticket's comment.
public typealias KnowledgeCitationID = Identifier<KnowledgeCitation>

/// Who a section is written for: the whole desk, or one client (a company, optionally one of its
/// locations or one asset there).
public enum KnowledgeAudience: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Everyone the article's visibility allows: staff, and clients for public articles.
    case desk
    /// One client's own section (network diagram, configuration, floor plan).
    case client(KnowledgeClientScope)

    /// The audience as it stays for a section's life: an asset section's location follows the
    /// asset when it moves, so it is left out; everything else is kept.
    public var identity: KnowledgeAudience {
        guard case .client(var scope) = self, scope.assetID != nil else { return self }
        scope.locationID = nil
        return .client(scope)
    }

    /// The client company, for a client's section.
    public var companyID: CompanyID? {
        if case .client(let scope) = self { scope.companyID } else { nil }
    }

    public var description: String {
        switch self {
        case .desk: "desk"
        case .client(let scope): "client \(scope)"
        }
    }
}

/// The client a section belongs to: a company, optionally narrowed to a location or an asset.
public struct KnowledgeClientScope: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The company.
    public var companyID: CompanyID
    /// The location (for an asset section: the asset's location when the section was defined).
    public var locationID: LocationID?
    /// The asset the section is about, if any.
    public var assetID: AssetID?

    /// Describes a client scope.
    public init(companyID: CompanyID, locationID: LocationID? = nil, assetID: AssetID? = nil) {
        self.companyID = companyID
        self.locationID = locationID
        self.assetID = assetID
    }

    /// `true` when `other` is this scope or narrower (a location or asset of it).
    public func encloses(_ other: KnowledgeClientScope) -> Bool {
        guard other.companyID == companyID else { return false }
        if let locationID, other.locationID != locationID { return false }
        if let assetID, other.assetID != assetID { return false }
        return true
    }

    public var description: String {
        "\(companyID)" + (locationID.map { " at \($0)" } ?? "") + (assetID.map { " asset \($0)" } ?? "")
    }
}

/// A section of the knowledge base: a node of the section tree.
public struct KnowledgeSection: Identifiable, Hashable, Sendable, Codable {
    /// The identifier.
    public let id: KnowledgeSectionID
    /// The title.
    public var title: String
    /// The parent section; `nil` for a top-level section.
    public var parentID: KnowledgeSectionID?
    /// The order among its siblings (smaller first, then identifier).
    public var position: Int
    /// Who the section is for; fixed when it is defined (``KnowledgeAudience/identity``), except that
    /// an asset section's location follows the asset. A child's audience is its parent's or narrower.
    public var audience: KnowledgeAudience
    /// The review interval in days its articles inherit (`nil`: none).
    public var reviewIntervalDays: Int?
    /// Raised by every change; the store writes a section only at the revision it was read at.
    public var revision: Int
    /// When it was defined.
    public let createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Describes a section.
    public init(
        id: KnowledgeSectionID, title: String, parentID: KnowledgeSectionID? = nil, position: Int = 0,
        audience: KnowledgeAudience = .desk, reviewIntervalDays: Int? = nil, revision: Int = 1, createdAt: Date,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.parentID = parentID
        self.position = position
        self.audience = audience
        self.reviewIntervalDays = reviewIntervalDays
        self.revision = revision
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// How an article's body is written.
public enum KnowledgeBodyFormat: String, CaseIterable, Hashable, Sendable, Codable {
    /// Markdown.
    case markdown
    /// Plain text.
    case plainText
}

/// A record an article is about: an edit of it marks the article as needing review.
public enum KnowledgeLink: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A client company.
    case company(CompanyID)
    /// A company's location.
    case location(LocationID)
    /// An installed asset.
    case asset(AssetID)
    /// A service category.
    case category(CategoryID)

    /// A stable text key (`kind:identifier`), for stores that index links.
    public var key: String {
        switch self {
        case .company(let id): "company:\(id)"
        case .location(let id): "location:\(id)"
        case .asset(let id): "asset:\(id)"
        case .category(let id): "category:\(id)"
        }
    }

    public var description: String { key }
}

/// The content of an article that versions keep: every change of it is a new version.
public struct KnowledgeContent: Hashable, Sendable, Codable {
    /// The title.
    public var title: String
    /// The body text.
    public var body: String
    /// How the body is written.
    public var format: KnowledgeBodyFormat
    /// Tags, trimmed, without duplicates (ignoring case), in the order given.
    public var tags: [String]
    /// Attached files (metadata only).
    public var attachments: [Attachment]

    /// Describes article content.
    public init(
        title: String, body: String, format: KnowledgeBodyFormat = .markdown, tags: [String] = [],
        attachments: [Attachment] = []
    ) {
        self.title = title
        self.body = body
        self.format = format
        self.tags = tags
        self.attachments = attachments
    }
}

/// Why an article needs review.
public enum KnowledgeReviewReason: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Its review date passed (set by `tick`).
    case due
    /// A record it links changed.
    case linkedRecordChanged(KnowledgeLink)

    public var description: String {
        switch self {
        case .due: "review due"
        case .linkedRecordChanged(let link): "\(link) changed"
        }
    }
}

/// The mark of an article that needs review: why, and since when.
public struct KnowledgeReviewMark: Hashable, Sendable, Codable {
    /// Why.
    public var reason: KnowledgeReviewReason
    /// When the article was marked.
    public var markedAt: Date

    /// Describes a mark.
    public init(reason: KnowledgeReviewReason, markedAt: Date) {
        self.reason = reason
        self.markedAt = markedAt
    }
}
