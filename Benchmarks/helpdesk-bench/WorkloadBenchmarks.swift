import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

/// The workload calendar of issue #23 on a large desk: `employees` engineers in one group with
/// `visits` visits (each of its own new ticket, in work) over the three months from 2026-03-02,
/// written straight into the in-memory store in units of 1 000 visit writes (the visits commands
/// are not needed to measure the reads). Each
/// visit: a weekday, a start on the quarter hour between 08:00 and 19:00 UTC, 15–60 minutes; half
/// may move two days either way, a tenth are fixed. Employees have no calendar of their own, so
/// capacity is the default Monday–Friday 09:00–18:00 UTC.
func workloadBenchmarks(quick: Bool) async throws -> [BenchmarkResult] {
    let employees = quick ? 10 : 100
    let visitCount = quick ? 10_000 : 100_000
    let runs = quick ? 3 : 5
    let t = try await TestDesk.make()
    let group = try await t.desk.addGroup(named: "Engineers", by: .system)
    var people: [EmployeeID] = []
    for index in 0..<employees {
        let request = NewEmployee(
            name: "Engineer \(index)", email: "engineer\(index)@bench.example", groupIDs: [group.id])
        people.append(try await t.desk.addEmployee(request, by: .system).id)
    }
    let first = try LocalDate(year: 2026, month: 3, day: 2)
    let utc = TimeZone(identifier: "UTC")!
    let weekdays = try (0..<91).map { try first.adding(days: $0) }.filter { $0.weekday.rawValue <= 5 }
    // Levelling moves only visits of tickets in work, so every visit gets a ticket of its own.
    var tickets: [TicketID] = []
    for index in 0..<visitCount {
        let request = NewTicket(title: "Visit \(index)", channel: .api, requester: .freeText("Bench"))
        tickets.append(try await t.desk.createTicket(request, by: .system).id)
    }
    var random = SplitMix64(seed: 23)
    var work = UnitOfWork()
    let writing = try await Measure.seconds {
        for index in 0..<visitCount {
            let day = weekdays[Int(random.next() % UInt64(weekdays.count))]
            let start = day.instant(at: .midnight, in: utc).addingTimeInterval(Double(32 + random.next() % 44) * 900)
            let movable = random.next() % 2 == 0
            let visit = PlannedVisit(
                ticketID: tickets[index], start: start,
                durationMinutes: Int(1 + random.next() % 4) * 15,
                employeeIDs: [people[index % employees]],
                window: movable
                    ? DateInterval(start: start.addingTimeInterval(-2 * 86_400), duration: 4 * 86_400 + 3_600) : nil,
                isFixed: random.next() % 10 == 0)
            work.plannedVisitWrites.append(PlannedVisitWrite(visit: visit, expectedRevision: nil))
            if work.plannedVisitWrites.count == 1_000 {
                try await t.store.commit(work)
                work = UnitOfWork()
            }
        }
        if !work.plannedVisitWrites.isEmpty { try await t.store.commit(work) }
    }
    let from = try LocalDate(year: 2026, month: 3, day: 1)
    let through = try LocalDate(year: 2026, month: 3, day: 31)
    var overloaded = 0
    var slots = 0
    var moves = 0
    let calendar = try await Measure.medianMilliseconds(runs: runs) {
        _ = try await t.desk.workload(of: group.id, from: from, through: through, as: .system)
    }
    let cells = try await Measure.medianMilliseconds(runs: runs) {
        overloaded = try await t.desk.overloadedCells(of: group.id, from: from, through: through, as: .system).count
    }
    let free = try await Measure.medianMilliseconds(runs: runs) {
        slots = try await t.desk.freeSlots(for: group.id, minutes: 120, from: from, through: through, as: .system).count
    }
    let levelling = try await Measure.medianMilliseconds(runs: quick ? 1 : 3) {
        moves = try await t.desk.levellingSuggestions(for: group.id, from: from, through: through, as: .system).count
    }
    var longMoves = 0
    let longLevelling =
        try await Measure.seconds {
            longMoves = try await t.desk.levellingSuggestions(
                for: group.id, from: from, through: through, limit: 1_000, as: .system
            ).count
        } * 1_000
    let size = "\(employees) employees, \(visitCount) visits over 3 months (in-memory store), the month of March 2026"
    return [
        BenchmarkResult(
            name: "workload.write.visits", value: Double(visitCount) / writing, unit: "visits/s", higherIsBetter: true,
            notes: "straight into the store, 1 000 visit writes per unit of work"),
        BenchmarkResult(
            name: "workload.calendar.month", value: calendar, unit: "ms", higherIsBetter: false, notes: size),
        BenchmarkResult(
            name: "workload.overloadedCells.month", value: cells, unit: "ms", higherIsBetter: false,
            notes: "\(size); \(overloaded) overloaded cells"),
        BenchmarkResult(
            name: "workload.freeSlots.month.2h", value: free, unit: "ms", higherIsBetter: false,
            notes: "\(size); \(slots) free slots of 2 hours or more"),
        BenchmarkResult(
            name: "workload.levelling.month", value: levelling, unit: "ms", higherIsBetter: false,
            notes: "\(size); \(moves) suggestions (the default limit, 100)"),
        BenchmarkResult(
            name: "workload.levelling.month.limit1000", value: longLevelling, unit: "ms", higherIsBetter: false,
            notes: "\(size); \(longMoves) suggestions (limit 1 000), one run"),
    ]
}
