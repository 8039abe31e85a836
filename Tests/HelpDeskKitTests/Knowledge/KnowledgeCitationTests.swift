import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Citations in comments: what a public reply and an internal note may cite, what the portal
/// shows, the tickets citing an article and the report of them.
@Suite("Knowledge base: citations in comments")
struct KnowledgeCitationTests {
    struct Setup {
        let f: KnowledgeFixture
        let desk: KnowledgeSection
        let alphaSection: KnowledgeSection
        let warehouseSection: KnowledgeSection
        let publicArticle: KnowledgeArticle
        let internalArticle: KnowledgeArticle
        let draft: KnowledgeArticle
        let alphaArticle: KnowledgeArticle
        let warehouseArticle: KnowledgeArticle
        /// Requested by Alice (Alpha, office).
        let ticket: Ticket
    }

    static func setup() async throws -> Setup {
        let f = try await KnowledgeFixture.make()
        let desk = try await f.section("Desk")
        let alphaSection = try await f.section("Alpha", audience: .client(KnowledgeClientScope(companyID: f.alpha.id)))
        let warehouseSection = try await f.section(
            "Warehouse", audience: .client(KnowledgeClientScope(companyID: f.alpha.id, locationID: f.warehouse.id)))
        let ticket = try await f.desk.createTicket(
            NewTicket(title: "VPN down", channel: .portal, requester: .contact(f.alice.id), companyID: f.alpha.id),
            by: f.editor)
        return Setup(
            f: f, desk: desk, alphaSection: alphaSection, warehouseSection: warehouseSection,
            publicArticle: try await f.article("Toner", in: desk, schedule: f.publicNow),
            internalArticle: try await f.article("Server", in: desk, schedule: KnowledgeSchedule(internalAt: f.now)),
            draft: try await f.article("Draft", in: desk),
            alphaArticle: try await f.article("Alpha VPN", in: alphaSection, schedule: f.publicNow),
            warehouseArticle: try await f.article("Warehouse door", in: warehouseSection, schedule: f.publicNow),
            ticket: ticket)
    }

