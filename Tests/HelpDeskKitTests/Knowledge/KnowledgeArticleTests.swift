import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Sections (the tree, audiences), articles (validation, versions, restore) and the stamp.
@Suite("Knowledge base: sections, articles and versions")
struct KnowledgeArticleTests {
    @Test func sectionsFormATreeWithoutCyclesWithinTheDepthAndAudienceRules() async throws {
        let f = try await KnowledgeFixture.make { $0.knowledge.maximumSectionDepth = 3 }
        let root = try await f.section("Root")
        let child = try await f.section("Child", parent: root.id)
        let grandchild = try await f.section("Grandchild", parent: child.id)
        await #expect(throws: HelpDeskError.invalidInput(field: "parentID", problem: .outOfRange(1...3))) {
            try await f.section("Too deep", parent: grandchild.id)
        }
        await #expect(
            throws: HelpDeskError.invalidInput(
                field: "parentID", problem: .malformed(expected: "a section outside its own subtree"))
        ) {
            try await f.desk.changeKnowledgeSection(
                root.id, KnowledgeSectionDefinition(title: "Root", parentID: grandchild.id), by: f.editor)
        }
        await #expect(
            throws: HelpDeskError.invalidInput(
                field: "parentID", problem: .malformed(expected: "a section outside its own subtree"))
        ) {
            try await f.desk.changeKnowledgeSection(
                root.id, KnowledgeSectionDefinition(title: "Root", parentID: root.id), by: f.editor)
        }
        let other = try await f.section("Other")
        let moved = try await f.desk.changeKnowledgeSection(
            child.id, KnowledgeSectionDefinition(title: "Child", parentID: other.id, position: 4), by: f.editor)
        #expect(moved.parentID == other.id && moved.position == 4 && moved.revision == 2)
        await #expect(throws: HelpDeskError.invalidInput(field: "parentID", problem: .outOfRange(1...3))) {
            // Other's subtree (other → child → grandchild) is three deep: it cannot move under root.
            try await f.desk.changeKnowledgeSection(
                other.id, KnowledgeSectionDefinition(title: "Other", parentID: root.id), by: f.editor)
        }
        let alpha = KnowledgeAudience.client(KnowledgeClientScope(companyID: f.alpha.id))
        let alphaSection = try await f.section("Alpha", audience: alpha)
        await #expect(
            throws: HelpDeskError.invalidInput(
                field: "audience", problem: .malformed(expected: "the parent section's audience or narrower"))
        ) {
            try await f.section("Desk under Alpha", parent: alphaSection.id)
        }
        await #expect(
            throws: HelpDeskError.invalidInput(
                field: "audience", problem: .malformed(expected: "the parent section's audience or narrower"))
        ) {
            try await f.section(
                "Beta under Alpha", audience: .client(KnowledgeClientScope(companyID: f.beta.id)),
                parent: alphaSection.id)
        }
        let office = try await f.section(
            "Office", audience: .client(KnowledgeClientScope(companyID: f.alpha.id, locationID: f.office.id)),
            parent: alphaSection.id)
        #expect(office.parentID == alphaSection.id)
        await #expect(throws: HelpDeskError.crossCompanyLink(.location(f.office.id), expected: f.beta.id)) {
            try await f.section(
                "Wrong", audience: .client(KnowledgeClientScope(companyID: f.beta.id, locationID: f.office.id)))
        }
        await #expect(
            throws: HelpDeskError.invalidInput(
                field: "audience.locationID", problem: .malformed(expected: "the asset's location"))
        ) {
            try await f.section(
                "Printer",
                audience: .client(
                    KnowledgeClientScope(companyID: f.alpha.id, locationID: f.office.id, assetID: f.printer.id)))
        }
        await #expect(
            throws: HelpDeskError.invalidInput(
                field: "audience", problem: .malformed(expected: "the section's audience"))
        ) {
            try await f.desk.changeKnowledgeSection(
                root.id, KnowledgeSectionDefinition(title: "Root", audience: alpha), by: f.editor)
        }
        let unchanged = try await f.desk.changeKnowledgeSection(
            office.id,
            KnowledgeSectionDefinition(
                title: "  Office  ", parentID: alphaSection.id, audience: office.audience), by: f.editor)
        #expect(unchanged == office, "a change that changes nothing commits nothing (the title is trimmed)")
    }

    @Test func refusedCommandsChangeNothing() async throws {
        let f = try await KnowledgeFixture.make()
        let section = try await f.section("Printers")
        let article = try await f.article("Toner", in: section)
        let before = try await f.test.snapshot()
        func content(_ change: (inout KnowledgeContent) -> Void) -> KnowledgeContent {
            var content = KnowledgeContent(title: "Toner", body: "Shake it.")
            change(&content)
            return content
        }
        let refusals: [(String, HelpDeskError, () async throws -> Void)] = [
            (
                "blank title", .invalidInput(field: "title", problem: .blank),
                {
                    _ = try await f.desk.reviseKnowledgeArticle(article.id, content { $0.title = "  " }, by: f.editor)
                }
            ),
            (
                "blank body", .invalidInput(field: "body", problem: .blank),
                {
                    _ = try await f.desk.reviseKnowledgeArticle(article.id, content { $0.body = "\n" }, by: f.editor)
                }
            ),
            (
                "blank tag", .invalidInput(field: "tags", problem: .blank),
                {
                    _ = try await f.desk.reviseKnowledgeArticle(
                        article.id, content { $0.tags = ["ok", " "] }, by: f.editor)
                }
            ),
            (
                "too many tags", .invalidInput(field: "tags", problem: .outOfRange(0...32)),
                {
                    _ = try await f.desk.reviseKnowledgeArticle(
                        article.id, content { $0.tags = (0..<33).map { "t\($0)" } }, by: f.editor)
                }
            ),
            (
                "a tag on two lines", .invalidInput(field: "tags", problem: .malformed(expected: "a tag on one line")),
                {
                    _ = try await f.desk.reviseKnowledgeArticle(
                        article.id, content { $0.tags = ["a\nb"] }, by: f.editor)
                }
            ),
            (
                "a bad attachment",
                .invalidInput(
                    field: "attachment.fileName", problem: .malformed(expected: "a name without directories")),
                {
                    _ = try await f.desk.reviseKnowledgeArticle(
                        article.id,
                        content {
                            $0.attachments = [
                                Attachment(fileName: "../x", mediaType: "a/b", byteCount: 1, checksum: "s:ab")
                            ]
                        }, by: f.editor)
                }
            ),
            (
                "unknown article",
                .init(.knowledgeArticleNotFound(Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000001")!))),
                {
                    _ = try await f.desk.reviseKnowledgeArticle(
                        Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000001")!), content { _ in },
                        by: f.editor)
                }
            ),
            (
                "unknown version", .init(.knowledgeVersionNotFound(article.id, number: 2)),
                {
                    _ = try await f.desk.restoreKnowledgeVersion(article.id, number: 2, by: f.editor)
                }
            ),
            (
                "unknown linked company",
                .companyNotFound(Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000002")!)),
                {
                    _ = try await f.desk.changeKnowledgeArticle(
                        article.id,
                        KnowledgeArticleSettings(
                            sectionID: section.id,
                            links: [.company(Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000002")!))]),
                        by: f.editor)
                }
            ),
            (
                "interval out of range", .invalidInput(field: "reviewIntervalDays", problem: .outOfRange(1...3_650)),
                {
                    _ = try await f.desk.changeKnowledgeArticle(
                        article.id, KnowledgeArticleSettings(sectionID: section.id, reviewIntervalDays: 0), by: f.editor
                    )
                }
            ),
            (
                "instant out of range", .invalidInput(field: "publishedAt", problem: .outOfRange(InstantRange.seconds)),
                {
                    _ = try await f.desk.scheduleKnowledgeArticle(
                        article.id, KnowledgeSchedule(publishedAt: .distantFuture), by: f.editor)
                }
            ),
            (
                "the system cannot author", .forbidden(.system, action: "kb.edit"),
                {
                    _ = try await f.desk.reviseKnowledgeArticle(article.id, content { _ in }, by: .system)
                }
            ),
            (
                "a reader cannot edit", .forbidden(.employee(f.reader.id), action: "kb.edit"),
                {
                    _ = try await f.desk.reviseKnowledgeArticle(
                        article.id, content { _ in }, by: .employee(f.reader.id))
                }
            ),
            (
                "a contact cannot edit", .forbidden(.contact(f.carl.id), action: "kb.edit"),
                {
                    _ = try await f.desk.verifyKnowledgeArticle(article.id, by: .contact(f.carl.id))
                }
            ),
        ]
        for (name, expected, attempt) in refusals {
            await #expect(throws: expected, "\(name)") { try await attempt() }
        }
        #expect(try await f.test.snapshot() == before, "refusals changed nothing")
    }

    @Test func everyContentChangeIsAVersionAndAnOldVersionCanBeRestored() async throws {
        let f = try await KnowledgeFixture.make()
        let section = try await f.section("Printers")
        let first = try await f.article("Toner", in: section)
        #expect(first.version == 1 && first.revision == 1 && first.authorID == f.test.anna.id)
        #expect(first.content.tags == ["how-to"])
        f.test.clock.advance(by: 60)
        let second = try await f.desk.reviseKnowledgeArticle(
            first.id,
            KnowledgeContent(
                title: "Toner", body: "Shake it.", format: .plainText, tags: [" Toner ", "toner", "Тонер"]),
            note: "  simpler  ", by: f.editor)
        #expect(second.version == 2 && second.revision == 2 && second.updatedAt == f.now)
        #expect(second.content.tags == ["Toner", "Тонер"], "tags trimmed, duplicates ignoring case dropped")
        let same = try await f.desk.reviseKnowledgeArticle(first.id, second.content, by: f.editor)
        #expect(same == second, "the same content is no new version")
        let scheduled = try await f.desk.scheduleKnowledgeArticle(first.id, f.publicNow, by: f.editor)
        #expect(scheduled.version == 2 && scheduled.revision == 3, "visibility is no content change")
        f.test.clock.advance(by: 60)
        let restored = try await f.desk.restoreKnowledgeVersion(first.id, number: 1, by: .employee(f.test.boris.id))
        #expect(restored.content == first.content && restored.version == 3 && restored.revision == 4)
        let versions = try await f.desk.knowledgeVersions(of: first.id, as: f.editor)
        #expect(versions.map(\.number) == [1, 2, 3])
        #expect(versions.map(\.note) == [nil, "simpler", "restored version 1"])
        #expect(versions.map(\.editorID) == [f.test.anna.id, f.test.anna.id, f.test.boris.id])
        #expect(versions.map(\.content) == [first.content, second.content, first.content])
        #expect(try await f.desk.knowledgeArticle(first.id, as: .system) == restored)
        await #expect(throws: HelpDeskError.forbidden(.employee(f.reader.id), action: "kb.edit")) {
            try await f.desk.knowledgeVersions(of: first.id, as: .employee(f.reader.id))
        }
    }

    @Test func theStampChangesWithEveryWriteOfASectionOrArticle() async throws {
        let f = try await KnowledgeFixture.make()
        let store = try #require(f.test.store as? any KnowledgeRepository)
        var stamps = [try await store.knowledgeStamp()]
        let section = try await f.section("Printers")
        stamps.append(try await store.knowledgeStamp())
        let article = try await f.article("Toner", in: section)
        stamps.append(try await store.knowledgeStamp())
        _ = try await f.desk.scheduleKnowledgeArticle(article.id, f.publicNow, by: f.editor)
        stamps.append(try await store.knowledgeStamp())
        #expect(Set(stamps).count == stamps.count, "each write changed it: \(stamps)")
        _ = try await f.desk.scheduleKnowledgeArticle(article.id, f.publicNow, by: f.editor)
        _ = try await f.desk.knowledgeArticle(article.id, as: .contact(f.carl.id))
        #expect(try await store.knowledgeStamp() == stamps.last, "no write, no change")
    }

    /// Three engines on one store edit one article at once: a loser is decided again on the
    /// winner's article; an edit that still loses after the retries fails cleanly with `conflict`.
    /// Every edit that succeeded is exactly one version, numbered without gaps.
    @Test func concurrentEditsOnThreeEnginesAreVersionsOrCleanConflicts() async throws {
        let f = try await KnowledgeFixture.make()
        let section = try await f.section("Printers")
        let article = try await f.article("Toner", in: section)
        let engines = [f.desk, f.test.secondEngine(seed: 7), f.test.secondEngine(seed: 8)]
        let landed = try await withThrowingTaskGroup(of: [String].self) { group in
            for (index, engine) in engines.enumerated() {
                group.addTask {
                    var bodies: [String] = []
                    for round in 0..<5 {
                        let body = "Engine \(index) round \(round)"
                        do {
                            _ = try await engine.reviseKnowledgeArticle(
                                article.id, KnowledgeContent(title: "Toner", body: body), by: .employee(f.test.anna.id))
                            bodies.append(body)
                        } catch let error as HelpDeskError where error.code == .conflict {
                            continue
                        }
                    }
                    return bodies
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(landed.count >= 5, "most edits land: \(landed.count)")
        let versions = try await f.desk.knowledgeVersions(of: article.id, as: f.editor)
        #expect(versions.map(\.number) == Array(1...(landed.count + 1)))
        #expect(Set(versions.dropFirst().map(\.content.body)) == Set(landed), "each landed edit is one version")
        let stored = try await f.desk.knowledgeArticle(article.id, as: .system)
        #expect(stored.version == landed.count + 1 && stored.revision == landed.count + 1)
        #expect(stored.content == versions.last?.content)
    }
}
