import Foundation

/// The input of ``HelpDesk/searchKnowledge(_:as:)``: what the reader typed and which page to show.
public struct KnowledgeSearchRequest: Hashable, Sendable, Encodable {
    /// The most characters a query may have.
    public static let maximumLength = 1_000
    /// The most hits one page may ask for.
    public static let maximumLimit = 100
    /// The deepest a page may start.
    public static let maximumOffset = 10_000

    /// The words to look for: every one must occur in the article's title, tags or body.
    public var text: String
    /// `true` while the reader is still typing: the last word is a prefix ("принт" finds "принтер").
    public var asYouType: Bool
    /// The most hits to return, 1 to ``maximumLimit``.
    public var limit: Int
    /// How many of the best hits to skip, 0 to ``maximumOffset``.
    public var offset: Int

    /// Describes a search.
    public init(_ text: String, asYouType: Bool = false, limit: Int = 10, offset: Int = 0) {
        self.text = text
        self.asYouType = asYouType
        self.limit = limit
        self.offset = offset
    }
}

/// One article a search found, as its reader may see it.
public struct KnowledgeSearchHit: Hashable, Sendable {
    /// The article.
    public var articleID: KnowledgeArticleID
    /// Its title.
    public var title: String
    /// The section it is filed in.
    public var sectionID: KnowledgeSectionID
    /// The section's title.
    public var sectionTitle: String
    /// Its tags.
    public var tags: [String]
    /// The start of its text (up to 200 characters, whitespace collapsed) for a result list.
    public var excerpt: String
    /// Its visibility when searched (always `public` for a client).
    public var visibility: KnowledgeVisibility
    /// Its BM25F relevance: higher is better; comparable only within one search.
    public var score: Double
}

/// A page of ranked articles and how many the reader may see match in all.
public struct KnowledgeSearchResults: Hashable, Sendable {
    /// The hits on this page, most relevant first.
    public var hits: [KnowledgeSearchHit]
    /// How many articles the reader may read match the search (never counting others).
    public var total: Int
}
