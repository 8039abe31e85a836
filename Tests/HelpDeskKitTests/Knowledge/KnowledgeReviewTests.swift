import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Freshness: review dates, marks set by `tick` (capped, in order) and by edits of linked records,
/// verification, and the stale report.
@Suite("Knowledge base: review and the stale report")
struct KnowledgeReviewTests {
    static let day = 86_400.0

    @Test func reviewFallsDueItsIntervalAfterWritingOrVerifyingAndTickMarksIt() async throws {
        let f = try await KnowledgeFixture.make()
        let section = try await f.section("Printers", review: 30)
        let inherited = try await f.article("Inherits 30 days", in: section)
        let own = try await f.article("Own 7 days", in: section, review: 7)
        let none = try await f.article("No interval", in: try await f.section("Plain"))
        #expect(inherited.reviewDueAt == f.now.addingTimeInterval(30 * Self.day))
        #expect(own.reviewDueAt == f.now.addingTimeInterval(7 * Self.day))
        #expect(none.reviewDueAt == nil)
        f.test.clock.advance(by: 7 * Self.day - 1)
        #expect(try await f.desk.tick(now: f.now).knowledgeReviewsDue == [], "not due a second early")
        f.test.clock.advance(by: 1)
        let report = try await f.desk.tick(now: f.now)
        #expect(report.knowledgeReviewsDue == [own.id] && report.deferredKnowledgeReviews == 0)
        let marked = try await f.desk.knowledgeArticle(own.id, as: .system)
        #expect(marked.reviewMark == KnowledgeReviewMark(reason: .due, markedAt: f.now))
        #expect(try await f.desk.tick(now: f.now).knowledgeReviewsDue == [], "marked once")
        f.test.clock.advance(by: 3 * Self.day)
        let verified = try await f.desk.verifyKnowledgeArticle(own.id, by: .employee(f.test.boris.id))
        #expect(verified.reviewMark == nil && verified.verifiedBy == f.test.boris.id && verified.verifiedAt == f.now)
        #expect(verified.reviewDueAt == f.now.addingTimeInterval(7 * Self.day))
        f.test.clock.advance(by: 30 * Self.day)
        let later = try await f.desk.tick(now: f.now)
        #expect(Set(later.knowledgeReviewsDue) == [own.id, inherited.id])
        #expect(later.knowledgeReviewsDue.first == own.id, "the earlier due date first")
    }

    @Test func aTickMarksAtMostItsCapOldestDueFirstAndLeavesArchivedArticles() async throws {
        let f = try await KnowledgeFixture.make { $0.knowledge.reviewMarksPerTick = 3 }
        let section = try await f.section("Printers")
        var articles: [KnowledgeArticle] = []
        for index in 0..<7 {
            articles.append(try await f.article("Article \(index)", in: section, review: 10 - index % 3))
            f.test.clock.advance(by: 60)
        }
        _ = try await f.desk.scheduleKnowledgeArticle(
            articles[6].id, KnowledgeSchedule(archivedAt: f.now), by: f.editor)
        let expected = articles.prefix(6).sorted {
            ($0.reviewDueAt ?? .distantFuture, $0.id) < ($1.reviewDueAt ?? .distantFuture, $1.id)
        }.map(\.id)
        f.test.clock.advance(by: 11 * Self.day)
        let first = try await f.desk.tick(now: f.now)
        #expect(first.knowledgeReviewsDue == Array(expected.prefix(3)) && first.deferredKnowledgeReviews == 1)
        let second = try await f.desk.tick(now: f.now)
        #expect(second.knowledgeReviewsDue == Array(expected.suffix(3)) && second.deferredKnowledgeReviews == 0)
        #expect(try await f.desk.tick(now: f.now).knowledgeReviewsDue == [], "the archived article is left alone")
    }

