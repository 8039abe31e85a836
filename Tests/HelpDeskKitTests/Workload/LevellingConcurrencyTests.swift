import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Applying suggestions at the same time: one slot is never given twice, one suggestion applies once.
@Suite("Levelling: concurrent applies")
struct LevellingConcurrencyTests {
    static func move(_ visit: PlannedVisit, _ t: TestDesk, to start: Date) -> LevellingSuggestion {
        LevellingSuggestion(
            groupID: t.serviceDesk.id, ticketID: visit.ticketID, baseRevision: 1,
            durationMinutes: visit.durationMinutes,
            from: VisitPlacement(employeeID: visit.employeeIDs[0], start: visit.start),
            to: VisitPlacement(employeeID: t.boris.id, start: start), before: [], after: [])
    }

    static func attempt(_ engine: HelpDesk, _ suggestion: LevellingSuggestion) async -> Result<
        PlannedVisit, HelpDeskError
    > {
        do throws(HelpDeskError) {
            return .success(try await engine.applyLevellingSuggestion(suggestion, by: .system))
        } catch {
            return .failure(error)
        }
    }

    @Test(
        "two visits moved onto one slot of Boris at once: one moves, the other finds the slot taken", arguments: 0..<10)
    func oneSlot(round: Int) async throws {
        // Commits yield first, as a database's round trip does, so the two commands interleave.
        let s = try await LevellingEngineTests.scene(on: YieldingStore())
        let t = s.t
        let nine = try LevellingEngineTests.at(9)
        let other = PlannedVisit(
            ticketID: try await t.ticket("Second").id, start: try LevellingEngineTests.at(10), durationMinutes: 60,
            employeeIDs: [t.anna.id], window: s.long.window)
        try await WorkloadReadTests.store([other], in: t)
        let suggestions = [Self.move(s.long, t, to: nine), Self.move(other, t, to: nine)]
        let outcomes = await withTaskGroup(of: Result<PlannedVisit, HelpDeskError>.self) { group in
            for suggestion in round % 2 == 0 ? suggestions : suggestions.reversed() {
                group.addTask {
                    await Self.attempt(t.desk, suggestion)
                }
            }
            var all: [Result<PlannedVisit, HelpDeskError>] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let moved = outcomes.compactMap { try? $0.get() }
        #expect(moved.count == 1)
        let winner = try #require(moved.first)
        let loser = winner.ticketID == s.long.ticketID ? other.ticketID : s.long.ticketID
        for case .failure(let error) in outcomes {
            #expect(error == .levellingSuggestionStale(loser, .slotTaken(by: winner.ticketID)))
        }
    }

    @Test("one suggestion applied by two engines at once moves the visit once", arguments: 0..<10)
    func twoEngines(round: Int) async throws {
        let s = try await LevellingEngineTests.scene(on: YieldingStore())
        let t = s.t
        let suggestion = Self.move(s.long, t, to: try LevellingEngineTests.at(9))
        let engines = [t.desk, t.secondEngine(seed: UInt64(round) + 5)]
        let outcomes = await withTaskGroup(of: Result<PlannedVisit, HelpDeskError>.self) { group in
            for engine in engines {
                group.addTask {
                    await Self.attempt(engine, suggestion)
                }
            }
            var all: [Result<PlannedVisit, HelpDeskError>] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.compactMap { try? $0.get() }.count == 1)
        for case .failure(let error) in outcomes {
            #expect(error == .levellingSuggestionStale(s.long.ticketID, .visitChanged(revision: 2)))
        }
        let repository = try #require(try t.store.feature((any VisitRepository).self))
        #expect(try await repository.visit(ofTicket: s.long.ticketID)?.revision == 2)
    }
}
