import Foundation
import HelpDeskKit

/// The knowledge base: sections, articles under revisions, versions, citations, review queries
/// and the knowledge stamp.
extension StoreContract {
    static func knowledgeSection(
        _ title: String, parent: KnowledgeSectionID? = nil, audience: KnowledgeAudience = .desk,
        ids: inout SeededIdentifierSource
    ) -> KnowledgeSection {
        KnowledgeSection(
            id: ids.next(), title: title, parentID: parent, position: 2, audience: audience, reviewIntervalDays: 30,
            createdAt: start.addingTimeInterval(0.25))
    }

    static func knowledgeArticle(
        in section: KnowledgeSection, title: String, due: Date? = nil, links: [KnowledgeLink] = [],
        ids: inout SeededIdentifierSource
    ) -> KnowledgeArticle {
        KnowledgeArticle(
            id: ids.next(), sectionID: section.id,
            content: KnowledgeContent(
                title: title, body: "# «\(title)»\nSteps — 1. 🖨️", format: .markdown, tags: ["printer", "Тонер"],
                attachments: [
                    Attachment(fileName: "diagram.png", mediaType: "image/png", byteCount: 1_024, checksum: "sha256:ab")
                ]),
            authorID: ids.next(), createdAt: start.addingTimeInterval(1.5), internalAt: start,
            publishedAt: start.addingTimeInterval(86_400.5), reviewIntervalDays: 7, reviewDueAt: due, links: links)
    }

    static func knowledgeWrite(
        sections: [KnowledgeSection] = [], articles: [KnowledgeArticle] = [], expected: Int? = nil
    ) -> UnitOfWork {
        var work = UnitOfWork()
        work.knowledge.sectionWrites = sections.map { KnowledgeSectionWrite(section: $0, expectedRevision: expected) }
        work.knowledge.articleWrites = articles.map { KnowledgeArticleWrite(article: $0, expectedRevision: expected) }
        work.knowledge.versions = articles.map {
            KnowledgeArticleVersion(
                articleID: $0.id, number: $0.version, content: $0.content, editorID: $0.authorID, at: $0.updatedAt,
                note: expected == nil ? nil : "changed")
        }
        return work
    }