    @Test func anEditOfALinkedRecordMarksTheArticlesLinkingIt() async throws {
        let f = try await KnowledgeFixture.make()
        let section = try await f.section("Alpha")
        let printerArticle = try await f.article("The printer", in: section, links: [.asset(f.printer.id)])
        let officeArticle = try await f.article(
            "The office", in: section, links: [.location(f.office.id), .company(f.alpha.id)])
        let categoryArticle = try await f.article("Printers", in: section, links: [.category(f.test.printers.id)])
        let unrelated = try await f.article("Unrelated", in: section, links: [.company(f.beta.id)])
        f.test.clock.advance(by: 60)
        _ = try await f.desk.updateAsset(f.printer.id, AssetUpdate(inventoryNumber: "INV-9"), by: .system)
        let marked = try await f.desk.knowledgeArticle(printerArticle.id, as: .system)
        #expect(
            marked.reviewMark
                == KnowledgeReviewMark(reason: .linkedRecordChanged(.asset(f.printer.id)), markedAt: f.now))
        #expect(try await f.desk.knowledgeArticle(officeArticle.id, as: .system).reviewMark == nil)
        _ = try await f.desk.updateCompany(f.alpha.id, CompanyUpdate(name: "Alpha Ltd"), by: .system)
        #expect(
            try await f.desk.knowledgeArticle(officeArticle.id, as: .system).reviewMark?.reason
                == .linkedRecordChanged(.company(f.alpha.id)))
        #expect(try await f.desk.knowledgeArticle(categoryArticle.id, as: .system).reviewMark == nil)
        #expect(try await f.desk.knowledgeArticle(unrelated.id, as: .system).reviewMark == nil)
        let stillMarked = try await f.desk.knowledgeArticle(printerArticle.id, as: .system)
        _ = try await f.desk.moveAsset(f.printer.id, to: f.office.id, by: .system)
        #expect(
            try await f.desk.knowledgeArticle(printerArticle.id, as: .system) == stillMarked,
            "an article already marked keeps its first reason")
    }

    @Test func anAssetSectionFollowsItsAssetToItsNewLocation() async throws {
        let f = try await KnowledgeFixture.make()
        let section = try await f.section(
            "Printer", audience: .client(KnowledgeClientScope(companyID: f.alpha.id, assetID: f.printer.id)))
        let child = try await f.section("Printer drivers", audience: section.audience, parent: section.id)
        let article = try await f.article("Drivers", in: child, schedule: f.publicNow)
        let lena = Performer.contact(f.lena.id)
        let alice = Performer.contact(f.alice.id)
        #expect(try await f.desk.knowledgeArticle(article.id, as: lena) == article, "at the warehouse, Lena's")
        await #expect(throws: HelpDeskError(.knowledgeArticleNotFound(article.id))) {
            try await f.desk.knowledgeArticle(article.id, as: alice)
        }
        _ = try await f.desk.moveAsset(f.printer.id, to: f.office.id, by: .system)
        let moved = try await f.desk.knowledgeSections(as: .system).filter {
            $0.audience.identity == section.audience.identity
        }
        #expect(moved.count == 2 && moved.allSatisfy { $0.audience.companyID == f.alpha.id && $0.revision == 2 })
        #expect(
            moved.allSatisfy {
                if case .client(let scope) = $0.audience { scope.locationID == f.office.id } else { false }
            })
        #expect(try await f.desk.knowledgeArticle(article.id, as: alice) == article, "now at the office, Alice's")
        await #expect(throws: HelpDeskError(.knowledgeArticleNotFound(article.id))) {
            try await f.desk.knowledgeArticle(article.id, as: lena)
        }
        let renamed = try await f.desk.changeKnowledgeSection(
            section.id, KnowledgeSectionDefinition(title: "The printer", audience: section.audience), by: f.editor)
        #expect(renamed.audience == moved.first { $0.id == section.id }?.audience, "a change keeps the moved location")
    }

    @Test func theStaleReportListsMarkedOverdueArticlesWithReasonDaysAndCitingTickets() async throws {
        let f = try await KnowledgeFixture.make()
        let section = try await f.section("Printers")
        let due = try await f.article("Due", in: section, schedule: f.publicNow, review: 2)
        let linked = try await f.article("Linked", in: section, schedule: f.publicNow, links: [.asset(f.printer.id)])
        let fresh = try await f.article("Fresh", in: section, schedule: f.publicNow, review: 100)
        let start = f.now
        let ticket = try await f.test.ticket()
        let other = try await f.test.ticket("Second")
        for (ticket, article) in [(ticket, due), (other, due), (ticket, due), (ticket, fresh)] {
            _ = try await f.desk.comment(
                on: ticket.id, NewComment("See the article.", visibility: .internal, citations: [article.id]),
                by: f.editor)
        }
        f.test.clock.advance(by: Self.day)
        _ = try await f.desk.updateAsset(f.printer.id, AssetUpdate(inventoryNumber: "INV-1"), by: .system)
        f.test.clock.advance(by: 4 * Self.day + 3_600)
        _ = try await f.desk.tick(now: f.now)
        let period = start..<f.now
        let report = try await f.desk.staleKnowledgeArticles(citedIn: period, as: f.editor)
        #expect(report.map(\.article.id) == [linked.id, due.id], "most overdue first")
        #expect(report.map(\.daysOverdue) == [4, 3])
        #expect(report.map(\.reason) == [.linkedRecordChanged(.asset(f.printer.id)), .due])
        #expect(report.map(\.citingTickets) == [0, 2], "distinct tickets in the period")
        let empty = try await f.desk.staleKnowledgeArticles(citedIn: start..<start, as: f.editor)
        #expect(empty.map(\.citingTickets) == [0, 0])
        _ = try await f.desk.verifyKnowledgeArticle(due.id, by: f.editor)
        #expect(try await f.desk.staleKnowledgeArticles(citedIn: period, as: f.editor).map(\.article.id) == [linked.id])
        await #expect(throws: HelpDeskError.forbidden(.employee(f.reader.id), action: "kb.edit")) {
            try await f.desk.staleKnowledgeArticles(citedIn: period, as: .employee(f.reader.id))
        }
    }
}
