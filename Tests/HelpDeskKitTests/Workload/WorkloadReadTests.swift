import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import SeededRandom
import Testing
import WorkingTime

/// Issue #23: the workload reads against a naive reference that walks every minute.
@Suite("Workload: calendar and free slots against a minute-by-minute reference")
struct WorkloadReadTests {
    static let monday = try! LocalDate(year: 2026, month: 3, day: 23)
    static let berlin = try! BusinessCalendar(
        timeZoneIdentifier: "Europe/Berlin",
        schedule: WeeklySchedule(weekdays: Weekday.workweek, intervals: [try! LocalInterval(parsing: "08:00-16:00")]))

    /// Writes `visits` straight into the store, as the visits commands (H3) would.
    static func store(_ visits: [PlannedVisit], in t: TestDesk) async throws {
        var work = UnitOfWork()
        let repository = try #require(try t.store.feature((any VisitRepository).self))
        for visit in visits {
            let old = try await repository.visit(ofTicket: visit.ticketID)
            var stored = visit
            stored.revision = (old?.revision ?? 0) + 1
            work.plannedVisitWrites.append(PlannedVisitWrite(visit: stored, expectedRevision: old?.revision))
        }
        try await t.store.commit(work)
    }

    /// Random visits of Anna and Boris on the week of `monday` (some across midnight, shared, cancelled).
    static func randomVisits(_ t: TestDesk, seed: UInt64) async throws -> [PlannedVisit] {
        var random = SplitMix64(seed: seed)
        var visits: [PlannedVisit] = []
        let people = [t.anna.id, t.boris.id, t.former.id]
        for _ in 0..<Int.random(in: 5...25, using: &random) {
            let ticket = try await t.ticket()
            let day = try monday.adding(days: Int.random(in: -1...7, using: &random))
            let start = day.instant(at: .midnight, in: TimeZone(identifier: "UTC")!)
                .addingTimeInterval(Double(Int.random(in: 0..<96, using: &random)) * 900)
            var employees = [people.randomElement(using: &random)!]
            if Bool.random(using: &random) {
                employees = Array(Set(employees + [people.randomElement(using: &random)!])).sorted()
            }
            visits.append(
                PlannedVisit(
                    ticketID: ticket.id, start: start, durationMinutes: Int.random(in: 1...24, using: &random) * 30,
                    employeeIDs: employees, isCancelled: Int.random(in: 0..<6, using: &random) == 0))
        }
        return visits
    }

    /// The midnights of `date` on `zone`'s clock and the minutes between, for the reference.
    static func minutes(of date: LocalDate, in zone: TimeZone) throws -> [Date] {
        let start = date.instant(at: .midnight, in: zone)
        let end = try date.adding(days: 1).instant(at: .midnight, in: zone)
        return stride(from: 0.0, to: end.timeIntervalSince(start), by: 60).map { start.addingTimeInterval($0) }
    }

