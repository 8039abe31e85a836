/// The knowledge part of a ``UnitOfWork``: sections and articles written under the revision they
/// were read at, versions appended, citations recorded.
public struct KnowledgeChanges: CapabilityChanges {
    /// Sections to insert (`expectedRevision` `nil`) or replace.
    public var sectionWrites: [KnowledgeSectionWrite] = []
    /// Articles to insert (`expectedRevision` `nil`) or replace.
    public var articleWrites: [KnowledgeArticleWrite] = []
    /// Versions to append; an article's numbers are unique.
    public var versions: [KnowledgeArticleVersion] = []
    /// Citations to record.
    public var citations: [KnowledgeCitation] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool {
        sectionWrites.isEmpty && articleWrites.isEmpty && versions.isEmpty && citations.isEmpty
    }

    /// `true` when sections or articles are written (what the ``KnowledgeStamp`` counts).
    public var changesArticles: Bool { !sectionWrites.isEmpty || !articleWrites.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        // One desk-wide key for sections: the tree (no cycles) spans them all.
        if !sectionWrites.isEmpty { body(.record(kind: "knowledgeSections", id: "desk")) }
        for write in articleWrites { body(.record(kind: "knowledgeArticle", id: write.article.id.description)) }
        for version in versions {
            body(.record(kind: "knowledgeVersion", id: "\(version.articleID)/\(version.number)"))
        }
        for citation in citations {
            body(.record(kind: "knowledgeCitation", id: citation.id.description))
            body(.ticket(citation.ticketID))
        }
    }

    private enum CodingKeys: String, CodingKey {
        case knowledgeSectionWrites, knowledgeArticleWrites, knowledgeVersions, knowledgeCitations
    }

    /// Decodes leniently: units written before the knowledge base existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sectionWrites =
            try container.decodeIfPresent([KnowledgeSectionWrite].self, forKey: .knowledgeSectionWrites) ?? []
        articleWrites =
            try container.decodeIfPresent([KnowledgeArticleWrite].self, forKey: .knowledgeArticleWrites) ?? []
        versions = try container.decodeIfPresent([KnowledgeArticleVersion].self, forKey: .knowledgeVersions) ?? []
        citations = try container.decodeIfPresent([KnowledgeCitation].self, forKey: .knowledgeCitations) ?? []
    }

    /// Encodes only the non-empty lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !sectionWrites.isEmpty { try container.encode(sectionWrites, forKey: .knowledgeSectionWrites) }
        if !articleWrites.isEmpty { try container.encode(articleWrites, forKey: .knowledgeArticleWrites) }
        if !versions.isEmpty { try container.encode(versions, forKey: .knowledgeVersions) }
        if !citations.isEmpty { try container.encode(citations, forKey: .knowledgeCitations) }
    }
}

/// A new or changed section in a unit of work, with the revision it was based on.
public struct KnowledgeSectionWrite: Hashable, Sendable, Codable {
    /// The section as it must be stored.
    public var section: KnowledgeSection
    /// The stored revision the change was computed from; `nil` for a new section.
    public var expectedRevision: Int?

    /// Describes a write.
    public init(section: KnowledgeSection, expectedRevision: Int?) {
        self.section = section
        self.expectedRevision = expectedRevision
    }
}

/// A new or changed article in a unit of work, with the revision it was based on.
public struct KnowledgeArticleWrite: Hashable, Sendable, Codable {
    /// The article as it must be stored.
    public var article: KnowledgeArticle
    /// The stored revision the change was computed from; `nil` for a new article.
    public var expectedRevision: Int?

    /// Describes a write.
    public init(article: KnowledgeArticle, expectedRevision: Int?) {
        self.article = article
        self.expectedRevision = expectedRevision
    }
}

/// The knowledge base of a ``StoreImage``.
public struct KnowledgeImage: CapabilityImage {
    public static let key = "knowledge"

    /// Every section, by identifier.
    public var sections: [KnowledgeSection]
    /// Every article, by identifier.
    public var articles: [KnowledgeArticle]
    /// Every version, by article then number.
    public var versions: [KnowledgeArticleVersion]
    /// Every citation, by identifier.
    public var citations: [KnowledgeCitation]

    /// Describes the knowledge base of an image.
    public init(
        sections: [KnowledgeSection] = [], articles: [KnowledgeArticle] = [], versions: [KnowledgeArticleVersion] = [],
        citations: [KnowledgeCitation] = []
    ) {
        self.sections = sections
        self.articles = articles
        self.versions = versions
        self.citations = citations
    }

    /// Nothing.
    public init() { self.init(sections: []) }

    public var isEmpty: Bool { sections.isEmpty && articles.isEmpty && versions.isEmpty && citations.isEmpty }
}

extension UnitOfWork {
    /// The knowledge base's changes (``KnowledgeChanges``).
    public var knowledge: KnowledgeChanges {
        get { self[KnowledgeChanges.self] }
        set { self[KnowledgeChanges.self] = newValue }
    }
}

extension StoreImage {
    /// The knowledge base.
    public var knowledge: KnowledgeImage {
        get { capabilities[KnowledgeImage.self] }
        set { capabilities[KnowledgeImage.self] = newValue }
    }
}

extension Capability {
    /// The knowledge base: sections, articles and their versions, review marks set by `tick` and
    /// by edits of linked records, citations in comments.
    static let knowledge = Capability(
        name: "knowledge", tables: KnowledgeTables.self, tickHooks: [.knowledgeReview],
        unitHooks: [.knowledgeLinks])
}
