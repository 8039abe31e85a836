import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import PostgresStore
import WorkingTime

/// Figures at 100k tickets: the load, a filtered ticket page, and the SLA-compliance report on
/// PostgreSQL beside the same report over an in-memory store holding the same tickets.
///
/// The tickets are the ones `helpdesk-bench reports` generates (seed 11, 200 companies, three in
/// four with a first response, half resolved), 100k instead of 1M. With `HELPDESK_SLA_ROWS=/path.csv`
/// it writes their SLA rows for `Benchmarks/Comparisons/sqlite_sla_report.py`.
func datasetBenchmarks(on database: BenchDatabase, quick: Bool) async throws -> [BenchmarkResult] {
    let count = quick ? 20_000 : 100_000
    let tickets = reportTickets(count: count)
    let name = "bench_dataset"
    try await database.recreate(name)
    let results = try await BenchDatabase.withClient(database.server.database(name)) { client in
        let store = try await PostgresStore.open(client: client, logger: database.logger)
        let loader = try await load(tickets, into: store)
        let pages = try await pageBenchmarks(on: store, count: count, quick: quick)
        let reports = try await reportBenchmarks(on: store, tickets: tickets, quick: quick)
        return [loader] + pages + reports
    }
    try await database.drop(name)
    if let path = ProcessInfo.processInfo.environment["HELPDESK_SLA_ROWS"] { try writeSLARows(tickets, to: path) }
    return results
}

/// The report benchmark's tickets: fixtures with companies and lifecycle instants.
private func reportTickets(count: Int) -> [Ticket] {
    let fixtures = TicketFixtures(seed: 11)
    var ids = SeededIdentifierSource(seed: 12)
    let companies: [CompanyID] = (0..<200).map { _ in ids.next() }
    var random = SplitMix64(seed: 13)
    return fixtures.tickets(count: count, seed: 0).map { fixture in
        var ticket = fixture
        ticket.companyID = companies[Int(random.next() % 200)]
        if random.next() % 4 != 0 {
            ticket.firstResponseAt = ticket.createdAt.addingTimeInterval(Double(random.next() % 40_000))
        }
        if random.next() % 2 == 0 {
            ticket.resolvedAt = ticket.createdAt.addingTimeInterval(Double(random.next() % 400_000))
        }
        return ticket
    }
}

