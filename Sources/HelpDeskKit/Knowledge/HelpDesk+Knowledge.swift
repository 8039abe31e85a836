import Foundation

extension HelpDesk {
    /// Runs `read` on the store's knowledge repository (``HelpDeskError/Reason/storeLacksFeature(_:)``
    /// without one), turning adapter failures into ``HelpDeskError/storage(_:)``.
    func knowledge<Value>(_ read: (any KnowledgeRepository) async throws -> Value) async throws(HelpDeskError)
        -> Value
    {
        let repository = try feature((any KnowledgeRepository).self)
        return try await storage { try await read(repository) }
    }

    /// What `principal` may read in sections for `audience`, or `nil` when the policy refuses it
    /// ``AccessAction/readKnowledge`` there: the system and employees the policy lets edit
    /// (`kb.edit`) read everything, employees it lets read internals (`kb.readInternal`) internal
    /// and public articles, other employees public ones; contacts and free-text clients as
    /// ``KnowledgeReader`` says. Each question names the audience's company, if any.
    func knowledgeReader(of principal: Principal, for audience: KnowledgeAudience) -> KnowledgeReader? {
        let company = audience.companyID
        guard permits(principal, .readKnowledge, companyID: company) else { return nil }
        switch principal {
        case .system: return .editor
        case .employee:
            if permits(principal, .editKnowledge, companyID: company) { return .editor }
            return permits(principal, .readInternalKnowledge, companyID: company) ? .staff : .employee
        case .contact(_, let authority): return KnowledgeReader(authority)
        case .client: return .client
        }
    }

    /// `true` when `principal` may read an article in `state` in `section` (policy and visibility).
    func mayRead(_ principal: Principal, _ article: KnowledgeArticle, in section: KnowledgeSection, at instant: Date)
        -> Bool
    {
        guard let reader = knowledgeReader(of: principal, for: section.audience) else { return false }
        return KnowledgeAccess.mayRead(reader, article, in: section, at: instant)
    }

    /// `true` when the access policy lets `principal` do `action` (for `companyID`'s records, if set).
    func permits(_ principal: Principal, _ action: AccessAction, companyID: CompanyID? = nil) -> Bool {
        do {
            try authorize(principal, AccessRequest(action, companyID: companyID))
            return true
        } catch {
            return false
        }
    }

    /// The reader a ticket's requester is: its contact's (active, with its company's sharing), or a
    /// free-text client's (also for a contact that left or no longer exists).
    func knowledgeReader(ofRequester requester: Requester) async throws(HelpDeskError) -> KnowledgeReader {
        guard case .contact(let id) = requester,
            let contacts = try optionalFeature((any CompanyRepository).self),
            let contact = try await storage({ try await contacts.contact(id) }), contact.isActive,
            let company = try await storage({ try await contacts.company(contact.companyID) })
        else { return .client }
        return KnowledgeReader(ContactAuthority(contact: contact, sharing: company.ticketSharing))
    }

    /// The section `id`, or ``HelpDeskError/Reason/knowledgeSectionNotFound(_:)``.
    func loadKnowledgeSection(_ id: KnowledgeSectionID) async throws(HelpDeskError) -> KnowledgeSection {
        guard let section = try await knowledge({ try await $0.knowledgeSection(id) }) else {
            throw HelpDeskError(.knowledgeSectionNotFound(id))
        }
        return section
    }

    /// The article `id`, or ``HelpDeskError/Reason/knowledgeArticleNotFound(_:)``.
    func loadKnowledgeArticle(_ id: KnowledgeArticleID) async throws(HelpDeskError) -> KnowledgeArticle {
        guard let article = try await knowledge({ try await $0.knowledgeArticle(id) }) else {
            throw HelpDeskError(.knowledgeArticleNotFound(id))
        }
        return article
    }

    /// The article `id` and its section when `reader` may read it at `instant`; reported as not
    /// found otherwise (also to a reader refused the knowledge base), so a reader never learns that
    /// an article it may not read exists.
    func readableKnowledgeArticle(_ id: KnowledgeArticleID, by principal: Principal, at instant: Date)
        async throws(HelpDeskError) -> (KnowledgeArticle, KnowledgeSection)
    {
        let article = try await loadKnowledgeArticle(id)
        let section = try await loadKnowledgeSection(article.sectionID)
        guard mayRead(principal, article, in: section, at: instant) else {
            throw HelpDeskError(.knowledgeArticleNotFound(id))
        }
        return (article, section)
    }

