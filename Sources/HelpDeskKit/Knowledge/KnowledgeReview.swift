import Foundation

extension TickHook {
    /// Marks the articles whose review fell due as needing review.
    static let knowledgeReview = TickHook(name: "knowledge-review") { desk, now, report throws(HelpDeskError) in
        try await desk.markDueKnowledgeArticles(at: now, report: &report)
    }
}

extension UnitHook {
    /// Marks the articles linking a record the unit changes as needing review, and moves asset
    /// sections along with their asset.
    static let knowledgeLinks = UnitHook(name: "knowledge-links") { desk, context throws(HelpDeskError) in
        try await desk.markArticlesLinking(in: &context)
        try await desk.followMovedAssets(in: &context)
    }
}

extension UnitOfWork {
    /// The records this unit writes or deletes that knowledge articles may link: companies,
    /// locations, assets and service categories.
    var knowledgeLinksTouched: [KnowledgeLink] {
        var links: [KnowledgeLink] = []
        links += clients.companies.map { .company($0.id) } + clients.deletedCompanies.map { .company($0) }
        links += clients.locations.map { .location($0.id) } + clients.deletedLocations.map { .location($0) }
        links += clients.assets.map { .asset($0.id) } + clients.deletedAssets.map { .asset($0) }
        links += categories.map { .category($0.id) }
        return links
    }

    /// `true` when the unit writes a record knowledge articles may link (the pipeline then runs
    /// the unit hooks, so ``UnitHook/knowledgeLinks`` sees it).
    var touchesKnowledgeLinks: Bool {
        !clients.companies.isEmpty || !clients.deletedCompanies.isEmpty || !clients.locations.isEmpty
            || !clients.deletedLocations.isEmpty || !clients.assets.isEmpty || !clients.deletedAssets.isEmpty
            || !categories.isEmpty
    }
}

extension HelpDesk {
    /// Marks up to ``KnowledgeSettings/reviewMarksPerTick`` articles due by `now` (oldest due date
    /// first, then identifier) in one unit, and reports them; the rest wait for the next tick.
    /// Archived articles are left alone. A store without the knowledge base is skipped.
    func markDueKnowledgeArticles(at now: Date, report: inout TickReport) async throws(HelpDeskError) {
        guard let repository = try optionalFeature((any KnowledgeRepository).self) else { return }
        let limit = max(0, configuration.knowledge.reviewMarksPerTick)
        let (marked, deferred): ([KnowledgeArticleID], Int) = try await perform(by: .system) {
            context throws(HelpDeskError) in
            let due = try await storage { try await repository.knowledgeArticles(reviewDueBy: now, limit: limit + 1) }
            var marked: [KnowledgeArticleID] = []
            for old in due.prefix(limit) {
                var article = old
                article.reviewMark = KnowledgeReviewMark(reason: .due, markedAt: now)
                _ = write(article, replacing: old, into: &context.work)
                marked.append(old.id)
            }
            return (marked, due.count > limit ? 1 : 0)
        }
        report.knowledgeReviewsDue += marked
        report.deferredKnowledgeReviews += deferred
    }

    /// Marks every unmarked article linking a record `context`'s unit writes as needing review
    /// (the first such record is the reason), in the same unit.
    func markArticlesLinking(in context: inout CommandContext) async throws(HelpDeskError) {
        let touched = context.work.knowledgeLinksTouched
        guard !touched.isEmpty, let repository = try optionalFeature((any KnowledgeRepository).self) else { return }
        let now = clock.now()
        var written = Set(context.work.knowledge.articleWrites.map(\.article.id))
        for link in touched {
            for old in try await storage({ try await repository.knowledgeArticles(linking: link) })
            where old.reviewMark == nil && written.insert(old.id).inserted {
                var article = old
                article.reviewMark = KnowledgeReviewMark(reason: .linkedRecordChanged(link), markedAt: now)
                _ = write(article, replacing: old, into: &context.work)
            }
        }
    }

    /// Gives the sections about an asset the unit moves the asset's new location, in the same unit
    /// (so contacts of that location read them from the move on).
    func followMovedAssets(in context: inout CommandContext) async throws(HelpDeskError) {
        let assets = context.work.clients.assets
        guard !assets.isEmpty, let repository = try optionalFeature((any KnowledgeRepository).self) else { return }
        let sections = try await storage { try await repository.knowledgeSections() }
        for asset in assets {
            for old in sections {
                guard case .client(var scope) = old.audience, scope.assetID == asset.id,
                    scope.locationID != asset.locationID
                else { continue }
                scope.locationID = asset.locationID
                var section = old
                section.audience = .client(scope)
                section.revision = old.revision + 1
                section.updatedAt = clock.now()
                context.work.knowledge.sectionWrites.append(
                    KnowledgeSectionWrite(section: section, expectedRevision: old.revision))
            }
        }
    }

    /// Records that an employee checked the article: clears its review mark and sets the next due
    /// date its interval from now. Needs ``AccessAction/editKnowledge``.
    public func verifyKnowledgeArticle(
        _ id: KnowledgeArticleID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> KnowledgeArticle {
        try await perform(
            by: performer, command: "verifyKnowledgeArticle", key: idempotencyKey, inputs: [id]
        ) { context throws(HelpDeskError) in
            let editor = try knowledgeEditor(context.principal)
            let old = try await loadKnowledgeArticle(id)
            let section = try await loadKnowledgeSection(old.sectionID)
            var article = old
            article.reviewMark = nil
            article.verifiedAt = clock.now()
            article.verifiedBy = editor
            article.reviewDueAt = Self.reviewDue(of: article, in: section)
            return try await writeTrailed(article, replacing: old, by: context.performer, into: &context.work)
        }
    }

    /// The stale report at the clock's instant: every article that needs review and is overdue
    /// (marked, and past its due date; one marked for a linked record's change counts from its
    /// mark), with the reason, whole days overdue, and the distinct tickets that cited it in
    /// `period`; most overdue first, then by identifier. Needs ``AccessAction/editKnowledge``.
    public func staleKnowledgeArticles(citedIn period: Range<Date>, as viewer: Performer)
        async throws(HelpDeskError) -> [StaleKnowledgeArticle]
    {
        _ = try await authorize(viewer, .editKnowledge)
        try Validate.period(period, field: "period")
        let now = clock.now()
        let marked = try await knowledge { try await $0.knowledgeArticlesNeedingReview() }
        let citations = try await knowledge { try await $0.knowledgeCitations(citedIn: period) }
        var tickets: [KnowledgeArticleID: Set<TicketID>] = [:]
        for citation in citations { tickets[citation.articleID, default: []].insert(citation.ticketID) }
        var lines: [StaleKnowledgeArticle] = []
        for article in marked {
            guard let mark = article.reviewMark else { continue }
            let since: Date =
                switch mark.reason {
                case .due: article.reviewDueAt ?? mark.markedAt
                case .linkedRecordChanged: mark.markedAt
                }
            guard since <= now else { continue }
            lines.append(
                StaleKnowledgeArticle(
                    article: article, reason: mark.reason,
                    daysOverdue: max(0, InstantRange.wholeDays(from: since, to: now)),
                    citingTickets: tickets[article.id]?.count ?? 0))
        }
        return lines.sorted { ($1.daysOverdue, $0.article.id) < ($0.daysOverdue, $1.article.id) }
    }
}
