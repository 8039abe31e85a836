import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import TextSearch

/// Issue #21: search, suggestions and counts never reveal an article the reader may not read.
///
/// Six audiences (the desk; Alpha; Alpha's office, warehouse and printer; Beta) × six schedules
/// (draft, internal, public, archived, publishing in an hour, archived in an hour), each article
/// holding a secret number of its own and the word "printer". Nine readers search every secret,
/// the common word and suggestions, before and after the scheduled changes, against a small
/// model of who may read what; the scores of what they see must equal those of an index holding
/// only that, so not even a ranking shows what else exists.
@Suite("Knowledge search: the leak matrix")
struct KnowledgeSearchLeakTests {
    /// A reader as the model knows it.
    enum ModelReader {
        case editor, staff, employee, client
        case contact(CompanyID, locations: Set<LocationID>?)
    }

    struct Planted {
        let article: KnowledgeArticle
        let secret: String
        let company: CompanyID?
        let location: LocationID?
    }

    @Test func noReaderFindsOrCountsWhatItMayNotRead() async throws {
        let f = try await KnowledgeFixture.make()
        let start = f.now
        let hour: TimeInterval = 3_600
        let audiences: [KnowledgeAudience] = [
            .desk, .client(KnowledgeClientScope(companyID: f.alpha.id)),
            .client(KnowledgeClientScope(companyID: f.alpha.id, locationID: f.office.id)),
            .client(KnowledgeClientScope(companyID: f.alpha.id, locationID: f.warehouse.id)),
            .client(KnowledgeClientScope(companyID: f.alpha.id, locationID: f.warehouse.id, assetID: f.printer.id)),
            .client(KnowledgeClientScope(companyID: f.beta.id)),
        ]
        let schedules = [
            KnowledgeSchedule.draft, KnowledgeSchedule(internalAt: start),
            KnowledgeSchedule(internalAt: start, publishedAt: start),
            KnowledgeSchedule(internalAt: start, publishedAt: start, archivedAt: start),
            KnowledgeSchedule(internalAt: start, publishedAt: start + hour),
            KnowledgeSchedule(internalAt: start, publishedAt: start, archivedAt: start + hour),
        ]
        var planted: [Planted] = []
        for (a, audience) in audiences.enumerated() {
            let section = try await f.section("Section \(a)", audience: audience)
            for schedule in schedules {
                let secret = String(90_000 + planted.count)
                let article = try await f.desk.writeKnowledgeArticle(
                    NewKnowledgeArticle(
                        content: KnowledgeContent(
                            title: "Printer note \(planted.count)", body: "The printer code is \(secret).",
                            tags: planted.count.isMultiple(of: 2) ? ["printer"] : []),
                        settings: KnowledgeArticleSettings(sectionID: section.id), schedule: schedule),
                    by: f.editor)
                guard case .client(let scope) = audience else {
                    planted.append(Planted(article: article, secret: secret, company: nil, location: nil))
                    continue
                }
                planted.append(
                    Planted(article: article, secret: secret, company: scope.companyID, location: scope.locationID))
            }
        }
        let readers: [(String, Performer, ModelReader)] = [
            ("the system", .system, .editor), ("Anna (administrator)", f.editor, .editor),
            ("an employee with kb.readInternal", .employee(f.reader.id), .staff),
            ("an employee without knowledge permissions", .employee(f.clerk.id), .employee),
            ("Carl (Alpha, company scope)", .contact(f.carl.id), .contact(f.alpha.id, locations: nil)),
            ("Lena (Alpha, warehouse)", .contact(f.lena.id), .contact(f.alpha.id, locations: [f.warehouse.id])),
            (
                "Alice (Alpha, office, own tickets)", .contact(f.alice.id),
                .contact(f.alpha.id, locations: [f.office.id])
            ),
            ("Bob (Beta)", .contact(f.bob.id), .contact(f.beta.id, locations: [])),
            ("a client known by name", .client(name: "Walk-in"), .client),
        ]
        for instant in [start, start + 2 * hour] {
            f.test.clock.set(to: instant)
            for (name, performer, model) in readers {
                let visible = planted.filter { Self.mayRead(model, $0, at: instant) }
                try await Self.check(name, performer, sees: visible, of: planted, on: f.desk)
            }
        }
    }

    /// The model: Zammad's timestamps decide the state; staff read internal and public, other
    /// employees public; a contact public articles of the desk and of its company's sections at
    /// its locations; a client known by name public desk articles.
    static func mayRead(_ reader: ModelReader, _ planted: Planted, at instant: Date) -> Bool {
        let article = planted.article
        let archived = article.archivedAt.map { $0 <= instant } ?? false
        let published = !archived && (article.publishedAt.map { $0 <= instant } ?? false)
        let isInternal = !archived && !published && (article.internalAt.map { $0 <= instant } ?? false)
        switch reader {
        case .editor: return true
        case .staff: return published || isInternal
        case .employee: return published
        case .client: return published && planted.company == nil
        case .contact(let company, let locations):
            guard published else { return false }
            guard let own = planted.company else { return true }
            guard own == company else { return false }
            guard let location = planted.location, let locations else { return true }
            return locations.contains(location)
        }
    }

    /// Every way `performer` searches finds exactly `visible`, ranked as if nothing else existed.
    static func check(
        _ name: String, _ performer: Performer, sees visible: [Planted], of planted: [Planted], on desk: HelpDesk
    ) async throws {
        let ids = Set(visible.map(\.article.id))
        for item in planted {
            let found = try await desk.searchKnowledge(KnowledgeSearchRequest(item.secret), as: performer)
            let expected = ids.contains(item.article.id)
            #expect(found.total == (expected ? 1 : 0), "\(name) counts \(item.article.title)")
            #expect(
                found.hits.map(\.articleID) == (expected ? [item.article.id] : []), "\(name): \(item.article.title)")
        }
        let common = try await desk.searchKnowledge(KnowledgeSearchRequest("printer", limit: 100), as: performer)
        #expect(Set(common.hits.map(\.articleID)) == ids && common.total == ids.count, "\(name) searching 'printer'")
        let typing = try await desk.searchKnowledge(
            KnowledgeSearchRequest("print", asYouType: true, limit: 100), as: performer)
        #expect(Set(typing.hits.map(\.articleID)) == ids && typing.total == ids.count, "\(name) typing 'print'")
        let suggested = try await desk.suggestArticles(title: "The printer", limit: 100, as: performer)
        #expect(Set(suggested.hits.map(\.articleID)) == ids, "\(name)'s suggestions")
        if case .contact(let contact) = performer {
            let portal = try await desk.portal(for: contact).searchKnowledge(
                KnowledgeSearchRequest("printer", limit: 100))
            #expect(portal == common, "\(name)'s portal search is the engine's")
        }

        // Scores equal those of an index of only the visible articles.
        var alone = try SearchIndex<KnowledgeArticleID>(fields: [
            SearchField("title", weight: 3), SearchField("tags", weight: 2), SearchField("body", weight: 1),
        ])
        for item in visible {
            let content = item.article.content
            try alone.upsert(
                item.article.id, partition: 0,
                fields: [content.title, content.tags.joined(separator: " "), content.body])
        }
        let reference = alone.search(SearchQuery("printer", partitions: [0], limit: 100))
        let scores = Dictionary(uniqueKeysWithValues: reference.hits.map { ($0.key, $0.score) })
        for hit in common.hits {
            let score = scores[hit.articleID] ?? .nan
            #expect(abs(hit.score - score) <= 1e-9 * max(1, abs(score)), "\(name): \(hit.title) scores as alone")
        }
    }
}