    /// The instant the article's review is next due: its interval (or its section's) after it was
    /// last verified (or written); `nil` when no interval applies.
    static func reviewDue(of article: KnowledgeArticle, in section: KnowledgeSection) -> Date? {
        guard let days = article.reviewIntervalDays ?? section.reviewIntervalDays else { return nil }
        // Intervals are capped at validation (at most ~10 years), so this never overflows.
        return (article.verifiedAt ?? article.createdAt).addingTimeInterval(TimeInterval(days) * 86_400)
    }

    /// Throws unless `days` is `nil` or a whole number of days within the configured range.
    func validateReviewInterval(_ days: Int?, field: String) throws(HelpDeskError) {
        guard let days else { return }
        let range = 1...configuration.knowledge.maximumReviewIntervalDays
        guard range.contains(days) else { throw .invalidInput(field: field, problem: .outOfRange(range)) }
    }

    /// `content` validated and normalized: title and body checked, tags trimmed and deduplicated
    /// (ignoring case), attachments checked.
    func validatedKnowledgeContent(_ content: KnowledgeContent) throws(HelpDeskError) -> KnowledgeContent {
        let settings = configuration.knowledge
        var content = content
        try Validate.title(content.title, maximum: configuration.maximumTitleLength)
        try Validate.notBlank(content.body, field: "body")
        try Validate.length(content.body, atMost: configuration.maximumTextLength, field: "body")
        guard content.tags.count <= settings.maximumTags else {
            throw .invalidInput(field: "tags", problem: .outOfRange(0...settings.maximumTags))
        }
        var seen = Set<String>()
        var tags: [String] = []
        for tag in content.tags {
            let trimmed = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            try Validate.notBlank(trimmed, field: "tags")
            try Validate.length(trimmed, atMost: settings.maximumTagLength, field: "tags")
            if trimmed.contains(where: \.isNewline) {
                throw .invalidInput(field: "tags", problem: .malformed(expected: "a tag on one line"))
            }
            if seen.insert(trimmed.lowercased()).inserted { tags.append(trimmed) }
        }
        content.tags = tags
        guard content.attachments.count <= settings.maximumAttachments else {
            throw .invalidInput(field: "attachments", problem: .outOfRange(0...settings.maximumAttachments))
        }
        try Validate.attachments(content.attachments)
        return content
    }

    /// `settings` validated: the section exists, the interval is in range, every linked record
    /// exists; links sorted by key without duplicates.
    func validatedKnowledgeSettings(_ settings: KnowledgeArticleSettings) async throws(HelpDeskError)
        -> (KnowledgeArticleSettings, KnowledgeSection)
    {
        try validateReviewInterval(settings.reviewIntervalDays, field: "reviewIntervalDays")
        guard settings.links.count <= configuration.knowledge.maximumLinks else {
            throw .invalidInput(field: "links", problem: .outOfRange(0...configuration.knowledge.maximumLinks))
        }
        let section = try await loadKnowledgeSection(settings.sectionID)
        var links: [String: KnowledgeLink] = [:]
        for link in settings.links {
            switch link {
            case .company(let id): _ = try await loadCompany(id)
            case .location(let id): _ = try await loadLocation(id)
            case .asset(let id): _ = try await loadAsset(id)
            case .category(let id):
                guard try await storage({ try await store.category(id) }) != nil else { throw .categoryNotFound(id) }
            }
            links[link.key] = link
        }
        var settings = settings
        settings.links = links.keys.sorted().compactMap { links[$0] }
        return (settings, section)
    }

    /// Throws unless every instant of `schedule` is in ``InstantRange``.
    static func validate(_ schedule: KnowledgeSchedule) throws(HelpDeskError) {
        try Validate.instant(schedule.internalAt, field: "internalAt")
        try Validate.instant(schedule.publishedAt, field: "publishedAt")
        try Validate.instant(schedule.archivedAt, field: "archivedAt")
    }
}