    @Test func aPublicReplyCitesOnlyWhatTheRequesterMayReadAndANoteWhatItsAuthorMay() async throws {
        let s = try await Self.setup()
        let f = s.f
        let before = try await f.test.snapshot()
        let refusals: [(NewComment, Performer, HelpDeskError)] = [
            (
                NewComment("See", citations: [s.internalArticle.id]), f.editor,
                HelpDeskError(.knowledgeArticleNotReadableByRequester(s.internalArticle.id, s.ticket.number))
            ),
            (
                NewComment("See", citations: [s.publicArticle.id, s.warehouseArticle.id]), f.editor,
                HelpDeskError(.knowledgeArticleNotReadableByRequester(s.warehouseArticle.id, s.ticket.number))
            ),
            (
                NewComment("See", visibility: .internal, citations: [s.draft.id]), .employee(f.reader.id),
                HelpDeskError(.knowledgeArticleNotFound(s.draft.id))
            ),
            (
                NewComment("See", citations: [s.internalArticle.id]), .contact(f.alice.id),
                HelpDeskError(.knowledgeArticleNotFound(s.internalArticle.id))
            ),
            (
                NewComment("See", citations: [s.publicArticle.id, s.publicArticle.id]), f.editor,
                .invalidInput(field: "citations", problem: .malformed(expected: "each article once"))
            ),
            (
                NewComment("See", citations: (0..<17).map { _ in Identifier(UUID()) }), f.editor,
                .invalidInput(field: "citations", problem: .outOfRange(0...16))
            ),
        ]
        for (comment, performer, expected) in refusals {
            await #expect(throws: expected) { try await f.desk.comment(on: s.ticket.id, comment, by: performer) }
        }
        #expect(try await f.test.snapshot() == before, "refused comments changed nothing")
        let reply = try await f.desk.comment(
            on: s.ticket.id, NewComment("See", citations: [s.publicArticle.id, s.alphaArticle.id]), by: f.editor)
        f.test.clock.advance(by: 60)
        let note = try await f.desk.comment(
            on: s.ticket.id,
            NewComment("Internally", visibility: .internal, citations: [s.internalArticle.id, s.draft.id]),
            by: f.editor)
        f.test.clock.advance(by: 60)
        let mine = try await f.desk.comment(
            on: s.ticket.id, NewComment("Found it", citations: [s.alphaArticle.id]), by: .contact(f.alice.id))
        let citations = try await f.desk.knowledgeCitations(of: s.alphaArticle.id, as: .employee(f.reader.id))
        #expect(citations.map(\.commentID) == [reply.id, mine.id])
        #expect(
            citations.allSatisfy { $0.isPublic && $0.ticketID == s.ticket.id && $0.ticketNumber == s.ticket.number })
        // The portal: Alice sees the titles of the public reply's citations she may read, not the note's.
        let seen = try await f.desk.citedKnowledgeArticles(on: s.ticket.id, as: .contact(f.alice.id))
        #expect(
            Set(seen.prefix(2).map(\.title)) == ["Toner", "Alpha VPN"]
                && seen.dropFirst(2).map(\.title) == ["Alpha VPN"])
        let staff = try await f.desk.citedKnowledgeArticles(on: s.ticket.id, as: .employee(f.reader.id))
        #expect(
            Set(staff.prefix(2).map(\.title)) == ["Toner", "Alpha VPN"]
                && staff.dropFirst(2).map(\.title) == ["Server", "Alpha VPN"], "staff: no draft")
        #expect(staff.map(\.citation.commentID) == [reply.id, reply.id, note.id, mine.id])
        // Archiving takes the title away from the portal without a write to the citation.
        _ = try await f.desk.scheduleKnowledgeArticle(
            s.alphaArticle.id, KnowledgeSchedule(internalAt: f.now, publishedAt: f.now, archivedAt: f.now),
            by: f.editor)
        #expect(
            try await f.desk.citedKnowledgeArticles(on: s.ticket.id, as: .contact(f.alice.id)).map(\.title) == ["Toner"]
        )
        await #expect(throws: HelpDeskError.ticketNotFound(s.ticket.id)) {
            try await f.desk.citedKnowledgeArticles(on: s.ticket.id, as: .contact(f.bob.id))
        }
    }

    @Test func aFreeTextRequesterMayBeCitedOnlyPublicDeskArticles() async throws {
        let s = try await Self.setup()
        let ticket = try await s.f.test.ticket()
        _ = try await s.f.desk.comment(
            on: ticket.id, NewComment("See", citations: [s.publicArticle.id]), by: s.f.editor)
        await #expect(throws: HelpDeskError(.knowledgeArticleNotReadableByRequester(s.alphaArticle.id, ticket.number)))
        {
            try await s.f.desk.comment(on: ticket.id, NewComment("See", citations: [s.alphaArticle.id]), by: s.f.editor)
        }
    }

    @Test func theReportCountsTicketsCitingEachArticleInThePeriod() async throws {
        let s = try await Self.setup()
        let f = s.f
        let start = f.now
        let second = try await f.desk.createTicket(
            NewTicket(title: "Printer", channel: .portal, requester: .contact(f.carl.id), companyID: f.alpha.id),
            by: f.editor)
        for (ticket, articles) in [
            (s.ticket.id, [s.publicArticle.id]), (second.id, [s.publicArticle.id, s.alphaArticle.id]),
            (s.ticket.id, [s.publicArticle.id]),
        ] {
            _ = try await f.desk.comment(on: ticket, NewComment("See", citations: articles), by: f.editor)
            f.test.clock.advance(by: 60)
        }
        let report = try await f.desk.knowledgeCitationReport(citedIn: start..<f.now, as: .employee(f.reader.id))
        #expect(report.map(\.articleID) == [s.publicArticle.id, s.alphaArticle.id])
        #expect(report.map(\.tickets) == [[s.ticket.number, second.number].sorted(), [second.number]])
        #expect(report.map(\.citations) == [3, 1])
        #expect(report.map(\.title) == ["Toner", "Alpha VPN"])
        let early = try await f.desk.knowledgeCitationReport(citedIn: start..<start.addingTimeInterval(60), as: .system)
        #expect(early.map(\.citations) == [1], "the period's end is excluded")
        await #expect(throws: HelpDeskError.forbidden(.employee(f.clerk.id), action: "kb.readInternal")) {
            try await f.desk.knowledgeCitationReport(citedIn: start..<f.now, as: .employee(f.clerk.id))
        }
    }

    /// Two engines cite articles on two tickets at once: every citation is stored once.
    @Test func concurrentCitationsOnTwoEnginesAreAllStored() async throws {
        let s = try await Self.setup()
        let f = s.f
        let other = try await f.test.ticket()
        let engines = [f.desk, f.test.secondEngine(seed: 11)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for engine in engines {
                for ticket in [s.ticket.id, other.id] {
                    group.addTask {
                        for _ in 0..<4 {
                            _ = try await engine.comment(
                                on: ticket, NewComment("See", citations: [s.publicArticle.id]),
                                by: .employee(f.test.anna.id))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let citations = try await f.desk.knowledgeCitations(of: s.publicArticle.id, as: .system)
        #expect(citations.count == 16 && Set(citations.map(\.commentID)).count == 16)
        #expect(Set(citations.map(\.ticketID)) == [s.ticket.id, other.id])
    }
}
