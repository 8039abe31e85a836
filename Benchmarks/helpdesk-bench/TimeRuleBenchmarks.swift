import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

/// A tick over `count` tickets with 50 time-based rules (issue #20), in memory: the first tick
/// (scan, then the capped 1,000 firings), a tick firing everything due, the tick that ends the
/// episodes those firings closed, and the steady tick that finds nothing due (median of 5).
@concurrent func timeRuleBenchmarks(quick: Bool) async throws -> [BenchmarkResult] {
    let count = quick ? 20_000 : 1_000_000
    let fixtures = TicketFixtures(seed: 21)
    let store = InMemoryStore()
    let batch = 50_000
    for start in stride(from: 0, to: count, by: batch) {
        var work = UnitOfWork()
        for ticket in fixtures.tickets(count: min(batch, count - start), firstNumber: start + 1, seed: UInt64(start)) {
            work.save(ticket, expectedRevision: nil)
        }
        try await store.commit(work)
    }
    var directory = UnitOfWork()
    directory.groups = fixtures.groupIDs.enumerated().map { SupportGroup(id: $1, name: "Group \($0)") }
    directory.categories = fixtures.categoryIDs.enumerated().map { ServiceCategory(id: $1, name: "Category \($0)") }
    directory.employees = fixtures.employeeIDs.enumerated().map { index, id in
        Employee(
            id: id, name: "Agent \(index)", email: "agent\(index)@example.com",
            groupIDs: [fixtures.groupIDs[index % fixtures.groupIDs.count]])
    }
    try await store.commit(directory)

    // The fixtures' clocks name the policy `standard`; some run on a client's local time.
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
    let now = TicketFixtures.epoch.addingTimeInterval(Double(count) * 60 + 86_400)
    let clock = ManualClock(start: now)
    let desk = HelpDesk(
        store: store, configuration: configuration, clock: clock.clock, identifiers: SeededIdentifierSource(seed: 22),
        random: SeededRandomSource(seed: 23))
    // The fixtures' SLA clocks are behind: a first tick announces their warnings and breaches
    // (SLA work, not the rules'; not measured).
    _ = try await desk.tick(now: now)
    for (index, definition) in timeRules(fixtures).enumerated() {
        var named = definition
        named.priority = index
        _ = try await desk.defineRule(named, by: .system)
    }
    var unlimited = configuration
    unlimited.rules = RuleSettings(maximumTimeFiringsPerTick: .max)
    let drain = HelpDesk(
        store: store, configuration: unlimited, clock: clock.clock, identifiers: SeededIdentifierSource(seed: 24),
        random: SeededRandomSource(seed: 25))

    var first: TickReport?
    let firstSeconds = try await Measure.seconds { first = try await desk.tick(now: now) }
    var all: TickReport?
    let allSeconds = try await Measure.seconds { all = try await drain.tick(now: now) }
    var ending: TickReport?
    let endingSeconds = try await Measure.seconds { ending = try await desk.tick(now: now) }
    // Firings that the endings made due again (and their own consequences), until nothing is due.
    var settling = 0
    while settling < 20 {
        settling += 1
        let report = try await drain.tick(now: now)
        if report.ruleFirings.isEmpty, report.endedRuleEpisodes == 0 { break }
    }
    var steady: TickReport?
    let steadyMilliseconds = try await Measure.medianMilliseconds(runs: 5) { steady = try await desk.tick(now: now) }
    let episodes = try await store.ruleEpisodes().count
    guard let first, let all, let ending, let steady else { return [] }
    let setup = "\(count) tickets (fixtures: random statuses, half with SLA clocks), 50 time rules"
    return [
        BenchmarkResult(
            name: "rules.tick.first", value: firstSeconds * 1_000, unit: "ms", target: nil, higherIsBetter: false,
            notes: "\(setup); no episodes yet: the scan, then \(first.ruleFirings.count) firings (the default cap), "
                + "\(first.deferredRuleFirings) deferred"),
        BenchmarkResult(
            name: "rules.tick.fireAll", value: Double(all.ruleFirings.count) / allSeconds, unit: "firings/s",
            target: nil,
            higherIsBetter: true,
            notes: "\(setup); one uncapped tick firing all \(all.ruleFirings.count) due firings, each ticket's "
                + "its own unit of work (\(Int(allSeconds * 1_000)) ms)"),
        BenchmarkResult(
            name: "rules.tick.ending", value: endingSeconds * 1_000, unit: "ms", target: nil, higherIsBetter: false,
            notes: "\(setup); the next tick: \(ending.endedRuleEpisodes) episodes end (the firings' changes), "
                + "\(ending.ruleFirings.count) fire"),
        BenchmarkResult(
            name: "rules.tick.steady", value: steadyMilliseconds, unit: "ms", target: nil, higherIsBetter: false,
            notes: "\(setup), \(episodes) open episodes; median of 5 ticks with nothing due "
                + "(\(steady.ruleFirings.count) firings, \(steady.endedRuleEpisodes) endings; settled in \(settling) "
                + "uncapped ticks)"),
    ]
}

/// Fifty time rules of the kinds issue #20 names: auto-replies to unanswered tickets in working
/// minutes, SLA warnings and escalation levels, reminders on stale and resolved tickets.
private func timeRules(_ fixtures: TicketFixtures) -> [RuleDefinition] {
    var rules: [RuleDefinition] = []
    let groups = fixtures.groupIDs
    let agents = fixtures.employeeIDs
    func rule(_ name: String, _ conditions: [RuleCondition], _ actions: [RuleAction]) {
        rules.append(
            RuleDefinition(name: name, priority: 0, triggers: [.time], conditions: conditions, actions: actions))
    }
    for index in 0..<10 {
        rule(
            "Auto-reply \(index)",
            [.group([groups[index % groups.count]]), .unanswered(minutes: 15 * (index + 1), basis: .working)],
            [.addWatchers([agents[index]])])
    }
    for index in 0..<10 {
        rule(
            "Warn \(index)",
            [
                .priority([Priority.allCases[index % 4]]), .group([groups[index % groups.count]]),
                .slaWarned(index % 2 == 0 ? .reaction : .resolution, threshold: nil),
            ],
            [.addWatchers([agents[10 + index]])])
    }
    for index in 0..<10 {
        rule(
            "Escalate \(index)",
            [
                .group([groups[(index + 1) % groups.count]]),
                .slaBreachedFor(nil, minutes: 60 * (index + 1), basis: .working),
            ],
            [.addWatchers([agents[20 + index]])])
    }
    for index in 0..<10 {
        rule(
            "Stale \(index)",
            [
                .status([.waitingForClient, .inProgress]), .priority([Priority.allCases[index % 4]]),
                .elapsed(since: .lastUpdate, minutes: 1_440 * (index + 1), basis: .calendar),
            ],
            [.addWatchers([agents[30 + index]])])
    }
    for index in 0..<10 {
        rule(
            "Close resolved \(index)",
            [
                .status([.resolved]), .category([fixtures.categoryIDs[index]]),
                .elapsed(since: .resolved, minutes: 4_320, basis: .working),
            ],
            [.setStatus(.closed)])
    }
    return rules
}
