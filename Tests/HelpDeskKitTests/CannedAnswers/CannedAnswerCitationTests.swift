import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Issue #21: an engineer answers with a canned reply citing a public article; the citation is
/// checked like any reply's (a public answer may cite only what the requester may read) and a
/// refused answer changes nothing.
@Suite("Canned answers cite knowledge-base articles")
struct CannedAnswerCitationTests {
    @Test func aPublicAnswerCitesWhatTheRequesterMayReadOnly() async throws {
        let f = try await KnowledgeFixture.make()
        let section = try await f.section("Printers")
        let open = try await f.article("Clear a paper jam", in: section, schedule: f.publicNow)
        let staffOnly = try await f.article(
            "Reset the print server", in: section, schedule: KnowledgeSchedule(internalAt: f.now))
        let ticket = try await f.desk.createTicket(
            NewTicket(title: "Paper jam", channel: .portal, requester: .contact(f.carl.id)), by: .contact(f.carl.id))
        let reply = try await f.desk.createCannedAnswer(
            try CannedAnswerDefinition(name: "Jam", shortcut: "jam", text: "{{ requester.name }}, see the article."),
            by: .system)
        let boris = Performer.employee(f.test.boris.id)

        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError(.knowledgeArticleNotReadableByRequester(staffOnly.id, ticket.number))) {
            try await f.desk.answerWithCannedAnswer(
                reply.id, on: ticket.id, citing: [open.id, staffOnly.id], by: boris)
        }
        #expect(try await f.test.snapshot() == before, "a refused answer changes nothing")

        let comment = try await f.desk.answerWithCannedAnswer(reply.id, on: ticket.id, citing: [open.id], by: boris)
        #expect(comment.body == "Carl, see the article.")
        let cited = try await f.desk.citedKnowledgeArticles(on: ticket.id, as: .contact(f.carl.id))
        #expect(cited.map(\.citation.articleID) == [open.id] && cited.map(\.title) == ["Clear a paper jam"])
        #expect(try await f.desk.knowledgeCitations(of: open.id, as: f.editor).map(\.commentID) == [comment.id])
    }
}
