import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

/// Report figures over a large in-memory store (issue: reports).
///
/// With `HELPDESK_SLA_ROWS=/path.csv` in the environment it also writes the tickets' SLA rows
/// (company, created, reaction and resolution outcome) for `Benchmarks/Comparisons/sqlite_sla_report.py`.
@concurrent func reportBenchmarks(quick: Bool) async throws -> [BenchmarkResult] {
    let count = quick ? 20_000 : 1_000_000
    let fixtures = TicketFixtures(seed: 11)
    var ids = SeededIdentifierSource(seed: 12)
    let companies: [CompanyID] = (0..<200).map { _ in ids.next() }
    var random = SplitMix64(seed: 13)
    let store = InMemoryStore()
    Measure.returnFreedMemory()
    let baseline = Measure.residentMiB()
    let batch = 50_000
    for start in stride(from: 0, to: count, by: batch) {
        var work = UnitOfWork()
        for var ticket in fixtures.tickets(count: min(batch, count - start), firstNumber: start + 1, seed: UInt64(start)) {
            ticket.companyID = companies[Int(random.next() % 200)]
            if random.next() % 4 != 0 { ticket.firstResponseAt = ticket.createdAt.addingTimeInterval(Double(random.next() % 40_000)) }
            if random.next() % 2 == 0 { ticket.resolvedAt = ticket.createdAt.addingTimeInterval(Double(random.next() % 400_000)) }
            work.save(ticket, expectedRevision: nil)
        }
        try await store.commit(work)
    }
    let memory = Measure.residentMiB() - baseline

    let hours = try BusinessCalendar(
        timeZoneIdentifier: "Europe/Berlin",
        schedule: WeeklySchedule(weekdays: Weekday.workweek,
                                 intervals: [try LocalInterval(parsing: "09:00-13:00"), try LocalInterval(parsing: "14:00-18:00")]))
    let policy = SLAPolicy(id: "standard", name: "Standard", calendar: hours,
                           targets: [.normal: SLATargets(reaction: .hours(1), resolution: .hours(8))])
    var configuration = HelpDeskConfiguration()
    configuration.sla = try SLAConfiguration(policies: [policy], defaultPolicyID: "standard")
    let engine = ReportEngine(store: store, configuration: configuration)
    let period = TicketFixtures.epoch..<TicketFixtures.epoch.addingTimeInterval(Double(count) * 60 + 3_600)
    let request = ReportRequest(period: period, bucket: .week, timeZone: TimeZone(identifier: "Europe/Berlin")!)

    var results: [BenchmarkResult] = []
    let runs = quick ? 1 : 5
    for (name, dimension) in [("bucket", ReportDimension.bucket), ("company", .company)] {
        let ms = try await Measure.medianMilliseconds(runs: runs) { _ = try await engine.slaCompliance(request, by: dimension) }
        results.append(BenchmarkResult(
            name: "reports.slaCompliance.\(name)", value: ms, unit: "ms", target: 500, higherIsBetter: false,
            notes: "median of \(runs); \(count) tickets, half with SLA clocks, weekly buckets / 200 companies"))
    }
    for (name, dimension) in [("bucket", ReportDimension.bucket), ("company", .company)] {
        let ms = try await Measure.medianMilliseconds(runs: runs) { _ = try await engine.responseTimes(request, by: dimension) }
        results.append(BenchmarkResult(
            name: "reports.responseTimes.\(name)", value: ms, unit: "ms", target: 500, higherIsBetter: false,
            notes: "median of \(runs); \(count) tickets, working time on Mon–Fri 09–13/14–18 Berlin and calendar time"))
    }
    results.append(BenchmarkResult(
        name: "reports.store.memory", value: memory, unit: "MiB", target: 1_536, higherIsBetter: false,
        notes: "resident memory added by \(count) tickets (with companies and lifecycle instants) in the in-memory store"))

    if let path = ProcessInfo.processInfo.environment["HELPDESK_SLA_ROWS"] {
        func outcome(_ clock: SLAClock?) -> String {
            guard let clock else { return "" }
            return clock.breachedAt != nil ? "breached" : clock.stoppedAt != nil ? "met" : "pending"
        }
        var text = "company,created,reaction,resolution\n"
        for ticket in try await store.allTickets() {
            guard let sla = ticket.sla else { continue }
            text += "\(ticket.companyID!),\(Int(ticket.createdAt.timeIntervalSince1970)),\(outcome(sla.reaction)),\(outcome(sla.resolution))\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    return results
}
