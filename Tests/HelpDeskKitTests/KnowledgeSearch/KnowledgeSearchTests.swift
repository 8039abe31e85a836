import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Issue #21: the search follows every change of the knowledge base, whichever engine made it,
/// ranks title over tags over body, and refuses bad requests.
@Suite("Knowledge search")
struct KnowledgeSearchTests {
    @Test func followsEditsMovesAndAnotherEngine() async throws {
        let f = try await KnowledgeFixture.make()
        let desk = try await f.section("Printers")
        let alphas = try await f.section(
            "Alpha's network", audience: .client(KnowledgeClientScope(companyID: f.alpha.id)))
        let jam = try await f.desk.writeKnowledgeArticle(
            NewKnowledgeArticle(
                content: KnowledgeContent(title: "Paper jam", body: "Open tray two and pull the sheet."),
                settings: KnowledgeArticleSettings(sectionID: desk.id), schedule: f.publicNow),
            by: f.editor)
        let bob = Performer.contact(f.bob.id)
        #expect(try await ids("tray", as: bob, on: f.desk) == [jam.id])

        // A revision replaces the words the index holds.
        _ = try await f.desk.reviseKnowledgeArticle(
            jam.id, KnowledgeContent(title: "Paper jam", body: "Open the rear door and pull the sheet."), by: f.editor)
        #expect(try await ids("tray", as: bob, on: f.desk).isEmpty)
        #expect(try await ids("rear door", as: bob, on: f.desk) == [jam.id])

        // Moved into Alpha's own section: Beta's contact no longer finds it, Alpha's does.
        _ = try await f.desk.changeKnowledgeArticle(
            jam.id, KnowledgeArticleSettings(sectionID: alphas.id), by: f.editor)
        #expect(try await ids("rear door", as: bob, on: f.desk).isEmpty)
        #expect(try await ids("rear door", as: .contact(f.carl.id), on: f.desk) == [jam.id])

        // A second engine on the same store sees the first one's changes, and the first the second's.
        let other = HelpDesk(
            store: f.test.store, clock: f.test.clock.clock, identifiers: SeededIdentifierSource(seed: 99),
            random: SeededRandomSource(seed: 98))
        #expect(try await ids("rear door", as: .contact(f.carl.id), on: other) == [jam.id])
        let toner = try await other.writeKnowledgeArticle(
            NewKnowledgeArticle(
                content: KnowledgeContent(title: "Toner", body: "Shake the cartridge."),
                settings: KnowledgeArticleSettings(sectionID: desk.id), schedule: f.publicNow),
            by: f.editor)
        #expect(try await ids("cartridge", as: bob, on: f.desk) == [toner.id])
        _ = try await other.scheduleKnowledgeArticle(
            toner.id, KnowledgeSchedule(internalAt: f.now, publishedAt: f.now, archivedAt: f.now), by: f.editor)
        #expect(try await ids("cartridge", as: bob, on: f.desk).isEmpty, "archived on the other engine")
        #expect(try await ids("cartridge", as: f.editor, on: f.desk) == [toner.id], "editors still find it")
    }

    @Test func titleOutranksTagsOutranksBody() async throws {
        let f = try await KnowledgeFixture.make()
        let section = try await f.section("Printers")
        func write(_ title: String, tags: [String], body: String) async throws -> KnowledgeArticleID {
            try await f.desk.writeKnowledgeArticle(
                NewKnowledgeArticle(
                    content: KnowledgeContent(title: title, body: body, tags: tags),
                    settings: KnowledgeArticleSettings(sectionID: section.id), schedule: f.publicNow),
                by: f.editor
            ).id
        }
        let inBody = try await write("Daily checks", tags: ["office"], body: "Check the scanner glass every morning.")
        let inTags = try await write("Daily checks", tags: ["scanner"], body: "Check the glass every morning.")
        let inTitle = try await write("Scanner checks", tags: ["office"], body: "Check the glass every morning.")
        #expect(try await ids("scanner", as: f.editor, on: f.desk) == [inTitle, inTags, inBody])
        // Russian and English words meet their inflected forms.
        let russian = try await write("Замятие бумаги в принтере", tags: [], body: "Откройте заднюю крышку принтера.")
        #expect(try await ids("принтеры", as: f.editor, on: f.desk) == [russian])
        #expect(try await ids("замятия бумаг", as: f.editor, on: f.desk) == [russian])
        let typed = try await f.desk.searchKnowledge(KnowledgeSearchRequest("прин", asYouType: true), as: f.editor)
        #expect(typed.hits.map(\.articleID) == [russian])
        #expect(typed.hits.first?.excerpt == "Откройте заднюю крышку принтера.")
    }

    @Test func refusesBadRequestsAndChangesNothing() async throws {
        let f = try await KnowledgeFixture.make()
        let bad: [KnowledgeSearchRequest] = [
            KnowledgeSearchRequest("toner", limit: 0), KnowledgeSearchRequest("toner", limit: 101),
            KnowledgeSearchRequest("toner", limit: .max), KnowledgeSearchRequest("toner", offset: -1),
            KnowledgeSearchRequest("toner", offset: .max), KnowledgeSearchRequest(String(repeating: "я", count: 1_001)),
        ]
        for request in bad {
            await #expect(throws: HelpDeskError.self, "\(request.limit) \(request.offset) \(request.text.count)") {
                try await f.desk.searchKnowledge(request, as: f.editor)
            }
        }
        await #expect(throws: HelpDeskError.self) {
            try await f.desk.suggestArticles(title: "x", limit: 0, as: f.editor)
        }
        let empty = try await f.desk.searchKnowledge(KnowledgeSearchRequest("   "), as: f.editor)
        #expect(empty.hits.isEmpty && empty.total == 0)
    }

    private func ids(_ text: String, as performer: Performer, on desk: HelpDesk) async throws -> [KnowledgeArticleID] {
        try await desk.searchKnowledge(KnowledgeSearchRequest(text), as: performer).hits.map(\.articleID)
    }
}
