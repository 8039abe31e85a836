import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import SeededRandom
import Testing
import WorkingTime

/// Issue #23: levelling suggestions through the engine, and applying them (stale ones refused).
@Suite("Levelling: suggestions and applying them")
struct LevellingEngineTests {
    static let monday = WorkloadReadTests.monday
    static let utc = TimeZone(identifier: "UTC")!

    static func at(_ hour: Int, _ minute: Int = 0, plus days: Int = 0) throws -> Date {
        try monday.adding(days: days).instant(at: TimeOfDay(hour: hour, minute: minute), in: utc)
    }

    /// Anna is overloaded on Monday: six hours from 09:00 (movable all week), five from 15:00
    /// (movable within its day) and a fixed hour at 08:00; Boris is free.
    struct Scene {
        let t: TestDesk
        let long: PlannedVisit
        let evening: PlannedVisit
        let fixed: PlannedVisit
    }

    static func scene(on store: any HelpDeskStore = InMemoryStore()) async throws -> Scene {
        let t = try await TestDesk.make(store: store)
        let week = DateInterval(start: try at(0), end: try at(0, plus: 5))
        let long = PlannedVisit(
            ticketID: try await t.ticket("Annual service").id, start: try at(9), durationMinutes: 360,
            employeeIDs: [t.anna.id], window: week)
        let evening = PlannedVisit(
            ticketID: try await t.ticket("CCTV check").id, start: try at(15), durationMinutes: 300,
            employeeIDs: [t.anna.id])
        let fixed = PlannedVisit(
            ticketID: try await t.ticket("Agreed visit").id, start: try at(8), durationMinutes: 60,
            employeeIDs: [t.anna.id],
            window: week, isFixed: true)
        try await WorkloadReadTests.store([long, evening, fixed], in: t)
        return Scene(t: t, long: long, evening: evening, fixed: fixed)
    }

    /// Every stored visit (``StoreSnapshot`` does not hold visits).
    static func allVisits(_ t: TestDesk) async throws -> [PlannedVisit] {
        let repository = try #require(try t.store.feature((any VisitRepository).self))
        return try await repository.visits()
    }

    static func suggestions(_ t: TestDesk) async throws -> [LevellingSuggestion] {
        try await t.desk.levellingSuggestions(
            for: t.serviceDesk.id, from: monday, through: try monday.adding(days: 4), as: .system)
    }