    static let knowledgeChecks: [ContractCheck] = [
        ContractCheck("knowledge sections, articles and versions round-trip, and the stamp counts their writes") {
            store in
            let knowledge = try requireFeature((any KnowledgeRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 150)
            let stamp0 = try await knowledge.knowledgeStamp()
            let company: CompanyID = ids.next()
            let root = knowledgeSection("Printers", ids: &ids)
            let client = knowledgeSection(
                "Alpha network", parent: root.id,
                audience: .client(
                    KnowledgeClientScope(companyID: company, locationID: ids.next(), assetID: ids.next())),
                ids: &ids)
            let link = KnowledgeLink.company(company)
            let articles = (0..<7).map { index in
                knowledgeArticle(
                    in: index.isMultiple(of: 2) ? root : client, title: "Article \(index)",
                    links: index < 2 ? [link] : [],
                    ids: &ids)
            }
            try await store.commit(knowledgeWrite(sections: [root, client], articles: articles))
            let stamp1 = try await knowledge.knowledgeStamp()
            try require(stamp1 != stamp0, "writing articles changes the stamp")
            try requireEqual(try await knowledge.knowledgeSection(client.id), client, "a section by identifier")
            try requireEqual(try await knowledge.knowledgeSections(), [root, client], "sections, parents first")
            try requireEqual(
                try await knowledge.knowledgeArticle(articles[3].id), articles[3], "an article by identifier")
            let sorted = articles.sorted { $0.id < $1.id }
            var paged: [KnowledgeArticle] = []
            var after: KnowledgeArticleID?
            while true {
                let page = try await knowledge.knowledgeArticles(after: after, limit: 3)
                paged += page
                guard let last = page.last, page.count == 3 else { break }
                after = last.id
            }
            try requireEqual(paged, sorted, "every article, paged by identifier")
            try requireEqual(
                try await knowledge.knowledgeArticles(inSection: client.id),
                sorted.filter { $0.sectionID == client.id },
                "by section")
            try requireEqual(
                try await knowledge.knowledgeArticles(linking: link), sorted.filter { $0.links == [link] }, "by link")
            var revised = articles[1]
            revised.content.title = "Article 1, revised"
            revised.revision = 2
            revised.version = 2
            revised.links = [.category(ids.next())]
            try await store.commit(knowledgeWrite(articles: [revised], expected: 1))
            try require(try await knowledge.knowledgeStamp() != stamp1, "a revision changes the stamp")
            try requireEqual(
                try await knowledge.knowledgeArticles(linking: link), [articles[0]], "links replaced with the article")
            try requireEqual(
                try await knowledge.knowledgeVersions(of: revised.id).map(\.number), [1, 2], "versions, oldest first")
            try requireEqual(
                try await knowledge.knowledgeVersions(of: revised.id).last?.content, revised.content, "version content")
        },
        ContractCheck(
            "knowledge writes are refused on a stale revision, a cycle, a changed audience or a missing record"
        ) { store in
            var ids = SeededIdentifierSource(seed: 151)
            let root = knowledgeSection("Root", ids: &ids)
            let child = knowledgeSection("Child", parent: root.id, ids: &ids)
            let article = knowledgeArticle(in: child, title: "Toner", ids: &ids)
            try await store.commit(knowledgeWrite(sections: [root, child], articles: [article]))
            let before = try await StoreSnapshot.capture(store)
            var stale = article
            stale.revision = 3
            try await requireStorageError(.conflict) {
                try await store.commit(knowledgeWrite(articles: [stale], expected: 2))
            }
            try await requireStorageError(.conflict) { try await store.commit(knowledgeWrite(articles: [article])) }
            var loop = root
            loop.parentID = child.id
            loop.revision = 2
            try await requireStorageError(.conflict) {
                try await store.commit(knowledgeWrite(sections: [loop], expected: 1))
            }
            let moved = KnowledgeSection(
                id: root.id, title: root.title, audience: .client(KnowledgeClientScope(companyID: ids.next())),
                revision: 2, createdAt: root.createdAt)
            try await requireStorageError(.conflict) {
                try await store.commit(knowledgeWrite(sections: [moved], expected: 1))
            }
            let orphanSection = knowledgeSection("Orphan", parent: ids.next(), ids: &ids)
            try await requireStorageError(.conflict) {
                try await store.commit(knowledgeWrite(sections: [orphanSection]))
            }
            let homeless = knowledgeArticle(in: orphanSection, title: "Homeless", ids: &ids)
            try await requireStorageError(.conflict) { try await store.commit(knowledgeWrite(articles: [homeless])) }
            var taken = UnitOfWork()
            taken.knowledge.versions = [
                KnowledgeArticleVersion(
                    articleID: article.id, number: 1, content: article.content, editorID: ids.next(), at: start)
            ]
            try await requireStorageError(.conflict) { try await store.commit(taken) }
            var unknownTicket = UnitOfWork()
            unknownTicket.knowledge.citations = [
                KnowledgeCitation(
                    id: ids.next(), articleID: article.id, ticketID: ids.next(), ticketNumber: TicketNumber(9),
                    commentID: ids.next(), isPublic: true, citedAt: start)
            ]
            try await requireStorageError(.conflict) { try await store.commit(unknownTicket) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "store after rejected units")
        },
        ContractCheck("knowledge citations are listed by article, ticket and half-open period, and leave the stamp") {
            store in
            let knowledge = try requireFeature((any KnowledgeRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 152)
            let section = knowledgeSection("Desk", ids: &ids)
            let first = knowledgeArticle(in: section, title: "First", ids: &ids)
            let second = knowledgeArticle(in: section, title: "Second", ids: &ids)
            let ticket = fullTicket(number: 1, ids: &ids)
            var work = creation(of: ticket, ids: &ids)
            work.knowledge = knowledgeWrite(sections: [section], articles: [first, second]).knowledge
            func cite(_ article: KnowledgeArticle, at seconds: TimeInterval, ids: inout SeededIdentifierSource)
                -> KnowledgeCitation
            {
                KnowledgeCitation(
                    id: ids.next(), articleID: article.id, ticketID: ticket.id, ticketNumber: ticket.number,
                    commentID: ids.next(), isPublic: seconds < 100, citedAt: start.addingTimeInterval(seconds))
            }
            let c1 = cite(first, at: 60.5, ids: &ids)
            work.knowledge.citations = [c1]
            try await store.commit(work)
            let stamp = try await knowledge.knowledgeStamp()
            let c2 = cite(first, at: 30, ids: &ids)
            let c3 = cite(second, at: 3_600, ids: &ids)
            var more = UnitOfWork()
            more.knowledge.citations = [c2, c3]
            try await store.commit(more)
            try requireEqual(try await knowledge.knowledgeStamp(), stamp, "citations leave the stamp")
            try requireEqual(
                try await knowledge.knowledgeCitations(of: first.id), [c2, c1], "by article, oldest first")
            try requireEqual(try await knowledge.knowledgeCitations(onTicket: ticket.id), [c2, c1, c3], "by ticket")
            try requireEqual(
                try await knowledge.knowledgeCitations(
                    citedIn: start.addingTimeInterval(30)..<start.addingTimeInterval(3_600)),
                [c2, c1], "by period, end excluded")
            var again = UnitOfWork()
            again.knowledge.citations = [c3]
            try await requireStorageError(.conflict) { try await store.commit(again) }
        },
        ContractCheck("articles due for review: unmarked, not archived, due by the instant, oldest due first, limited")
        { store in
            let knowledge = try requireFeature((any KnowledgeRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 153)
            let section = knowledgeSection("Desk", ids: &ids)
            let now = start.addingTimeInterval(10 * 86_400)
            var articles = (0..<6).map { index in
                knowledgeArticle(
                    in: section, title: "Due \(index)", due: now.addingTimeInterval(Double(index - 3) * 3_600.5),
                    ids: &ids)
            }
            articles[0].reviewMark = KnowledgeReviewMark(reason: .due, markedAt: start)
            articles[1].archivedAt = now
            articles[2].archivedAt = now.addingTimeInterval(1)
            var sameDue = knowledgeArticle(in: section, title: "Same due", due: articles[2].reviewDueAt, ids: &ids)
            sameDue.links = [.asset(ids.next())]
            let undated = knowledgeArticle(in: section, title: "No interval", ids: &ids)
            try await store.commit(knowledgeWrite(sections: [section], articles: articles + [sameDue, undated]))
            let due = [articles[2], sameDue].sorted { $0.id < $1.id } + [articles[3]]
            try requireEqual(
                try await knowledge.knowledgeArticles(reviewDueBy: now, limit: 10), due,
                "due by now (its own instant included), by due then identifier")
            try requireEqual(
                try await knowledge.knowledgeArticles(reviewDueBy: now, limit: 1), Array(due.prefix(1)), "limited")
            try requireEqual(try await knowledge.knowledgeArticlesNeedingReview(), [articles[0]], "the marked article")
            try requireEqual(
                try await knowledge.knowledgeArticles(reviewDueBy: now.addingTimeInterval(3 * 3_600.5), limit: 10),
                [sameDue, articles[3], articles[4], articles[5]], "later: more are due, one more is archived")
        },
        ContractCheck("an asset section may follow its asset to another location, never to another asset or company") {
            store in
            let knowledge = try requireFeature((any KnowledgeRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 155)
            let company: CompanyID = ids.next()
            let scope = KnowledgeClientScope(companyID: company, locationID: ids.next(), assetID: ids.next())
            let section = knowledgeSection("Printer", audience: .client(scope), ids: &ids)
            try await store.commit(knowledgeWrite(sections: [section]))
            var moved = section
            var movedScope = scope
            movedScope.locationID = ids.next()
            moved.audience = .client(movedScope)
            moved.revision = 2
            try await store.commit(knowledgeWrite(sections: [moved], expected: 1))
            try requireEqual(try await knowledge.knowledgeSection(section.id), moved, "the new location")
            for other in [
                KnowledgeClientScope(companyID: company, locationID: movedScope.locationID, assetID: ids.next()),
                KnowledgeClientScope(companyID: ids.next(), locationID: movedScope.locationID, assetID: scope.assetID),
            ] {
                var changed = moved
                changed.audience = .client(other)
                changed.revision = 3
                try await requireStorageError(.conflict) {
                    try await store.commit(knowledgeWrite(sections: [changed], expected: 2))
                }
            }
            try requireEqual(try await knowledge.knowledgeSection(section.id), moved, "refused changes left it")
        },
        ContractCheck("racing writes of one article have exactly one winner per revision") { store in
            let knowledge = try requireFeature((any KnowledgeRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 154)
            let section = knowledgeSection("Desk", ids: &ids)
            let article = knowledgeArticle(in: section, title: "Raced", ids: &ids)
            try await store.commit(knowledgeWrite(sections: [section], articles: [article]))
            for round in 1...6 {
                let units = (0..<5).map { racer in
                    var edited = article
                    edited.content.title = "round \(round) racer \(racer)"
                    edited.revision = round + 1
                    edited.version = round + 1
                    return knowledgeWrite(articles: [edited], expected: round)
                }
                let winners = try await Races.winners(of: units, on: store)
                try require(winners == 1, "round \(round): \(winners) writes won, expected exactly one")
            }
            try requireEqual(try await knowledge.knowledgeArticle(article.id)?.revision, 7, "one revision per round")
            try requireEqual(try await knowledge.knowledgeVersions(of: article.id).count, 7, "one version per winner")
        },
    ]
}
