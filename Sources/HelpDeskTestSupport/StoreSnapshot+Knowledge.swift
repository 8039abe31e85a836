import Foundation
import HelpDeskKit

extension StoreSnapshot {
    /// Every knowledge record reachable through the knowledge repository, in the image's order
    /// (none on a store without it): articles paged by identifier, versions and citations by article.
    static func knowledgeImage(of store: any HelpDeskStore) async throws -> KnowledgeImage {
        guard let knowledge = try store.feature((any KnowledgeRepository).self) else { return KnowledgeImage() }
        var image = KnowledgeImage(sections: try await knowledge.knowledgeSections().sorted { $0.id < $1.id })
        var after: KnowledgeArticleID?
        while true {
            let page = try await knowledge.knowledgeArticles(after: after, limit: 50)
            image.articles += page
            guard let last = page.last, page.count == 50 else { break }
            after = last.id
        }
        for article in image.articles {
            image.versions += try await knowledge.knowledgeVersions(of: article.id)
            image.citations += try await knowledge.knowledgeCitations(of: article.id)
        }
        image.citations.sort { $0.id < $1.id }
        return image
    }
}
