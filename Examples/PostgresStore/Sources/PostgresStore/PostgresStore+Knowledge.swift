import Foundation
import HelpDeskKit
import PostgresNIO

extension PostgresStore: KnowledgeRepository {
    // MARK: Reads

    /// The section with `id`, or `nil`.
    public func knowledgeSection(_ id: KnowledgeSectionID) async throws -> KnowledgeSection? {
        try await record(KnowledgeSection.self, "SELECT body FROM knowledge_sections WHERE id = \(id.uuid)")
    }

    /// Every section, by parent, position, then identifier.
    public func knowledgeSections() async throws -> [KnowledgeSection] {
        try await records(KnowledgeSection.self, "SELECT body FROM knowledge_sections")
            .sorted(by: KnowledgeSection.areInIncreasingOrder)
    }

    /// The article with `id`, or `nil`.
    public func knowledgeArticle(_ id: KnowledgeArticleID) async throws -> KnowledgeArticle? {
        try await record(KnowledgeArticle.self, "SELECT body FROM knowledge_articles WHERE id = \(id.uuid)")
    }

    /// A page of articles by identifier.
    public func knowledgeArticles(after: KnowledgeArticleID?, limit: Int) async throws -> [KnowledgeArticle] {
        let limit = max(0, limit)
        let page: [KnowledgeArticle]
        if let after {
            page = try await records(
                KnowledgeArticle.self,
                "SELECT body FROM knowledge_articles WHERE id > \(after.uuid) ORDER BY id LIMIT \(limit)")
        } else {
            page = try await records(
                KnowledgeArticle.self, "SELECT body FROM knowledge_articles ORDER BY id LIMIT \(limit)")
        }
        return page.sorted { $0.id < $1.id }
    }

    /// The articles of `section`, by identifier.
    public func knowledgeArticles(inSection section: KnowledgeSectionID) async throws -> [KnowledgeArticle] {
        try await records(
            KnowledgeArticle.self, "SELECT body FROM knowledge_articles WHERE section_id = \(section.uuid)"
        ).sorted { $0.id < $1.id }
    }

    /// The articles linking `link`, by identifier.
    public func knowledgeArticles(linking link: KnowledgeLink) async throws -> [KnowledgeArticle] {
        try await records(
            KnowledgeArticle.self,
            """
            SELECT a.body FROM knowledge_article_links l JOIN knowledge_articles a ON a.id = l.article_id
            WHERE l.link = \(link.key)
            """
        ).sorted { $0.id < $1.id }
    }

    /// Unmarked, unarchived articles due by `instant`, by due instant then identifier.
    public func knowledgeArticles(reviewDueBy instant: Date, limit: Int) async throws -> [KnowledgeArticle] {
        let seconds = instant.storedSeconds
        return try await records(
            KnowledgeArticle.self,
            """
            SELECT body FROM knowledge_articles
            WHERE NOT review_marked AND review_due_at IS NOT NULL AND review_due_at <= \(seconds)
            AND (archived_at IS NULL OR archived_at > \(seconds))
            ORDER BY review_due_at, id LIMIT \(max(0, limit))
            """
        ).sorted { ($0.reviewDueAt ?? .distantPast, $0.id) < ($1.reviewDueAt ?? .distantPast, $1.id) }
    }

    /// Every article with a review mark, by identifier.
    public func knowledgeArticlesNeedingReview() async throws -> [KnowledgeArticle] {
        try await records(KnowledgeArticle.self, "SELECT body FROM knowledge_articles WHERE review_marked")
            .sorted { $0.id < $1.id }
    }

    /// The versions of `article`, oldest first.
    public func knowledgeVersions(of article: KnowledgeArticleID) async throws -> [KnowledgeArticleVersion] {
        try await records(
            KnowledgeArticleVersion.self,
            "SELECT body FROM knowledge_versions WHERE article_id = \(article.uuid) ORDER BY number")
    }

    /// The citations of `article`.
    public func knowledgeCitations(of article: KnowledgeArticleID) async throws -> [KnowledgeCitation] {
        try await records(
            KnowledgeCitation.self, "SELECT body FROM knowledge_citations WHERE article_id = \(article.uuid)"
        ).sorted(by: KnowledgeCitation.areInIncreasingOrder)
    }

    /// The citations on `ticket`.
    public func knowledgeCitations(onTicket ticket: TicketID) async throws -> [KnowledgeCitation] {
        try await records(
            KnowledgeCitation.self, "SELECT body FROM knowledge_citations WHERE ticket_id = \(ticket.uuid)"
        ).sorted(by: KnowledgeCitation.areInIncreasingOrder)
    }

    /// The citations made in the half-open `period`.
    public func knowledgeCitations(citedIn period: Range<Date>) async throws -> [KnowledgeCitation] {
        try await records(
            KnowledgeCitation.self,
            """
            SELECT body FROM knowledge_citations
            WHERE cited_at >= \(period.lowerBound.storedSeconds) AND cited_at < \(period.upperBound.storedSeconds)
            """
        ).sorted(by: KnowledgeCitation.areInIncreasingOrder)
    }

    /// The count of committed changes of sections and articles (migration 15), one row.
    public func knowledgeStamp() async throws -> KnowledgeStamp {
        let values = try await rows("SELECT changes FROM knowledge_stamp") { row in
            try RecordCoding.column(Int64.self, of: row)
        }
        guard let changes = values.first else { throw StorageError(.corrupted, "the knowledge stamp row is missing") }
        return KnowledgeStamp(changes)
    }

    // MARK: Commit

