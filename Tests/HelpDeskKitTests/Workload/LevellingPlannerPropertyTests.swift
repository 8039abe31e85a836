import Foundation
import SeededRandom
import Testing
import WorkingTime

@testable import HelpDeskKit

/// Issue #23, "Proof": the levelling planner on seeded random groups, calendars and visits. Every
/// step is replayed on plain visits and the calendar recomputed from scratch (``WorkloadSheet``).
@Suite("Levelling: seeded planner properties")
struct LevellingPlannerPropertyTests {
    struct Instance {
        var dates: [LocalDate]
        var members: [WorkloadMember]
        var visits: [PlannedVisit]
        /// Half the instances plan "now" inside their dates: nothing before it moves or is moved to.
        var earliestStart: Date
        var sheet: WorkloadSheet { WorkloadSheet(dates: dates, members: members) }
        func planner(members: [WorkloadMember]? = nil) -> LevellingPlanner {
            LevellingPlanner(
                group: GroupID(LevellingPlannerPropertyTests.id(7)), dates: dates, members: members ?? self.members,
                earliestStart: earliestStart)
        }
    }

    static let zones = ["UTC", "Europe/Moscow", "Europe/Berlin", "America/New_York", "Asia/Kathmandu"]
    static let shifts = ["09:00-18:00", "08:00-12:00 13:00-17:00", "10:00-14:00", "00:00-06:00 20:00-24:00"]

    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    static func instance(seed: UInt64) throws -> Instance {
        var random = SplitMix64(seed: seed)
        let first = try LocalDate(year: 2026, month: 3, day: Int.random(in: 20...26, using: &random))
        let dates = try (0..<Int.random(in: 2...8, using: &random)).map { try first.adding(days: $0) }
        var members: [WorkloadMember] = []
        for index in 0..<Int.random(in: 1...4, using: &random) {
            let days = Weekday.allCases.filter { _ in Int.random(in: 0..<5, using: &random) > 0 }
            let intervals = try shifts.randomElement(using: &random)!.split(separator: " ").map {
                try LocalInterval(parsing: String($0))
            }
            let calendar = try BusinessCalendar(
                timeZoneIdentifier: zones.randomElement(using: &random)!,
                schedule: WeeklySchedule(weekdays: days, intervals: intervals))
            members.append(try WorkloadMember(id: EmployeeID(id(100 + index)), calendar: calendar, dates: dates))
        }
        var visits: [PlannedVisit] = []
        for index in 0..<Int.random(in: 0...40, using: &random) {
            var employees = [members.randomElement(using: &random)!.id]
            if Int.random(in: 0..<8, using: &random) == 0 {
                employees.append(EmployeeID(id(100 + Int.random(in: 0..<6, using: &random))))
            }
            let date = dates.randomElement(using: &random)!
            let minute = Int.random(in: 0..<(24 * 4), using: &random) * 15
            let start = date.instant(at: try TimeOfDay(secondsSinceMidnight: minute * 60), in: members[0].zone)
                .addingTimeInterval(Double(Int.random(in: -60...60, using: &random)) * 60)
            let duration = Int.random(in: 1...16, using: &random) * 15
            var window: DateInterval?
            if Bool.random(using: &random) {
                let before = Double(Int.random(in: 0...(3 * 24 * 60), using: &random)) * 60
                let after = Double(Int.random(in: 0...(3 * 24 * 60), using: &random)) * 60
                window = DateInterval(
                    start: start.addingTimeInterval(-before),
                    end: start.addingTimeInterval(Double(duration) * 60 + after))
            }
            visits.append(
                PlannedVisit(
                    ticketID: TicketID(id(index)), start: start, durationMinutes: duration,
                    employeeIDs: Array(Set(employees)).sorted(), window: window,
                    isFixed: Int.random(in: 0..<5, using: &random) == 0,
                    isCancelled: Int.random(in: 0..<20, using: &random) == 0,
                    revision: Int.random(in: 1...3, using: &random)))
        }
        var earliestStart = Date.distantPast
        if Bool.random(using: &random) {
            let utc = TimeZone(identifier: "UTC")!
            earliestStart = dates[0].instant(at: .midnight, in: utc)
                .addingTimeInterval(Double(Int.random(in: 0..<(dates.count * 96), using: &random)) * 900)
        }
        return Instance(dates: dates, members: members, visits: visits, earliestStart: earliestStart)
    }

