import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Levelling moves only what is still ahead: visits not yet started, of tickets in work, to starts
/// after the next quarter hour.
@Suite("Levelling: only visits ahead move, and only ahead")
struct LevellingAheadTests {
    typealias Engine = LevellingEngineTests

    @Test("a visit under way stays; the other moves to the next quarter hour, and goes stale once that passes")
    func startedVisitsStayAndMovesStartAhead() async throws {
        let s = try await Engine.scene()
        let t = s.t
        t.clock.set(to: try Engine.at(9, 5))
        let suggestions = try await Engine.suggestions(t)
        #expect(!suggestions.contains { $0.ticketID == s.long.ticketID }, "the long visit began at 09:00")
        let first = try #require(suggestions.first)
        #expect(first.ticketID == s.evening.ticketID)
        #expect(first.to == VisitPlacement(employeeID: t.boris.id, start: try Engine.at(9, 15)))
        #expect(suggestions.allSatisfy { $0.to.start >= (try! Engine.at(9, 15)) })
        t.clock.set(to: try Engine.at(9, 16))
        let before = try await t.snapshot()
        let visits = try await Engine.allVisits(t)
        await #expect(throws: HelpDeskError.levellingSuggestionStale(s.evening.ticketID, .notAhead)) {
            try await t.desk.applyLevellingSuggestion(first, by: .system)
        }
        #expect(try await t.snapshot() == before)
        #expect(try await Engine.allVisits(t) == visits)
    }

    @Test("resolving a ticket calls its visit off, so the overload it caused is gone")
    func resolvingLevelsByItself() async throws {
        let s = try await Engine.scene()
        let t = s.t
        _ = try await t.desk.changeStatus(s.long.ticketID, to: .resolved, by: .system)
        #expect(try await Engine.allVisits(t).first { $0.ticketID == s.long.ticketID }?.isCancelled == true)
        #expect(!(try await Engine.suggestions(t)).contains { $0.ticketID == s.long.ticketID })
    }

    @Test("a visit left on a ticket out of work (stored before call-offs) never moves, even by hand")
    func ticketsOutOfWorkStay() async throws {
        let s = try await Engine.scene()
        let t = s.t
        _ = try await t.desk.changeStatus(s.long.ticketID, to: .resolved, by: .system)
        try await WorkloadReadTests.store([s.long], in: t)
        let stored = try #require(try await Engine.allVisits(t).first { $0.ticketID == s.long.ticketID })
        #expect(!stored.isCancelled)
        #expect(!(try await Engine.suggestions(t)).contains { $0.ticketID == s.long.ticketID })
        let byHand = LevellingSuggestion(
            groupID: t.serviceDesk.id, ticketID: s.long.ticketID, baseRevision: stored.revision,
            durationMinutes: stored.durationMinutes, from: VisitPlacement(employeeID: t.anna.id, start: stored.start),
            to: VisitPlacement(employeeID: t.boris.id, start: try Engine.at(9)), before: [], after: [])
        let before = try await t.snapshot()
        await #expect(throws: HelpDeskError.levellingSuggestionStale(s.long.ticketID, .ticketNotInWork(.resolved))) {
            try await t.desk.applyLevellingSuggestion(byHand, by: .system)
        }
        #expect(try await t.snapshot() == before)
    }
}
