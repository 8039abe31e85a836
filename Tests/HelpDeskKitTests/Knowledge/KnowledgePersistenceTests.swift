import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// What the file store journals (units of work) and snapshots (store images) as JSON keeps every
/// knowledge record, and a store rebuilt from an image reads the same.
@Suite("Knowledge base: units and images round-trip")
struct KnowledgePersistenceTests {
    /// A desk with sections, versions, marks, links and citations.
    static func populated() async throws -> (KnowledgeFixture, InMemoryStore) {
        let f = try await KnowledgeFixture.make()
        let section = try await f.section("Printers", review: 3)
        let client = try await f.section(
            "Printer", audience: .client(KnowledgeClientScope(companyID: f.alpha.id, assetID: f.printer.id)))
        let article = try await f.article("Toner", in: section, schedule: f.publicNow, links: [.asset(f.printer.id)])
        _ = try await f.article("Drivers", in: client, schedule: KnowledgeSchedule(internalAt: f.now))
        _ = try await f.desk.reviseKnowledgeArticle(
            article.id,
            KnowledgeContent(title: "Toner «B»", body: "Shake — gently 🖨️", format: .plainText, tags: ["Тонер"]),
            note: "clearer", by: f.editor)
        let ticket = try await f.test.ticket()
        _ = try await f.desk.comment(on: ticket.id, NewComment("See", citations: [article.id]), by: f.editor)
        _ = try await f.desk.updateAsset(f.printer.id, AssetUpdate(inventoryNumber: "INV-2"), by: .system)
        f.test.clock.advance(by: 4 * 86_400)
        _ = try await f.desk.tick(now: f.now)
        return (f, try #require(f.test.store as? InMemoryStore))
    }

    @Test func anImageThroughJSONRebuildsTheSameKnowledgeBase() async throws {
        let (f, store) = try await Self.populated()
        let image = store.image()
        #expect(image.knowledge.sections.count == 2 && image.knowledge.articles.count == 2)
        #expect(image.knowledge.versions.count == 3 && image.knowledge.citations.count == 1)
        let decoded = try JSONDecoder().decode(StoreImage.self, from: try JSONEncoder().encode(image))
        #expect(decoded == image)
        let rebuilt = InMemoryStore(image: decoded)
        let before = try await f.test.snapshot()
        #expect(try await StoreSnapshot.capture(rebuilt, workflow: f.desk.workflow) == before)
        #expect(before.knowledge == image.knowledge, "the snapshot reads every record through the repository")
    }

    @Test func everyUnitReplayedFromJSONRebuildsTheSameStore() async throws {
        let f = try await KnowledgeFixture.make()
        let section = KnowledgeSection(id: Identifier(UUID()), title: "S", createdAt: f.now)
        let article = KnowledgeArticle(
            id: Identifier(UUID()), sectionID: section.id, content: KnowledgeContent(title: "T", body: "B"),
            authorID: f.test.anna.id, createdAt: f.now, publishedAt: f.now, reviewDueAt: f.now,
            reviewMark: KnowledgeReviewMark(
                reason: .linkedRecordChanged(.category(f.test.printers.id)), markedAt: f.now),
            links: [.category(f.test.printers.id)])
        var work = UnitOfWork()
        work.knowledge.sectionWrites = [KnowledgeSectionWrite(section: section, expectedRevision: nil)]
        work.knowledge.articleWrites = [KnowledgeArticleWrite(article: article, expectedRevision: nil)]
        work.knowledge.versions = [
            KnowledgeArticleVersion(
                articleID: article.id, number: 1, content: article.content, editorID: f.test.anna.id, at: f.now,
                note: "n")
        ]
        let decoded = try JSONDecoder().decode(UnitOfWork.self, from: try JSONEncoder().encode(work))
        #expect(decoded == work)
        let keys = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(work)) as? [String: Any]
        #expect(
            keys?["knowledgeSectionWrites"] != nil && keys?["knowledgeCitations"] == nil,
            "flat keys, empty lists left out")
        let empty = try JSONDecoder().decode(UnitOfWork.self, from: try JSONEncoder().encode(UnitOfWork()))
        #expect(empty[KnowledgeChanges.self].isEmpty, "units journaled before the knowledge base decode")
    }
}
