import Foundation

extension HelpDesk {
    /// Throws unless `citations` is within the configured count and names each article once.
    func validateCitations(_ citations: [KnowledgeArticleID]) throws(HelpDeskError) {
        let maximum = configuration.knowledge.maximumCitations
        guard citations.count <= maximum else {
            throw .invalidInput(field: "citations", problem: .outOfRange(0...maximum))
        }
        guard Set(citations).count == citations.count else {
            throw .invalidInput(field: "citations", problem: .malformed(expected: "each article once"))
        }
    }

    /// Adds a citation of each article to `work` for `comment` on `ticket`, written by `principal`.
    ///
    /// The author must be able to read each article now (``HelpDeskError/Reason/knowledgeArticleNotFound(_:)``
    /// otherwise); a public reply may cite only articles the ticket's requester may read now
    /// (``HelpDeskError/Reason/knowledgeArticleNotReadableByRequester(_:_:)``).
    func recordCitations(
        _ citations: [KnowledgeArticleID], of comment: Comment, on ticket: Ticket, by principal: Principal,
        into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        guard !citations.isEmpty else { return }
        let isPublic = comment.visibility == .public
        let requester = isPublic ? try await knowledgeReader(ofRequester: ticket.requester) : nil
        for id in citations {
            let (article, section) = try await readableKnowledgeArticle(id, by: principal, at: comment.createdAt)
            if let requester, !KnowledgeAccess.mayRead(requester, article, in: section, at: comment.createdAt) {
                throw HelpDeskError(.knowledgeArticleNotReadableByRequester(id, ticket.number))
            }
            work.knowledge.citations.append(
                KnowledgeCitation(
                    id: nextID(), articleID: id, ticketID: ticket.id, ticketNumber: ticket.number,
                    commentID: comment.id, isPublic: isPublic, citedAt: comment.createdAt))
        }
    }

    /// The articles cited on a ticket as the viewer sees them: citations in internal notes only for
    /// a viewer who reads the ticket's internals, and only articles the viewer may read now (with
    /// their current title). In comment order (citation instant, then identifier).
    public func citedKnowledgeArticles(on id: TicketID, as viewer: Performer) async throws(HelpDeskError)
        -> [KnowledgeCitationView]
    {
        let (ticket, principal) = try await visibleTicket(id, as: viewer)
        guard let repository = try optionalFeature((any KnowledgeRepository).self) else { return [] }
        let internals = seesInternal(principal, on: ticket)
        let now = clock.now()
        var views: [KnowledgeCitationView] = []
        var sections: [KnowledgeSectionID: KnowledgeSection] = [:]
        for citation in try await storage({ try await repository.knowledgeCitations(onTicket: id) })
        where citation.isPublic || internals {
            guard let article = try await storage({ try await repository.knowledgeArticle(citation.articleID) })
            else { continue }
            let section: KnowledgeSection
            if let known = sections[article.sectionID] {
                section = known
            } else {
                guard let loaded = try await storage({ try await repository.knowledgeSection(article.sectionID) })
                else { continue }
                section = loaded
                sections[section.id] = loaded
            }
            if mayRead(principal, article, in: section, at: now) {
                views.append(KnowledgeCitationView(citation: citation, title: article.title))
            }
        }
        return views
    }

    /// The citations of an article: the tickets that cited it, oldest first, on tickets whose
    /// internals the viewer may read. Needs ``AccessAction/readInternalKnowledge``.
    public func knowledgeCitations(of id: KnowledgeArticleID, as viewer: Performer) async throws(HelpDeskError)
        -> [KnowledgeCitation]
    {
        let principal = try await authorize(viewer, .readInternalKnowledge)
        _ = try await readableKnowledgeArticle(id, by: principal, at: clock.now())
        let citations = try await knowledge { try await $0.knowledgeCitations(of: id) }
        return try await internalRecords(citations, on: \.ticketID, for: principal)
    }

    /// Per article, the tickets that cited it in the half-open `period` ("tickets about topics
    /// already covered"), counting only tickets whose internals the viewer may read; most cited
    /// tickets first, then by article identifier. Needs ``AccessAction/readInternalKnowledge``.
    public func knowledgeCitationReport(citedIn period: Range<Date>, as viewer: Performer)
        async throws(HelpDeskError) -> [KnowledgeCitationSummary]
    {
        let principal = try await authorize(viewer, .readInternalKnowledge)
        try Validate.period(period, field: "period")
        let citations = try await internalRecords(
            try await knowledge { try await $0.knowledgeCitations(citedIn: period) }, on: \.ticketID, for: principal)
        var byArticle: [KnowledgeArticleID: [KnowledgeCitation]] = [:]
        for citation in citations { byArticle[citation.articleID, default: []].append(citation) }
        var lines: [KnowledgeCitationSummary] = []
        for (articleID, cited) in byArticle {
            let title = try await knowledge { try await $0.knowledgeArticle(articleID) }?.title ?? ""
            lines.append(
                KnowledgeCitationSummary(
                    articleID: articleID, title: title, tickets: Set(cited.map(\.ticketNumber)).sorted(),
                    citations: cited.count))
        }
        return lines.sorted { ($1.tickets.count, $0.articleID) < ($0.tickets.count, $1.articleID) }
    }
}
