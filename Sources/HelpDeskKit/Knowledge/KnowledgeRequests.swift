import Foundation

/// The knowledge base's limits (``HelpDeskConfiguration/knowledge``).
public struct KnowledgeSettings: Hashable, Sendable {
    /// The deepest a section may sit: a top-level section is at depth 1.
    public var maximumSectionDepth = 8
    /// The most tags an article may carry.
    public var maximumTags = 32
    /// The longest a tag may be, in characters.
    public var maximumTagLength = 64
    /// The most files an article may carry.
    public var maximumAttachments = 64
    /// The most records an article may link.
    public var maximumLinks = 64
    /// The most articles one comment may cite.
    public var maximumCitations = 16
    /// The longest review interval, in days.
    public var maximumReviewIntervalDays = 3_650
    /// The most articles one `tick` marks as due for review; the rest wait for the next tick.
    public var reviewMarksPerTick = 200

    /// The default limits.
    public init() {}
}

/// What a section is: its title, place in the tree, audience and review interval.
public struct KnowledgeSectionDefinition: Hashable, Sendable, Codable {
    /// The title; not blank.
    public var title: String
    /// The parent section; `nil` for a top-level section.
    public var parentID: KnowledgeSectionID?
    /// The order among its siblings.
    public var position: Int
    /// Who it is for; a child's audience must be its parent's or narrower, and it never changes.
    public var audience: KnowledgeAudience
    /// The review interval in days its articles inherit (1 ... the configured maximum), or `nil`.
    public var reviewIntervalDays: Int?

    /// Describes a section.
    public init(
        title: String, parentID: KnowledgeSectionID? = nil, position: Int = 0, audience: KnowledgeAudience = .desk,
        reviewIntervalDays: Int? = nil
    ) {
        self.title = title
        self.parentID = parentID
        self.position = position
        self.audience = audience
        self.reviewIntervalDays = reviewIntervalDays
    }
}

/// Where an article is filed and what keeps it fresh: its section, own review interval and links.
public struct KnowledgeArticleSettings: Hashable, Sendable, Codable {
    /// The section it is filed in.
    public var sectionID: KnowledgeSectionID
    /// Its own review interval in days (1 ... the configured maximum); `nil` inherits the section's.
    public var reviewIntervalDays: Int?
    /// Records it is about: an edit of one marks the article as needing review.
    public var links: [KnowledgeLink]

    /// Describes the settings.
    public init(sectionID: KnowledgeSectionID, reviewIntervalDays: Int? = nil, links: [KnowledgeLink] = []) {
        self.sectionID = sectionID
        self.reviewIntervalDays = reviewIntervalDays
        self.links = links
    }
}

/// An article's visibility timestamps (see ``KnowledgeVisibility``); future instants schedule.
public struct KnowledgeSchedule: Hashable, Sendable, Codable {
    /// From when staff may read it.
    public var internalAt: Date?
    /// From when it is public.
    public var publishedAt: Date?
    /// From when it is archived.
    public var archivedAt: Date?

    /// Describes a schedule; all `nil` is a draft.
    public init(internalAt: Date? = nil, publishedAt: Date? = nil, archivedAt: Date? = nil) {
        self.internalAt = internalAt
        self.publishedAt = publishedAt
        self.archivedAt = archivedAt
    }

    /// A draft: no timestamps.
    public static let draft = KnowledgeSchedule()
}

/// A new article: its content, settings and visibility schedule.
public struct NewKnowledgeArticle: Hashable, Sendable, Codable {
    /// The first version's content.
    public var content: KnowledgeContent
    /// Its section, own review interval and links.
    public var settings: KnowledgeArticleSettings
    /// Its visibility timestamps.
    public var schedule: KnowledgeSchedule

    /// Describes a new article.
    public init(content: KnowledgeContent, settings: KnowledgeArticleSettings, schedule: KnowledgeSchedule = .draft) {
        self.content = content
        self.settings = settings
        self.schedule = schedule
    }
}

/// A ticket's citation as a reader sees it: the article's title only when the reader may read it.
public struct KnowledgeCitationView: Hashable, Sendable {
    /// The citation.
    public var citation: KnowledgeCitation
    /// The article's current title.
    public var title: String

    /// Describes a view.
    public init(citation: KnowledgeCitation, title: String) {
        self.citation = citation
        self.title = title
    }
}

/// One line of the stale report: an article that needs review and is overdue.
public struct StaleKnowledgeArticle: Hashable, Sendable {
    /// The article.
    public var article: KnowledgeArticle
    /// Why it needs review.
    public var reason: KnowledgeReviewReason
    /// Whole days since it was due (or since it was marked, for a linked-record change); at least 0.
    public var daysOverdue: Int
    /// Distinct tickets that cited it in the report's period.
    public var citingTickets: Int

    /// Describes a line.
    public init(article: KnowledgeArticle, reason: KnowledgeReviewReason, daysOverdue: Int, citingTickets: Int) {
        self.article = article
        self.reason = reason
        self.daysOverdue = daysOverdue
        self.citingTickets = citingTickets
    }
}

/// One line of the citation report: an article and the tickets that cited it in a period.
public struct KnowledgeCitationSummary: Hashable, Sendable {
    /// The article.
    public var articleID: KnowledgeArticleID
    /// Its current title.
    public var title: String
    /// The tickets that cited it, by number.
    public var tickets: [TicketNumber]
    /// How many citations (a ticket may cite it more than once).
    public var citations: Int

    /// Describes a line.
    public init(articleID: KnowledgeArticleID, title: String, tickets: [TicketNumber], citations: Int) {
        self.articleID = articleID
        self.title = title
        self.tickets = tickets
        self.citations = citations
    }
}
