import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

/// Maintenance plans of issue #23 on a large desk: `plans` weekly plans of one client's contract
/// (in-memory store), their first dates spread over the seven days from Monday 2 March 2026 at
/// 10:00 Moscow time, each opening its ticket with a visit of Boris. Measured: creating the plans
/// through the engine, a tick with nothing due (before the first date) and the tick(s) that open the
/// first day's tickets, each in its own unit of work with its visit (a seventh of the plans; at most
/// ``HelpDesk/maintenanceTicketsPerTick`` per plan and tick).
func maintenanceBenchmarks(quick: Bool) async throws -> [BenchmarkResult] {
    let planCount = quick ? 1_000 : 10_000
    let t = try await TestDesk.make()
    let desk = t.desk
    let company = try await desk.addCompany(NewCompany(name: "Northwind"), by: .system)
    let office = try await desk.addLocation(
        NewLocation(companyID: company.id, name: "Office", timeZoneIdentifier: "Europe/Moscow"), by: .system)
    let contract = try await desk.addContract(
        NewContract(companyID: company.id, number: "NW-1", startsAt: TestDesk.start.addingTimeInterval(-86_400)),
        by: .system)
    let moscow = TimeZone(identifier: "Europe/Moscow")!
    let monday = try LocalDate(year: 2026, month: 3, day: 2)
    let creating = try await Measure.seconds {
        for index in 0..<planCount {
            let request = try MaintenanceTickRace.weeklyPlan(
                index, of: t, company: company.id, contract: contract.id, location: office.id,
                from: try monday.adding(days: 1 + index % 7))
            _ = try await desk.createMaintenancePlan(request, by: .system)
        }
    }
    let idle = monday.instant(at: try TimeOfDay(hour: 8), in: moscow)
    t.clock.set(to: idle)
    let nothingDue = try await Measure.medianMilliseconds(runs: quick ? 3 : 5) { _ = try await desk.tick(now: idle) }
    let due = try monday.adding(days: 1).instant(at: try TimeOfDay(hour: 8), in: moscow)
    t.clock.set(to: due)
    var opened = 0
    var ticks = 0
    let generating = try await Measure.seconds {
        while true {
            let report = try await desk.tick(now: due)
            ticks += 1
            opened += report.maintenanceTickets.count
            if report.deferredMaintenancePlans.isEmpty { break }
        }
    }
    let size = "\(planCount) weekly plans (in-memory store)"
    return [
        BenchmarkResult(
            name: "maintenance.create.plans", value: Double(planCount) / creating, unit: "plans/s",
            higherIsBetter: true, notes: "\(size), through createMaintenancePlan"),
        BenchmarkResult(
            name: "maintenance.tick.nothingDue", value: nothingDue, unit: "ms", higherIsBetter: false,
            notes: "\(size); a whole tick, every hook, before any plan's first date"),
        BenchmarkResult(
            name: "maintenance.tick.firstDay", value: generating * 1_000, unit: "ms", higherIsBetter: false,
            notes: "\(size); \(opened) tickets with visits opened by \(ticks) tick(s) on the first day"),
    ]
}
