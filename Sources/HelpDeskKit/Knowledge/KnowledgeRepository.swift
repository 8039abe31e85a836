import Foundation

/// Reads the knowledge base. Writes go through a ``UnitOfWork`` (``KnowledgeChanges``).
///
/// Sections are listed by parent, position, then identifier; articles by identifier; versions by
/// number; citations by ``KnowledgeCitation/areInIncreasingOrder(_:_:)``.
public protocol KnowledgeRepository: Sendable {
    /// The section with `id`, or `nil`.
    func knowledgeSection(_ id: KnowledgeSectionID) async throws -> KnowledgeSection?
    /// Every section.
    func knowledgeSections() async throws -> [KnowledgeSection]
    /// The article with `id`, or `nil`.
    func knowledgeArticle(_ id: KnowledgeArticleID) async throws -> KnowledgeArticle?
    /// Up to `limit` articles with identifiers after `after` (`nil`: from the first), by identifier:
    /// pages through every article (to build a search index).
    func knowledgeArticles(after: KnowledgeArticleID?, limit: Int) async throws -> [KnowledgeArticle]
    /// The articles filed in `section`.
    func knowledgeArticles(inSection section: KnowledgeSectionID) async throws -> [KnowledgeArticle]
    /// The articles linking `link`.
    func knowledgeArticles(linking link: KnowledgeLink) async throws -> [KnowledgeArticle]
    /// Up to `limit` articles without a review mark, not archived at `instant`, whose review is due
    /// by `instant`, by due instant then identifier.
    func knowledgeArticles(reviewDueBy instant: Date, limit: Int) async throws -> [KnowledgeArticle]
    /// Every article with a review mark.
    func knowledgeArticlesNeedingReview() async throws -> [KnowledgeArticle]
    /// The versions of `article`, oldest first.
    func knowledgeVersions(of article: KnowledgeArticleID) async throws -> [KnowledgeArticleVersion]
    /// The citations of `article`.
    func knowledgeCitations(of article: KnowledgeArticleID) async throws -> [KnowledgeCitation]
    /// The citations in comments of `ticket`.
    func knowledgeCitations(onTicket ticket: TicketID) async throws -> [KnowledgeCitation]
    /// The citations made in the half-open `period`.
    func knowledgeCitations(citedIn period: Range<Date>) async throws -> [KnowledgeCitation]
    /// A cheap token of the stored sections and articles: every committed unit that writes one
    /// changes it, whichever engine committed it (citations leave it). A stamp read before the
    /// articles is never newer than them; search caches its index under it.
    func knowledgeStamp() async throws -> KnowledgeStamp
}
