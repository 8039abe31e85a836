import Foundation
import TextSearch

extension HelpDesk {
    /// The articles `viewer` may read that hold every word of the request, most relevant first;
    /// the count and the ranking see only those articles, so no reader learns what else exists.
    public func searchKnowledge(_ request: KnowledgeSearchRequest, as viewer: Performer) async throws(HelpDeskError)
        -> KnowledgeSearchResults
    {
        try Self.validate(request)
        let query = SearchQuery(
            request.text, partitions: [], match: .all, asYouType: request.asYouType, limit: request.limit,
            offset: request.offset)
        return try await searchKnowledge(query, for: try await principal(for: viewer))
    }

    /// Articles `viewer` may read that may answer a ticket being written: ranked by the words of
    /// its title and description, any of which may match.
    public func suggestArticles(title: String, description: String = "", limit: Int = 5, as viewer: Performer)
        async throws(HelpDeskError) -> KnowledgeSearchResults
    {
        try Validate.length(title, atMost: configuration.maximumTitleLength, field: "title")
        try Validate.length(description, atMost: Self.maximumSuggestionText, field: "description")
        let limits = 1...KnowledgeSearchRequest.maximumLimit
        guard limits.contains(limit) else { throw .invalidInput(field: "limit", problem: .outOfRange(limits)) }
        let query = SearchQuery(title + "\n" + description, partitions: [], match: .any, limit: limit)
        return try await searchKnowledge(query, for: try await principal(for: viewer))
    }

    /// Articles `viewer` may read that may answer the ticket: ``suggestArticles(title:description:limit:as:)``
    /// on its title and (the first part of) its description, for a viewer who may see the ticket.
    public func suggestArticles(for ticketID: TicketID, limit: Int = 5, as viewer: Performer)
        async throws(HelpDeskError) -> KnowledgeSearchResults
    {
        let limits = 1...KnowledgeSearchRequest.maximumLimit
        guard limits.contains(limit) else { throw .invalidInput(field: "limit", problem: .outOfRange(limits)) }
        let (ticket, principal) = try await visibleTicket(ticketID, as: viewer)
        let description = String(ticket.description.prefix(Self.maximumSuggestionText))
        let query = SearchQuery(ticket.title + "\n" + description, partitions: [], match: .any, limit: limit)
        return try await searchKnowledge(query, for: principal, about: ticket.companyID)
    }

    /// The most characters of a description a suggestion reads.
    static let maximumSuggestionText = 4_000

    /// Runs `query` over the partitions `principal` may read in the index as of now: those whose
    /// audience the policy opens to it and whose state its reader may read there.
    /// `company` names whose records the search is about (a ticket's client), for the first question.
    private func searchKnowledge(_ query: SearchQuery, for principal: Principal, about company: CompanyID? = nil)
        async throws(HelpDeskError) -> KnowledgeSearchResults
    {
        // The desk's question first: a reader refused the knowledge base altogether is told so.
        try authorize(principal, AccessRequest(.readKnowledge, companyID: company))
        let index = try await currentKnowledgeIndex(at: clock.now())
        var query = query
        var readers: [CompanyID?: KnowledgeReader?] = [:]
        query.partitions = index.visiblePartitions { state, audience in
            let company = audience.companyID
            if readers[company] == nil { readers[company] = .some(knowledgeReader(of: principal, for: audience)) }
            guard let reader = readers[company].flatMap({ $0 }) else { return false }
            return KnowledgeAccess.mayRead(reader, state, audience: audience)
        }
        let result = index.search?.search(query) ?? SearchResult(hits: [], total: 0)
        return KnowledgeSearchResults(hits: result.hits.compactMap(index.hit(for:)), total: result.total)
    }

    /// The engine's knowledge index, brought in step with the store's stamp and partitioned as of
    /// `instant`. A stamp another engine (or this one) moved means reading every article again,
    /// but only new and changed ones are analyzed.
    func currentKnowledgeIndex(at instant: Date) async throws(HelpDeskError) -> KnowledgeIndex {
        let stamp = try await knowledge { try await $0.knowledgeStamp() }
        if var index = knowledgeIndex, index.stamp == stamp {
            guard !index.isCurrent(stamp: stamp, at: instant) else { return index }
            knowledgeIndex = nil  // Released while it changes, so the change does not copy it.
            index.repartition(at: instant)
            knowledgeIndex = index
            return index
        }
        let sections = try await knowledge { try await $0.knowledgeSections() }
        var articles: [KnowledgeArticle] = []
        while true {
            let after = articles.last?.id
            let page = try await knowledge { try await $0.knowledgeArticles(after: after, limit: Self.knowledgePage) }
            articles += page
            if page.count < Self.knowledgePage { break }
        }
        // No suspension from here on: the index is taken, synced and put back in one step.
        var index = knowledgeIndex ?? KnowledgeIndex()
        knowledgeIndex = nil
        index.sync(stamp: stamp, sections: sections, articles: articles, at: instant)
        knowledgeIndex = index
        return index
    }

    /// How many articles one read of the store brings while the index catches up.
    static let knowledgePage = 1_000

    private static func validate(_ request: KnowledgeSearchRequest) throws(HelpDeskError) {
        try Validate.length(request.text, atMost: KnowledgeSearchRequest.maximumLength, field: "text")
        let limits = 1...KnowledgeSearchRequest.maximumLimit
        guard limits.contains(request.limit) else { throw .invalidInput(field: "limit", problem: .outOfRange(limits)) }
        let offsets = 0...KnowledgeSearchRequest.maximumOffset
        guard offsets.contains(request.offset) else {
            throw .invalidInput(field: "offset", problem: .outOfRange(offsets))
        }
    }
}

extension KnowledgeIndex {
    /// The hit for a ranked article, from the snapshot it was ranked in.
    func hit(for found: SearchHit<KnowledgeArticleID>) -> KnowledgeSearchHit? {
        guard let entry = entries[found.key], let section = sections[entry.article.sectionID] else { return nil }
        let article = entry.article
        return KnowledgeSearchHit(
            articleID: article.id, title: article.title, sectionID: section.id, sectionTitle: section.title,
            tags: article.content.tags, excerpt: Self.excerpt(of: article.content.body),
            visibility: partitions.keys[entry.partition].state, score: found.score)
    }

    /// The first 200 characters of `body` with runs of whitespace as one space.
    static func excerpt(of body: String) -> String {
        var excerpt = ""
        var count = 0
        var pendingSpace = false
        for character in body where count < 200 {
            if character.isWhitespace {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                excerpt.append(" ")
                count += 1
            }
            pendingSpace = false
            excerpt.append(character)
            count += 1
        }
        return excerpt
    }
}