    @Test("cells, totals and overloaded cells match the reference", arguments: 0..<12)
    func calendar(seed: Int) async throws {
        let t = try await TestDesk.make(seed: UInt64(seed) + 1)
        _ = try await t.desk.setWorkingCalendar(of: t.boris.id, Self.berlin, by: .system)
        let visits = try await Self.randomVisits(t, seed: UInt64(seed))
        try await Self.store(visits, in: t)
        let through = try Self.monday.adding(days: 6)
        let calendar = try await t.desk.workload(of: t.serviceDesk.id, from: Self.monday, through: through, as: .system)
        #expect(calendar.employeeIDs == [t.anna.id, t.boris.id].sorted())
        #expect(calendar.dates.count == 7)
        let calendars = [t.anna.id: HelpDesk.standardWorkloadCalendar, t.boris.id: Self.berlin]
        for cell in calendar.cells {
            let working = try #require(calendars[cell.employeeID])
            let minutes = try Self.minutes(of: cell.date, in: working.timeZone)
            let capacity = minutes.filter { working.isWorking(at: $0.addingTimeInterval(30)) }.count
            var planned = 0
            var tickets: [TicketID] = []
            for visit in visits where !visit.isCancelled && visit.employeeIDs.contains(cell.employeeID) {
                let inside = minutes.filter { visit.start <= $0 && $0 < visit.end }.count
                planned += inside
                if inside > 0 { tickets.append(visit.ticketID) }
            }
            #expect(cell.capacityMinutes == capacity)
            #expect(cell.plannedMinutes == planned, "\(cell.employeeID) \(cell.date)")
            #expect(cell.ticketIDs == tickets.sorted())
            #expect(cell.isOverloaded == (planned > capacity))
        }
        #expect(calendar.total.plannedMinutes == calendar.cells.map(\.plannedMinutes).reduce(0, +))
        for date in calendar.dates {
            #expect(
                calendar.total(on: date).capacityMinutes
                    == calendar.column(on: date).map(\.capacityMinutes).reduce(0, +))
        }
        let overloaded = try await t.desk.overloadedCells(
            of: t.serviceDesk.id, from: Self.monday, through: through, as: .system)
        #expect(
            overloaded
                == calendar.cells.filter(\.isOverloaded).sorted {
                    ($0.overloadMinutes, $1.employeeID, $1.date) > ($1.overloadMinutes, $0.employeeID, $0.date)
                })
        #expect(calendar.isoWeek(containing: through) == calendar)
        #expect(calendar.day(Self.monday).cells == calendar.column(on: Self.monday))
        #expect(calendar.month(containing: Self.monday).dates.count == 7)
        // The explicit list gives the same rows, leavers included.
        let listed = try await t.desk.workload(
            of: [t.boris.id, t.anna.id], from: Self.monday, through: through, as: .system)
        #expect(listed == calendar)
        let former = try await t.desk.workload(of: [t.former.id], from: Self.monday, through: through, as: .system)
        #expect(former.employeeIDs == [t.former.id])
    }

    @Test("free slots are the maximal free runs of working time at least the length asked", arguments: 0..<8)
    func freeSlots(seed: Int) async throws {
        let t = try await TestDesk.make(seed: UInt64(seed) + 100)
        _ = try await t.desk.setWorkingCalendar(of: t.boris.id, Self.berlin, by: .system)
        let visits = try await Self.randomVisits(t, seed: UInt64(seed) + 7)
        try await Self.store(visits, in: t)
        let through = try Self.monday.adding(days: 4)
        let length = [30, 60, 120][seed % 3]
        let slots = try await t.desk.freeSlots(
            for: t.serviceDesk.id, minutes: length, from: Self.monday, through: through, as: .system)
        var expected: [FreeSlot] = []
        for (employee, working) in [(t.anna.id, HelpDesk.standardWorkloadCalendar), (t.boris.id, Self.berlin)].sorted(
            by: { $0.0 < $1.0 })
        {
            var date = Self.monday
            while date <= through {
                var run: [Date] = []
                func close() {
                    if run.count >= length, let first = run.first, let last = run.last {
                        expected.append(
                            FreeSlot(
                                employeeID: employee, date: date,
                                interval: DateInterval(start: first, end: last.addingTimeInterval(60))))
                    }
                    run = []
                }
                for minute in try Self.minutes(of: date, in: working.timeZone) {
                    let middle = minute.addingTimeInterval(30)
                    let busy = visits.contains {
                        !$0.isCancelled && $0.employeeIDs.contains(employee) && $0.start <= middle && middle < $0.end
                    }
                    if working.isWorking(at: middle) && !busy { run.append(minute) } else { close() }
                }
                close()
                date = try date.adding(days: 1)
            }
        }
        #expect(slots == expected)
    }

    @Test("capacity falls back to the desk's default SLA calendar, then to 09:00-18:00 UTC on weekdays")
    func fallbacks() async throws {
        let night = try BusinessCalendar(
            timeZoneIdentifier: "Asia/Tokyo",
            schedule: WeeklySchedule(weekdays: Weekday.allCases, intervals: [try LocalInterval(parsing: "20:00-23:00")])
        )
        var configuration = HelpDeskConfiguration()
        configuration.sla = try SLAConfiguration(
            policies: [SLAPolicy(id: "night", name: "Night", calendar: night, targets: [:])], defaultPolicyID: "night")
        let t = try await TestDesk.make(configuration: configuration)
        let sunday = try Self.monday.adding(days: 6)
        let calendar = try await t.desk.workload(of: [t.anna.id], from: Self.monday, through: sunday, as: .system)
        #expect(calendar.cells.map(\.capacityMinutes) == Array(repeating: 180, count: 7))
        let plain = try await TestDesk.make()
        let standard = try await plain.desk.workload(
            of: [plain.anna.id], from: Self.monday, through: sunday, as: .system)
        #expect(standard.cells.map(\.capacityMinutes) == [540, 540, 540, 540, 540, 0, 0])
    }

    @Test("bad ranges, lists and lengths are typed errors")
    func badInput() async throws {
        let t = try await TestDesk.make()
        let group = t.serviceDesk.id
        let later = try Self.monday.adding(days: 93)
        let earlier = try Self.monday.adding(days: -1)
        let ancient = try LocalDate(year: 1, month: 1, day: 1)
        for (from, through) in [(Self.monday, later), (Self.monday, earlier), (ancient, ancient)] {
            await #expect(throws: HelpDeskError.self) {
                try await t.desk.workload(of: group, from: from, through: through, as: .system)
            }
        }
        let last = try Self.monday.adding(days: 92)
        #expect(try await t.desk.workload(of: group, from: Self.monday, through: last, as: .system).dates.count == 93)
        await #expect(throws: HelpDeskError.self) {
            try await t.desk.workload(of: [t.anna.id, t.anna.id], from: Self.monday, through: Self.monday, as: .system)
        }
        let stranger = EmployeeID(UUID(uuidString: "00000000-0000-0000-0000-000000000002")!)
        await #expect(throws: HelpDeskError.employeeNotFound(stranger)) {
            try await t.desk.workload(of: [stranger], from: Self.monday, through: Self.monday, as: .system)
        }
        for minutes in [0, -5, 1_441, Int.max] {
            await #expect(throws: HelpDeskError.invalidInput(field: "minutes", problem: .outOfRange(1...1_440))) {
                try await t.desk.freeSlots(
                    for: group, minutes: minutes, from: Self.monday, through: Self.monday, as: .system)
            }
        }
        await #expect(
            throws: HelpDeskError.groupNotFound(GroupID(UUID(uuidString: "00000000-0000-0000-0000-000000000001")!))
        ) {
            try await t.desk.workload(
                of: GroupID(UUID(uuidString: "00000000-0000-0000-0000-000000000001")!), from: Self.monday,
                through: Self.monday,
                as: .system)
        }
    }
}