    /// Writes sections and articles under their expected revisions (a zero-row update or a taken
    /// identifier is a conflict; a section keeps its audience), refuses a section tree with a
    /// cycle, then appends versions and citations (a taken number, a missing article or ticket:
    /// constraint violations, so conflicts). The knowledge stamp is raised first: its row lock
    /// orders section and article writers, so the tree check reads a settled tree.
    func writeKnowledge(_ changes: KnowledgeChanges, on connection: PostgresConnection) async throws {
        if changes.changesArticles {
            try await execute("UPDATE knowledge_stamp SET changes = changes + 1", on: connection)
        }
        for write in changes.sectionWrites {
            let section = write.section
            let body = try RecordCoding.encode(section)
            let audience = Self.key(of: section.audience)
            let written: Int
            if let expected = write.expectedRevision {
                written = try await rowCount(
                    """
                    UPDATE knowledge_sections SET parent_id = \(section.parentID?.uuid), revision = \(section.revision),
                    body = \(body)
                    WHERE id = \(section.id.uuid) AND revision = \(expected) AND audience = \(audience) RETURNING 1
                    """, on: connection)
            } else {
                written = try await rowCount(
                    """
                    INSERT INTO knowledge_sections (id, parent_id, audience, revision, body)
                    VALUES (\(section.id.uuid), \(section.parentID?.uuid), \(audience), \(section.revision), \(body))
                    ON CONFLICT (id) DO NOTHING RETURNING 1
                    """, on: connection)
            }
            guard written > 0 else {
                throw StorageError(
                    .conflict,
                    "knowledge section \(section.id) is not at revision \(write.expectedRevision.map(String.init) ?? "none")"
                )
            }
        }
        if !changes.sectionWrites.isEmpty { try await checkSectionTree(on: connection) }
        for write in changes.articleWrites { try await writeArticle(write, on: connection) }
        for version in changes.versions {
            try await execute(
                """
                INSERT INTO knowledge_versions (article_id, number, body)
                VALUES (\(version.articleID.uuid), \(version.number), \(try RecordCoding.encode(version)))
                """, on: connection)
        }
        for citation in changes.citations {
            try await execute(
                """
                INSERT INTO knowledge_citations (id, article_id, ticket_id, cited_at, body)
                VALUES (\(citation.id.uuid), \(citation.articleID.uuid), \(citation.ticketID.uuid),
                        \(citation.citedAt.storedSeconds), \(try RecordCoding.encode(citation)))
                """, on: connection)
        }
    }

    /// Inserts or updates one article under its expected revision and replaces its links.
    private func writeArticle(_ write: KnowledgeArticleWrite, on connection: PostgresConnection) async throws {
        let article = write.article
        let body = try RecordCoding.encode(article)
        let due = article.reviewDueAt?.storedSeconds
        let archived = article.archivedAt?.storedSeconds
        let marked = article.reviewMark != nil
        let written: Int
        if let expected = write.expectedRevision {
            written = try await rowCount(
                """
                UPDATE knowledge_articles SET section_id = \(article.sectionID.uuid), revision = \(article.revision),
                review_due_at = \(due), review_marked = \(marked), archived_at = \(archived), body = \(body)
                WHERE id = \(article.id.uuid) AND revision = \(expected) RETURNING 1
                """, on: connection)
            try await execute(
                "DELETE FROM knowledge_article_links WHERE article_id = \(article.id.uuid)", on: connection)
        } else {
            written = try await rowCount(
                """
                INSERT INTO knowledge_articles (id, section_id, revision, review_due_at, review_marked, archived_at, body)
                VALUES (\(article.id.uuid), \(article.sectionID.uuid), \(article.revision), \(due), \(marked),
                        \(archived), \(body))
                ON CONFLICT (id) DO NOTHING RETURNING 1
                """, on: connection)
        }
        guard written > 0 else {
            throw StorageError(
                .conflict,
                "knowledge article \(article.id) is not at revision \(write.expectedRevision.map(String.init) ?? "none")"
            )
        }
        if !article.links.isEmpty {
            try await execute(
                """
                INSERT INTO knowledge_article_links (link, article_id)
                SELECT unnest(\(article.links.map(\.key))::text[]), \(article.id.uuid) ON CONFLICT DO NOTHING
                """, on: connection)
        }
    }

    /// Throws `.conflict` when a section is its own ancestor (parents exist: a foreign key).
    private func checkSectionTree(on connection: PostgresConnection) async throws {
        let edges = try await rows("SELECT body FROM knowledge_sections", on: connection) { row in
            try RecordCoding.decode(KnowledgeSection.self, from: row)
        }
        var parents: [KnowledgeSectionID: KnowledgeSectionID] = [:]
        for section in edges { parents[section.id] = section.parentID }
        var settled = Set<KnowledgeSectionID>()
        for start in parents.keys where !settled.contains(start) {
            var path = Set<KnowledgeSectionID>()
            var current: KnowledgeSectionID? = start
            while let id = current, !settled.contains(id) {
                guard path.insert(id).inserted else {
                    throw StorageError(.conflict, "knowledge section \(id) would be its own ancestor")
                }
                current = parents[id]
            }
            settled.formUnion(path)
        }
    }

    /// The audience's ``KnowledgeAudience/identity`` as stored in its column (compared so that a
    /// section never changes it; an asset section's location may follow the asset).
    static func key(of audience: KnowledgeAudience) -> String {
        switch audience.identity {
        case .desk: "desk"
        case .client(let scope):
            "client:\(scope.companyID)/\(scope.locationID.map(\.description) ?? "")/\(scope.assetID.map(\.description) ?? "")"
        }
    }
}
