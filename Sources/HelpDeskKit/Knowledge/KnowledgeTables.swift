import Foundation

/// The in-memory store's knowledge base.
struct KnowledgeTables: CapabilityTable {
    var sections: [KnowledgeSectionID: KnowledgeSection] = [:]
    var articles: [KnowledgeArticleID: KnowledgeArticle] = [:]
    var versions: [KnowledgeArticleID: [KnowledgeArticleVersion]] = [:]
    var citations: [KnowledgeCitationID: KnowledgeCitation] = [:]
    var citationsByArticle: [KnowledgeArticleID: [KnowledgeCitationID]] = [:]
    var citationsByTicket: [TicketID: [KnowledgeCitationID]] = [:]
    /// Counts the applied units that wrote sections or articles (``KnowledgeRepository/knowledgeStamp()``).
    private(set) var stamp: Int64 = 0

    /// Checks the knowledge part of `work`: revisions, the section tree (parents exist, no cycle,
    /// audiences fixed), the articles' sections, free version numbers, cited articles and tickets.
    func validate(_ changes: KnowledgeChanges, of work: UnitOfWork, in store: InMemoryStore.State)
        throws(StorageError)
    {
        var sectionsAfter = sections
        for write in changes.sectionWrites {
            let id = write.section.id
            guard sections[id]?.revision == write.expectedRevision else {
                throw StorageError(
                    .conflict,
                    "knowledge section \(id) is not at revision \(write.expectedRevision.map(String.init) ?? "none")")
            }
            if let stored = sections[id], stored.audience.identity != write.section.audience.identity {
                throw StorageError(.conflict, "knowledge section \(id) cannot change its audience")
            }
            sectionsAfter[id] = write.section
        }
        if !changes.sectionWrites.isEmpty { try Self.checkTree(sectionsAfter) }
        var written = Set<KnowledgeArticleID>()
        for write in changes.articleWrites {
            let id = write.article.id
            guard articles[id]?.revision == write.expectedRevision, written.insert(id).inserted else {
                throw StorageError(
                    .conflict,
                    "knowledge article \(id) is not at revision \(write.expectedRevision.map(String.init) ?? "none")")
            }
            guard sectionsAfter[write.article.sectionID] != nil else {
                throw StorageError(.conflict, "knowledge section \(write.article.sectionID) does not exist")
            }
        }
        var numbers = Set<String>()
        for version in changes.versions {
            guard articles[version.articleID] != nil || written.contains(version.articleID) else {
                throw StorageError(.conflict, "knowledge article \(version.articleID) does not exist")
            }
            let taken = versions[version.articleID]?.contains { $0.number == version.number } ?? false
            guard !taken, numbers.insert("\(version.articleID)/\(version.number)").inserted else {
                throw StorageError(.conflict, "version \(version.number) of article \(version.articleID) exists")
            }
        }
        var cited = Set<KnowledgeCitationID>()
        for citation in changes.citations {
            guard citations[citation.id] == nil, cited.insert(citation.id).inserted else {
                throw StorageError(.conflict, "knowledge citation \(citation.id) already exists")
            }
            guard articles[citation.articleID] != nil || written.contains(citation.articleID) else {
                throw StorageError(.conflict, "knowledge article \(citation.articleID) does not exist")
            }
            guard store.tickets.row(of: citation.ticketID) != nil || work.writesTicket(citation.ticketID) else {
                throw StorageError(.conflict, "ticket \(citation.ticketID) does not exist")
            }
        }
    }

    /// Throws unless every parent exists and no section is its own ancestor.
    static func checkTree(_ sections: [KnowledgeSectionID: KnowledgeSection]) throws(StorageError) {
        var settled = Set<KnowledgeSectionID>()
        for start in sections.keys where !settled.contains(start) {
            var path = Set<KnowledgeSectionID>()
            var current: KnowledgeSectionID? = start
            while let id = current, !settled.contains(id) {
                guard path.insert(id).inserted else {
                    throw StorageError(.conflict, "knowledge section \(id) would be its own ancestor")
                }
                guard let section = sections[id] else {
                    throw StorageError(.conflict, "knowledge section \(id) does not exist")
                }
                current = section.parentID
            }
            settled.formUnion(path)
        }
    }

    /// Applies the knowledge part of a validated unit.
    mutating func apply(_ changes: KnowledgeChanges) {
        for write in changes.sectionWrites { sections[write.section.id] = write.section }
        for write in changes.articleWrites { articles[write.article.id] = write.article }
        for version in changes.versions { insert(version) }
        for citation in changes.citations { insert(citation) }
        if changes.changesArticles { stamp &+= 1 }
    }

    private mutating func insert(_ version: KnowledgeArticleVersion) {
        versions[version.articleID, default: []].append(version)
        versions[version.articleID]?.sort { $0.number < $1.number }
    }

    private mutating func insert(_ citation: KnowledgeCitation) {
        citations[citation.id] = citation
        citationsByArticle[citation.articleID, default: []].append(citation.id)
        citationsByTicket[citation.ticketID, default: []].append(citation.id)
    }