    static func loads(_ calendar: WorkloadCalendar) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: calendar.cells.map { ("\($0.employeeID) \($0.date)", $0.overloadMinutes) })
    }

    @Test("levelling keeps totals, windows, working time and slots, and never raises the maximum", arguments: 0..<300)
    func properties(seed: Int) throws {
        let instance = try Self.instance(seed: UInt64(seed))
        let planner = instance.planner()
        let suggestions = planner.suggestions(for: instance.visits, limit: 60)
        var visits = Dictionary(uniqueKeysWithValues: instance.visits.map { ($0.ticketID, $0) })
        let original = visits
        let sheet = instance.sheet
        var calendar = sheet.calendar(Array(visits.values))
        let total = calendar.total.plannedMinutes
        var maximum = calendar.cells.map(\.overloadMinutes).max() ?? 0
        let rows = Dictionary(uniqueKeysWithValues: instance.members.enumerated().map { ($1.id, $0) })
        for suggestion in suggestions {
            let visit = try #require(visits[suggestion.ticketID])
            #expect(!visit.isFixed && !visit.isCancelled && visit.employeeIDs.count == 1)
            #expect(visit.start >= instance.earliestStart && suggestion.to.start >= instance.earliestStart)
            #expect(suggestion.baseRevision == visit.revision)
            #expect(suggestion.from == VisitPlacement(employeeID: visit.employeeIDs[0], start: visit.start))
            // Loads before the move are the calendar's.
            for load in suggestion.before {
                #expect(calendar.cell(load.employeeID, on: load.date)?.plannedMinutes == load.plannedMinutes)
            }
            var moved = visit
            moved.start = suggestion.to.start
            moved.employeeIDs = [suggestion.to.employeeID]
            moved.revision += 1
            // Inside the window, or the visit's day on its employee's clock (as the visit is stored
            // when the suggestion is applied).
            let sourceZone = instance.members[try #require(rows[visit.employeeIDs[0]])].zone
            let day = try LocalDate(visit.start, in: sourceZone)
            let nextDay = try day.adding(days: 1)
            let window =
                visit.window
                ?? DateInterval(
                    start: day.instant(at: .midnight, in: sourceZone),
                    end: nextDay.instant(at: .midnight, in: sourceZone))
            #expect(moved.start >= window.start && moved.end <= window.end)
            // Inside one working interval of the target on one of the dates.
            let target = instance.members[try #require(rows[suggestion.to.employeeID])]
            #expect(target.intervals.joined().contains { $0.start <= moved.start && moved.end <= $0.end })
            // Clear of the target's other visits.
            let clash = visits.values.contains {
                $0.ticketID != moved.ticketID && !$0.isCancelled && $0.employeeIDs.contains(target.id)
                    && $0.start < moved.end && moved.start < $0.end
            }
            #expect(!clash)
            visits[moved.ticketID] = moved
            let next = sheet.calendar(Array(visits.values))
            for load in suggestion.after {
                #expect(next.cell(load.employeeID, on: load.date)?.plannedMinutes == load.plannedMinutes)
            }
            let touchedBefore = suggestion.before.map(\.overloadMinutes).max() ?? 0
            let touchedAfter = suggestion.after.map(\.overloadMinutes).max() ?? 0
            #expect(touchedAfter < touchedBefore)
            // Only the touched cells change.
            let changed = Set(Self.loads(next).filter { Self.loads(calendar)[$0.key] != $0.value }.keys)
            #expect(changed.isSubset(of: Set(suggestion.before.map { "\($0.employeeID) \($0.date)" })))
            let nextMaximum = next.cells.map(\.overloadMinutes).max() ?? 0
            #expect(nextMaximum <= maximum)
            maximum = nextMaximum
            calendar = next
        }
        #expect(calendar.total.plannedMinutes == total)
        // Fixed, cancelled and shared visits never move.
        for (id, visit) in original
        where visit.isFixed || visit.isCancelled || visit.employeeIDs.count != 1 || visit.start < instance.earliestStart
        {
            #expect(visits[id] == visit)
        }
        // Deterministic, whatever the order of the visits.
        var random = SplitMix64(seed: UInt64(seed) &+ 1_000)
        #expect(planner.suggestions(for: instance.visits.shuffled(using: &random), limit: 60) == suggestions)
        let shuffled = instance.planner(members: instance.members.shuffled(using: &random))
        #expect(shuffled.suggestions(for: instance.visits.shuffled(using: &random), limit: 60) == suggestions)
        #expect(planner.suggestions(for: instance.visits, limit: 60) == suggestions)
    }

    @Test("with limit, the planner stops early on the same first moves")
    func limitIsAPrefix() throws {
        for seed in 0..<60 {
            let instance = try Self.instance(seed: UInt64(seed))
            let planner = instance.planner()
            let all = planner.suggestions(for: instance.visits, limit: 60)
            let some = planner.suggestions(for: instance.visits, limit: 2)
            #expect(Array(all.prefix(2)) == some)
        }
    }

    @Test("the planner does move work somewhere on overloaded instances")
    func plannerMoves() throws {
        var moved = 0
        for seed in 0..<300 {
            let instance = try Self.instance(seed: UInt64(seed))
            let planner = instance.planner()
            moved += planner.suggestions(for: instance.visits, limit: 60).count
        }
        #expect(moved > 50)
    }
}