    @Test("the suggestion moves the long visit to Boris on Monday morning; applied, the overload is gone")
    func applies() async throws {
        let s = try await Self.scene()
        let t = s.t
        let suggestions = try await Self.suggestions(t)
        let first = try #require(suggestions.first)
        #expect(suggestions.count == 1)
        #expect(first.ticketID == s.long.ticketID && first.baseRevision == 1)
        #expect(first.from == VisitPlacement(employeeID: t.anna.id, start: s.long.start))
        #expect(first.to == VisitPlacement(employeeID: t.boris.id, start: try Self.at(9)))
        #expect(first.before.map(\.plannedMinutes) == (t.anna.id < t.boris.id ? [720, 0] : [0, 720]))
        #expect(first.after.map(\.plannedMinutes) == (t.anna.id < t.boris.id ? [360, 360] : [360, 360]))
        let moved = try await t.desk.applyLevellingSuggestion(first, by: .employee(t.anna.id))
        let nine = try Self.at(9)
        #expect(moved.employeeIDs == [t.boris.id] && moved.start == nine && moved.revision == 2)
        let repository = try #require(try t.store.feature((any VisitRepository).self))
        #expect(try await repository.visit(ofTicket: s.long.ticketID) == moved)
        let overloaded = try await t.desk.overloadedCells(
            of: t.serviceDesk.id, from: Self.monday, through: try Self.monday.adding(days: 4), as: .system)
        #expect(overloaded.isEmpty)
        #expect(try await Self.suggestions(t).isEmpty)
        // The same suggestion again is stale and changes nothing.
        let before = try await t.snapshot()
        let visitsBefore = try await Self.allVisits(t)
        await #expect(throws: HelpDeskError.levellingSuggestionStale(s.long.ticketID, .visitChanged(revision: 2))) {
            try await t.desk.applyLevellingSuggestion(first, by: .system)
        }
        #expect(try await t.snapshot() == before)
        #expect(try await Self.allVisits(t) == visitsBefore)
    }

    @Test("an applied move is on the ticket's audit trail, as levelling, and announced once")
    func auditedAndAnnounced() async throws {
        let s = try await Self.scene()
        let t = s.t
        let first = try #require(try await Self.suggestions(t).first)
        let eventsBefore = try await t.desk.undeliveredEvents(limit: 10_000, as: .system).count
        let moved = try await t.desk.applyLevellingSuggestion(first, by: .employee(t.anna.id))
        let entries = try await t.desk.auditTrail(of: s.long.ticketID, as: .system).filter { $0.field == .visit }
        #expect(entries.count == 1)
        #expect(entries.first?.newValue?.contains("levelling") == true, "\(entries)")
        let events = try await t.desk.undeliveredEvents(limit: 10_000, as: .system).dropFirst(eventsBefore)
        let moves = events.filter {
            if case .visitRescheduled(let ticket, _, let start, _) = $0.event {
                return ticket == s.long.ticketID && start == moved.start
            }
            return false
        }
        #expect(moves.count == 1)
    }

    @Test("a repeat with the idempotency key returns the first result")
    func idempotent() async throws {
        let s = try await Self.scene()
        let first = try #require(try await Self.suggestions(s.t).first)
        let key = IdempotencyKey("level-1")
        let once = try await s.t.desk.applyLevellingSuggestion(first, by: .system, idempotencyKey: key)
        #expect(try await s.t.desk.applyLevellingSuggestion(first, by: .system, idempotencyKey: key) == once)
    }

    @Test("a slot taken since the suggestion is refused, and nothing changes")
    func slotTaken() async throws {
        let s = try await Self.scene()
        let t = s.t
        let first = try #require(try await Self.suggestions(t).first)
        let intruder = PlannedVisit(
            ticketID: try await t.ticket("Urgent").id, start: try Self.at(10), durationMinutes: 30,
            employeeIDs: [t.boris.id])
        try await WorkloadReadTests.store([intruder], in: t)
        let before = try await t.snapshot()
        let visitsBefore = try await Self.allVisits(t)
        await #expect(
            throws: HelpDeskError.levellingSuggestionStale(s.long.ticketID, .slotTaken(by: intruder.ticketID))
        ) {
            try await t.desk.applyLevellingSuggestion(first, by: .system)
        }
        #expect(try await t.snapshot() == before)
        #expect(try await Self.allVisits(t) == visitsBefore)
    }

    @Test("moves outside the window, working time or group, and of fixed visits, are refused")
    func refusals() async throws {
        let s = try await Self.scene()
        let t = s.t
        func suggestion(_ visit: PlannedVisit, to employee: EmployeeID, at start: Date) -> LevellingSuggestion {
            LevellingSuggestion(
                groupID: t.serviceDesk.id, ticketID: visit.ticketID, baseRevision: 1,
                durationMinutes: visit.durationMinutes,
                from: VisitPlacement(employeeID: visit.employeeIDs[0], start: visit.start),
                to: VisitPlacement(employeeID: employee, start: start), before: [], after: [])
        }
        let cases: [(LevellingSuggestion, StaleSuggestion)] = [
            (suggestion(s.long, to: t.boris.id, at: try Self.at(3)), .outsideWorkingTime),
            (suggestion(s.long, to: t.boris.id, at: try Self.at(12, plus: 5)), .outsideWindow),
            (suggestion(s.evening, to: t.boris.id, at: try Self.at(9, plus: 1)), .outsideWindow),
            (suggestion(s.fixed, to: t.boris.id, at: try Self.at(9)), .notMovable),
            (suggestion(s.long, to: t.former.id, at: try Self.at(9)), .notInGroup(t.former.id)),
            (suggestion(s.long, to: t.anna.id, at: try Self.at(8)), .outsideWorkingTime),
        ]
        let before = try await t.snapshot()
        let visitsBefore = try await Self.allVisits(t)
        for (refused, why) in cases {
            await #expect(throws: HelpDeskError.levellingSuggestionStale(refused.ticketID, why)) {
                try await t.desk.applyLevellingSuggestion(refused, by: .system)
            }
        }
        var wrongRevision = suggestion(s.long, to: t.boris.id, at: try Self.at(9))
        wrongRevision = LevellingSuggestion(
            groupID: wrongRevision.groupID, ticketID: wrongRevision.ticketID, baseRevision: 7,
            durationMinutes: wrongRevision.durationMinutes, from: wrongRevision.from, to: wrongRevision.to, before: [],
            after: [])
        await #expect(throws: HelpDeskError.levellingSuggestionStale(s.long.ticketID, .visitChanged(revision: 1))) {
            try await t.desk.applyLevellingSuggestion(wrongRevision, by: .system)
        }
        #expect(try await t.snapshot() == before)
        #expect(try await Self.allVisits(t) == visitsBefore)
        // Moving onto Anna's own fixed hour is a taken slot; a free hour on Tuesday is fine.
        let onto = suggestion(s.long, to: t.boris.id, at: try Self.at(9, plus: 1))
        let tuesday = try Self.at(9, plus: 1)
        #expect(try await t.desk.applyLevellingSuggestion(onto, by: .system).start == tuesday)
    }

    @Test("a chain of suggestions applies in order, and the calendar ends as the planner said", arguments: 0..<6)
    func chain(seed: Int) async throws {
        let t = try await TestDesk.make(seed: UInt64(seed) + 9)
        _ = try await t.desk.setWorkingCalendar(of: t.boris.id, WorkloadReadTests.berlin, by: .system)
        var random = SplitMix64(seed: UInt64(seed))
        var visits: [PlannedVisit] = []
        for index in 0..<12 {
            let start = try Self.at(8 + Int(random.next() % 9), plus: Int(random.next() % 2))
            let window: DateInterval? =
                index % 3 == 0 ? nil : DateInterval(start: try Self.at(0), end: try Self.at(0, plus: 5))
            visits.append(
                PlannedVisit(
                    ticketID: try await t.ticket("Visit \(index)").id, start: start,
                    durationMinutes: 60 + Int(random.next() % 4) * 30, employeeIDs: [t.anna.id], window: window,
                    isFixed: index % 5 == 4))
        }
        try await WorkloadReadTests.store(visits, in: t)
        let friday = try Self.monday.adding(days: 4)
        let suggestions = try await t.desk.levellingSuggestions(
            for: t.serviceDesk.id, from: Self.monday, through: friday, as: .system)
        #expect(!suggestions.isEmpty)
        let before = try await t.desk.workload(of: t.serviceDesk.id, from: Self.monday, through: friday, as: .system)
        for suggestion in suggestions {
            let moved = try await t.desk.applyLevellingSuggestion(suggestion, by: .system)
            #expect(moved.start == suggestion.to.start && moved.employeeIDs == [suggestion.to.employeeID])
        }
        let after = try await t.desk.workload(of: t.serviceDesk.id, from: Self.monday, through: friday, as: .system)
        #expect(after.total.plannedMinutes == before.total.plannedMinutes)
        let highest = { (calendar: WorkloadCalendar) in calendar.cells.map(\.overloadMinutes).max() ?? 0 }
        #expect(highest(after) < highest(before))
        for load in suggestions.last?.after ?? [] {
            #expect(after.cell(load.employeeID, on: load.date)?.plannedMinutes == load.plannedMinutes)
        }
        // Levelled: asking again finds nothing more to move.
        #expect(
            try await t.desk.levellingSuggestions(
                for: t.serviceDesk.id, from: Self.monday, through: friday, as: .system
            )
            .isEmpty)
    }

    @Test("levelling reads refuse bad limits and ranges")
    func badInput() async throws {
        let t = try await TestDesk.make()
        for limit in [0, -1, 1_001, Int.min] {
            await #expect(throws: HelpDeskError.invalidInput(field: "limit", problem: .outOfRange(1...1_000))) {
                try await t.desk.levellingSuggestions(
                    for: t.serviceDesk.id, from: Self.monday, through: Self.monday, limit: limit, as: .system)
            }
        }
        await #expect(throws: HelpDeskError.invalidInput(field: "through", problem: .notAfterStart)) {
            try await t.desk.levellingSuggestions(
                for: t.serviceDesk.id, from: Self.monday, through: try Self.monday.adding(days: -3), as: .system)
        }
    }
}