    /// The citations with `ids`, in the standard order.
    func citations(_ ids: [KnowledgeCitationID]?) -> [KnowledgeCitation] {
        (ids ?? []).compactMap { citations[$0] }.sorted(by: KnowledgeCitation.areInIncreasingOrder)
    }

    /// The articles matching `include`, by identifier.
    ///
    /// - Complexity: O(*n* log *n*) over all articles; a database adapter indexes the columns.
    func articles(where include: (KnowledgeArticle) -> Bool) -> [KnowledgeArticle] {
        articles.values.filter(include).sorted { $0.id < $1.id }
    }

    var image: KnowledgeImage {
        KnowledgeImage(
            sections: sections.values.sorted { $0.id < $1.id }, articles: articles.values.sorted { $0.id < $1.id },
            versions: versions.keys.sorted().flatMap { versions[$0] ?? [] },
            citations: citations.values.sorted { $0.id < $1.id })
    }

    init(image: KnowledgeImage) {
        for section in image.sections { sections[section.id] = section }
        for article in image.articles { articles[article.id] = article }
        for version in image.versions { insert(version) }
        for citation in image.citations { insert(citation) }
    }
}

extension InMemoryStore: KnowledgeRepository {
    /// The knowledge tables, read under the store's lock.
    private func withKnowledge<Value>(_ read: (KnowledgeTables) -> Value) -> Value {
        state.withLock { read($0.table(KnowledgeTables.self)) }
    }

    public func knowledgeSection(_ id: KnowledgeSectionID) async throws -> KnowledgeSection? {
        withKnowledge { $0.sections[id] }
    }

    public func knowledgeSections() async throws -> [KnowledgeSection] {
        withKnowledge { Array($0.sections.values) }.sorted(by: KnowledgeSection.areInIncreasingOrder)
    }

    public func knowledgeArticle(_ id: KnowledgeArticleID) async throws -> KnowledgeArticle? {
        withKnowledge { $0.articles[id] }
    }

    public func knowledgeArticles(after: KnowledgeArticleID?, limit: Int) async throws -> [KnowledgeArticle] {
        Array(withKnowledge { $0.articles { article in after.map { article.id > $0 } ?? true } }.prefix(max(0, limit)))
    }

    public func knowledgeArticles(inSection section: KnowledgeSectionID) async throws -> [KnowledgeArticle] {
        withKnowledge { $0.articles { $0.sectionID == section } }
    }

    public func knowledgeArticles(linking link: KnowledgeLink) async throws -> [KnowledgeArticle] {
        withKnowledge { $0.articles { $0.links.contains(link) } }
    }

    public func knowledgeArticles(reviewDueBy instant: Date, limit: Int) async throws -> [KnowledgeArticle] {
        let due = withKnowledge { tables in
            tables.articles {
                $0.reviewMark == nil && ($0.reviewDueAt.map { $0 <= instant } ?? false)
                    && ($0.archivedAt.map { $0 > instant } ?? true)
            }
        }
        return Array(
            due.sorted { ($0.reviewDueAt ?? .distantPast, $0.id) < ($1.reviewDueAt ?? .distantPast, $1.id) }.prefix(
                max(0, limit)))
    }

    public func knowledgeArticlesNeedingReview() async throws -> [KnowledgeArticle] {
        withKnowledge { $0.articles { $0.reviewMark != nil } }
    }

    public func knowledgeVersions(of article: KnowledgeArticleID) async throws -> [KnowledgeArticleVersion] {
        withKnowledge { $0.versions[article] ?? [] }
    }

    public func knowledgeCitations(of article: KnowledgeArticleID) async throws -> [KnowledgeCitation] {
        withKnowledge { $0.citations($0.citationsByArticle[article]) }
    }

    public func knowledgeCitations(onTicket ticket: TicketID) async throws -> [KnowledgeCitation] {
        withKnowledge { $0.citations($0.citationsByTicket[ticket]) }
    }

    public func knowledgeCitations(citedIn period: Range<Date>) async throws -> [KnowledgeCitation] {
        withKnowledge { tables in
            tables.citations.values.filter { period.contains($0.citedAt) }
        }.sorted(by: KnowledgeCitation.areInIncreasingOrder)
    }

    public func knowledgeStamp() async throws -> KnowledgeStamp {
        withKnowledge { KnowledgeStamp($0.stamp) }
    }
}

extension KnowledgeSection {
    /// Orders by parent (top level first, then by parent identifier), position, then identifier.
    public static func areInIncreasingOrder(_ lhs: KnowledgeSection, _ rhs: KnowledgeSection) -> Bool {
        if lhs.parentID != rhs.parentID {
            guard let left = lhs.parentID else { return true }
            guard let right = rhs.parentID else { return false }
            return left < right
        }
        return (lhs.position, lhs.id) < (rhs.position, rhs.id)
    }
}