/// Commits `tickets` in units of 2,000 from two concurrent loaders; the load time as a result.
private func load(_ tickets: [Ticket], into store: PostgresStore) async throws -> BenchmarkResult {
    let batch = 2_000
    let loaders = 2
    let starts = Array(stride(from: 0, to: tickets.count, by: batch))
    let seconds = try await Measure.seconds {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for loader in 0..<loaders {
                group.addTask {
                    for start in stride(from: loader, to: starts.count, by: loaders).map({ starts[$0] }) {
                        var work = UnitOfWork()
                        for ticket in tickets[start..<min(start + batch, tickets.count)] {
                            work.save(ticket, expectedRevision: nil)
                        }
                        try await store.commit(work)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
    return BenchmarkResult(
        name: "postgres.load.\(tickets.count / 1_000)k", value: seconds, unit: "s", target: nil, higherIsBetter: false,
        notes: "\(tickets.count) tickets through PostgresStore.commit in units of \(batch) from \(loaders) "
            + "concurrent loaders (\(Int(Double(tickets.count) / seconds)) tickets/s; no audit or events)")
}

/// A dispatcher's queue (open work of one group, high and critical first) and the fixtures'
/// random queries, at the loaded size.
private func pageBenchmarks(on store: PostgresStore, count: Int, quick: Bool) async throws -> [BenchmarkResult] {
    let fixtures = TicketFixtures(seed: 11)
    var queue = TicketQuery()
    queue.statusCategories = [.new, .open, .waiting]
    queue.groupIDs = [fixtures.groupIDs[0]]
    queue.priorities = [.critical, .high, .normal]
    queue.sort = [TicketSort(.priority, .descending), TicketSort(.createdAt, .ascending)]
    queue.limit = 50
    var total = 0
    let runs = quick ? 5 : 21
    let queueSamples = try await Measure.milliseconds(runs: runs) {
        total = try await store.tickets(matching: queue, workflow: .standard).totalCount
    }
    var deep = queue
    deep.offset = max(total - 50, 0)
    let deepSamples = try await Measure.milliseconds(runs: runs) {
        _ = try await store.tickets(matching: deep, workflow: .standard)
    }
    var random = SplitMix64(seed: 9)
    let queries = (0..<50).map { _ in fixtures.query(using: &random, ticketCount: count) }
    let randomSamples = try await Measure.milliseconds(runs: 1) {
        for query in queries { _ = try await store.tickets(matching: query, workflow: .standard) }
    }
    let size = "\(count / 1_000)k"
    return [
        BenchmarkResult(
            name: "postgres.query.queue.\(size)", value: Measure.median(queueSamples), unit: "ms", target: nil,
            higherIsBetter: false,
            notes: "tickets(matching:) first page of 50: status category new/open/waiting, one group, "
                + "priority critical/high/normal, sorted by priority desc then created; \(total) matches; "
                + "count and page in one snapshot; median of \(runs)"),
        BenchmarkResult(
            name: "postgres.query.queueLastPage.\(size)", value: Measure.median(deepSamples), unit: "ms", target: nil,
            higherIsBetter: false, notes: "the same query, last page (offset \(deep.offset)); median of \(runs)"),
        BenchmarkResult(
            name: "postgres.query.random.\(size)", value: (randomSamples.first ?? 0) / Double(queries.count),
            unit: "ms", target: nil, higherIsBetter: false,
            notes: "mean of the 50 random TicketFixtures queries (filters, 1–2 sort keys, random page)"),
    ]
}

/// The SLA-compliance report by week and by company over PostgreSQL and over an in-memory store
/// with the same tickets (the report engine scans the store's tickets and aggregates in Swift).
private func reportBenchmarks(on store: PostgresStore, tickets: [Ticket], quick: Bool) async throws
    -> [BenchmarkResult]
{
    let memory = InMemoryStore()
    var work = UnitOfWork()
    for ticket in tickets { work.save(ticket, expectedRevision: nil) }
    try await memory.commit(work)

    let hours = try BusinessCalendar(
        timeZoneIdentifier: "Europe/Berlin",
        schedule: WeeklySchedule(
            weekdays: Weekday.workweek,
            intervals: [try LocalInterval(parsing: "09:00-13:00"), try LocalInterval(parsing: "14:00-18:00")]))
    let policy = SLAPolicy(
        id: "standard", name: "Standard", calendar: hours,
        targets: [.normal: SLATargets(reaction: .hours(1), resolution: .hours(8))])
    var configuration = HelpDeskConfiguration()
    configuration.sla = try SLAConfiguration(policies: [policy], defaultPolicyID: "standard")
    let period = TicketFixtures.epoch..<TicketFixtures.epoch.addingTimeInterval(Double(tickets.count) * 60 + 3_600)
    let request = ReportRequest(period: period, bucket: .week, timeZone: hours.timeZone)
    let runs = quick ? 1 : 5
    var results: [BenchmarkResult] = []
    for (storeName, reportStore) in [("postgres", store as any HelpDeskStore), ("memory", memory)] {
        let engine = ReportEngine(store: reportStore, configuration: configuration)
        for (name, dimension) in [("bucket", ReportDimension.bucket), ("company", .company)] {
            let cpu = Measure.processCPUSeconds()
            let samples = try await Measure.milliseconds(runs: runs) {
                _ = try await engine.slaCompliance(request, by: dimension)
            }
            let cpuPerRun = (Measure.processCPUSeconds() - cpu) * 1_000 / Double(runs)
            results.append(
                BenchmarkResult(
                    name: "\(storeName).reports.slaCompliance.\(name).\(tickets.count / 1_000)k",
                    value: Measure.median(samples), unit: "ms", target: nil, higherIsBetter: false,
                    notes: "ReportEngine.slaCompliance over \(storeName == "postgres" ? "PostgresStore" : "InMemoryStore") "
                        + "(tickets(in:) scan, aggregation in Swift); \(tickets.count) tickets, half with SLA clocks, "
                        + "weekly buckets / 200 companies; median of \(runs) (runs \(samples.map { Int($0) }) ms), "
                        + "\(Int(cpuPerRun)) ms of this process's CPU per run"))
        }
    }
    return results
}

/// Writes the tickets' SLA rows as `helpdesk-bench reports` does, for `sqlite_sla_report.py`.
private func writeSLARows(_ tickets: [Ticket], to path: String) throws {
    func outcome(_ clock: SLAClock?) -> String {
        guard let clock else { return "" }
        return clock.breachedAt != nil ? "breached" : clock.stoppedAt != nil ? "met" : "pending"
    }
    var text = "company,created,reaction,resolution\n"
    for ticket in tickets {
        guard let sla = ticket.sla, let company = ticket.companyID else { continue }
        text += "\(company),\(Int(ticket.createdAt.timeIntervalSince1970)),"
        text += "\(outcome(sla.reaction)),\(outcome(sla.resolution))\n"
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}
