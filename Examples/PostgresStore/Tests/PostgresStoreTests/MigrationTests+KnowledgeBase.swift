import Foundation
import Logging
import PostgresNIO
import HelpDeskKit
import HelpDeskTestSupport
import PostgresStore
import Testing

/// Versions 15 and 16: the knowledge base and canned answers (issue #21).
extension MigrationTests {
    @Test func version15AddsTheKnowledgeBaseAndItsStamp() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            var ids = SeededIdentifierSource(seed: 115)
            // A database of a build before the knowledge base: version 15 undone.
            try await Self.undo(from: 15, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) == 14)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await store.knowledgeSections() == [], "no sections yet")
            let stamp = try await store.knowledgeStamp()
            let at = Date(timeIntervalSinceReferenceDate: 800_000_000.5)
            let section = KnowledgeSection(id: ids.next(), title: "Printers", reviewIntervalDays: 30, createdAt: at)
            let author: EmployeeID = ids.next()
            let article = KnowledgeArticle(
                id: ids.next(), sectionID: section.id, content: KnowledgeContent(title: "Toner", body: "Shake it."),
                authorID: author, createdAt: at, reviewDueAt: at.addingTimeInterval(30 * 86_400),
                links: [.category(ids.next())])
            var work = UnitOfWork()
            work.knowledge.sectionWrites = [KnowledgeSectionWrite(section: section, expectedRevision: nil)]
            work.knowledge.articleWrites = [KnowledgeArticleWrite(article: article, expectedRevision: nil)]
            work.knowledge.versions = [
                KnowledgeArticleVersion(articleID: article.id, number: 1, content: article.content, editorID: author, at: at)
            ]
            try await store.commit(work)
            #expect(try await store.knowledgeArticle(article.id) == article)
            #expect(try await store.knowledgeArticles(linking: article.links[0]) == [article])
            #expect(try await store.knowledgeArticles(reviewDueBy: at.addingTimeInterval(31 * 86_400), limit: 5) == [article])
            #expect(try await store.knowledgeStamp() != stamp, "a written article changes the stamp")
            var cycle = UnitOfWork()
            var looped = section
            looped.parentID = section.id
            looped.revision = 2
            cycle.knowledge.sectionWrites = [KnowledgeSectionWrite(section: looped, expectedRevision: 1)]
            await #expect(throws: StorageError.self) { try await store.commit(cycle) }
            #expect(try await store.knowledgeSections() == [section], "the refused unit changed nothing")
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }

    @Test func version16AddsCannedAnswersWithUniqueActiveShortcuts() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            var ids = SeededIdentifierSource(seed: 116)
            // A database of a build before canned answers: version 16 undone, no table.
            try await Self.undo(from: 16, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) < 16)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await store.cannedAnswers() == [], "no answers yet")
            let answer = CannedAnswer(
                id: ids.next(),
                definition: try CannedAnswerDefinition(name: "Привет", shortcut: "Hi", text: "Hello {{ agent.name }}"),
                createdBy: .system, createdAt: Date(timeIntervalSince1970: 1_772_442_000))
            var work = UnitOfWork()
            work.cannedAnswerWrites = [CannedAnswerWrite(answer: answer, expectedRevision: nil)]
            try await store.commit(work)
            #expect(try await store.cannedAnswer(shortcut: "hi") == answer)
            var taken = UnitOfWork()
            var twin = CannedAnswer(id: ids.next(), definition: answer.definition, createdBy: .system, createdAt: answer.createdAt)
            twin.definition.shortcut = "HI"
            taken.cannedAnswerWrites = [CannedAnswerWrite(answer: twin, expectedRevision: nil)]
            await #expect(throws: StorageError.self) { try await store.commit(taken) }
            #expect(try await store.cannedAnswers() == [answer], "the refused unit changed nothing")
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }
}
