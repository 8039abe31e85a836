import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Every editor's change of a section or an article leaves a record-trail entry with the fields
/// that changed (the content's own history is in the versions), read by editors only.
@Suite("Knowledge base: the record trail")
struct KnowledgeTrailTests {
    @Test func editsOfSectionsAndArticlesAreTrailed() async throws {
        let f = try await KnowledgeFixture.make()
        let section = try await f.section("Printers", review: 30)
        _ = try await f.desk.changeKnowledgeSection(
            section.id, KnowledgeSectionDefinition(title: "Printers and copiers", reviewIntervalDays: 30), by: f.editor)
        let sectionTrail = try await f.desk.trail(of: .knowledgeSection(section.id), as: f.editor)
        #expect(sectionTrail.map(\.action) == [.created, .updated])
        #expect(sectionTrail.last?.changes == [TrailChange("title", from: "Printers", to: "Printers and copiers")])

        let article = try await f.article("Toner", in: section)
        let later = f.now.addingTimeInterval(3_600)
        _ = try await f.desk.scheduleKnowledgeArticle(
            article.id, KnowledgeSchedule(internalAt: f.now, publishedAt: later), by: f.editor)
        _ = try await f.desk.reviseKnowledgeArticle(
            article.id, KnowledgeContent(title: "Toner", body: "Shake the cartridge."), by: f.editor)
        _ = try await f.desk.reviseKnowledgeArticle(
            article.id, KnowledgeContent(title: "Toner", body: "Shake the cartridge."), by: f.editor)
        _ = try await f.desk.verifyKnowledgeArticle(article.id, by: f.editor)
        let trail = try await f.desk.trail(of: .knowledgeArticle(article.id), as: f.editor)
        #expect(trail.map(\.action) == [.created, .updated, .updated, .updated], "an unchanged revision adds nothing")
        #expect(Set(trail[1].changes.map(\.field)) == ["internalAt", "publishedAt"])
        #expect(trail[2].changes == [TrailChange("version", from: "1", to: "2")])
        #expect(trail[3].changes.map(\.field).contains("verifiedBy"))
        #expect(trail.allSatisfy { $0.performer == f.editor })

        await #expect(throws: HelpDeskError.self, "staff who only read internal articles do not read their trail") {
            try await f.desk.trail(of: .knowledgeArticle(article.id), as: .employee(f.reader.id))
        }
        await #expect(throws: HelpDeskError.self) {
            try await f.desk.trail(of: .knowledgeSection(section.id), as: .contact(f.carl.id))
        }
    }
}
