import Foundation
import HelpDeskTestSupport
import SeededRandom
import Testing
import WorkingTime

@testable import HelpDeskKit

/// Properties of time rules over seeded random inputs, each against a reference: working minutes
/// against counting working minutes one by one (across DST and midnight); the firings and ended
/// episodes of every tick of a random day against a small model of episodes; several capped ticks
/// against one uncapped; the same seed giving the same desk and reports.
@Suite("Time-based rules: properties")
struct TimeRulePropertyTests {
    static let calendars: [BusinessCalendar] = {
        let night = try! BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin",
            schedule: WeeklySchedule(
                weekdays: Weekday.allCases, intervals: [try! LocalInterval(parsing: "22:00-06:00")]))
        let newYork = try! BusinessCalendar(
            timeZoneIdentifier: "America/New_York",
            schedule: WeeklySchedule(
                weekdays: Weekday.workweek, intervals: [try! LocalInterval(parsing: "09:00-17:30")]))
        return [
            SLAFixtures.calendar, night, newYork, try! BusinessCalendar.russianFiveDay(),
            .twentyFourSeven(timeZone: TimeZone(identifier: "Europe/Berlin")!),
        ]
    }()

    /// "N working minutes passed" three ways: counting minute by minute, measuring the span
    /// directly (commands), and through the tick's per-N cut-off shared by many starts.
    @Test func workingMinutesAgreeWithCountingMinuteByMinute() {
        var random = SplitMix64(seed: 2_021)
        // Around 2026's DST changes in Europe (March, October) and the US (March), and an ordinary week.
        let bases: [Int64] = [1_774_746_000, 1_792_890_000, 1_773_036_000, 1_777_000_000]
        for _ in 0..<60 {
            let calendar = Self.calendars[Int(random.next() % UInt64(Self.calendars.count))]
            let base = bases[Int(random.next() % UInt64(bases.count))]
            let instant = Date(timeIntervalSince1970: Double(base + Int64(random.next() % 4_320) * 60 - 2_160 * 60))
            let cached = RuleWorkingClock(calendar: calendar, instant: instant, caching: true)
            let direct = RuleWorkingClock(calendar: calendar, instant: instant)
            for _ in 0..<12 {
                let minutes = random.next() % 4 == 0 ? 0 : Int(random.next() % 900)
                let start = instant.addingTimeInterval(Double(Int64(random.next() % 5_760) - 5_400) * 60)
                let expected = Self.countedMinutes(calendar, from: start, to: instant).map { $0 >= minutes } ?? false
                #expect(
                    direct.reached(from: start, minutes: minutes) == expected,
                    "\(calendar.timeZone) \(start) \(minutes)")
                #expect(
                    cached.reached(from: start, minutes: minutes) == expected,
                    "\(calendar.timeZone) \(start) \(minutes)")
            }
        }
    }

    /// Working minutes in `[start, end)`, counted one by one (`nil` when `start` is after `end`).
    static func countedMinutes(_ calendar: BusinessCalendar, from start: Date, to end: Date) -> Int? {
        guard start <= end else { return nil }
        var count = 0
        var minute = start
        while minute < end {
            if calendar.isWorking(at: minute) { count += 1 }
            minute = minute.addingTimeInterval(60)
        }
        return count
    }

    // MARK: The tick's plan against evaluating every condition

    /// A random condition a time rule may hold, over the fixtures' records (sets longer than the
    /// filter's lists too).
    static func randomCondition(_ random: inout SplitMix64, _ fixtures: TicketFixtures, depth: Int = 0) -> RuleCondition
    {
        func some<Value: Hashable>(_ values: [Value]) -> Set<Value> {
            Set((0..<Int(random.next() % 10)).map { _ in values[Int(random.next() % UInt64(values.count))] })
        }
        let basis: RuleTimeBasis = random.next() % 2 == 0 ? .calendar : .working
        let kind: SLAClockKind? = [nil, .reaction, .resolution][Int(random.next() % 3)]
        switch random.next() % (depth > 2 ? 15 : 16) {
        case 0: return .priority(some(Priority.allCases))
        case 1: return .status(some(Workflow.standard.statuses.map(\.code)))
        case 2: return .group(some(fixtures.groupIDs.map(Optional.some) + [nil]))
        case 3: return .category(some(fixtures.categoryIDs.map(Optional.some) + [nil]))
        case 4: return .assignee(some(fixtures.employeeIDs.prefix(12).map(Optional.some) + [nil]))
        case 5: return .channel(some(Channel.allCases))
        case 6: return .company(some(fixtures.companyIDs.map(Optional.some) + [nil]))
        case 7: return .textContains(["printer", "VPN", "сеть"][Int(random.next() % 3)])
        case 8: return .slaBreached
        case 9: return .slaWarned(kind, threshold: random.next() % 2 == 0 ? nil : Int(random.next() % 99) + 1)
        case 10: return .slaBreachedFor(kind, minutes: Int(random.next() % 600), basis: basis)
        case 11:
            return .elapsed(
                since: RuleMoment.allCases[Int(random.next() % 3)], minutes: Int(random.next() % 600), basis: basis)
        case 12: return .unanswered(minutes: Int(random.next() % 300), basis: basis)
        case 13: return .within(.workingHours(SLAFixtures.calendar))
        case 14: return .location(some(fixtures.locationIDs.map(Optional.some) + [nil]))
        default: return .not(randomCondition(&random, fixtures, depth: depth + 1))
        }
    }

    /// The filter, the cheapest-first order, the calendar looked up only when needed and the
    /// shared cut-offs change nothing: on random rules and tickets the plan answers exactly as
    /// evaluating every condition does.
    @Test func theTickPlanAgreesWithEvaluatingEveryCondition() {
        var random = SplitMix64(seed: 2_022)
        let fixtures = TicketFixtures(seed: 5)
        let tickets = fixtures.tickets(count: 300, seed: 6)
        var ids = SeededIdentifierSource(seed: 7)
        var held = 0
        for _ in 0..<300 {
            let rule = AutomationRule(
                id: ids.next(), name: "Random", priority: 1, triggers: [.time],
                match: random.next() % 3 == 0 ? .any : .all,
                conditions: (0..<Int(random.next() % 5)).map { _ in Self.randomCondition(&random, fixtures) },
                actions: [.setPriority(.high)])
            let plan = TimeRulePlan(rule, workflow: .standard)
            let now = TicketFixtures.epoch.addingTimeInterval(Double(random.next() % 30_000) * 60)
            let shared = RuleWorkingClock(calendar: SLAFixtures.calendar, instant: now, caching: true)
            for ticket in tickets {
                let naive = RuleSubject(
                    ticket: ticket, original: nil, at: now,
                    working: RuleWorkingClock(calendar: SLAFixtures.calendar, instant: now))
                let expected =
                    rule.match == .all
                    ? rule.conditions.allSatisfy(naive.holds) : rule.conditions.contains(where: naive.holds)
                var subject = RuleSubject(ticket: ticket, original: nil, at: now)
                var resolved = false
                let outcome = plan.matches(
                    &subject, statusBit: RuleTickFilter.bit(of: ticket.status, in: .standard), resolved: &resolved,
                    resolve: { _ in .some(shared) })
                #expect(outcome == expected, "\(rule.match) \(rule.conditions) on \(ticket.number)")
                if expected { held += 1 }
            }
        }
        #expect(held > 1_000, "the random rules hold often enough to test something")
    }

    /// Parallel slices find what one pass over every ticket finds.
    @Test func aScanInSlicesEqualsOnePass() {
        var random = SplitMix64(seed: 2_023)
        let fixtures = TicketFixtures(seed: 8)
        let tickets = fixtures.tickets(count: 70_000, seed: 9)
        var ids = SeededIdentifierSource(seed: 10)
        let plans = (0..<6).map { index in
            TimeRulePlan(
                AutomationRule(
                    id: ids.next(), name: "Rule \(index)", priority: index, triggers: [.time],
                    conditions: (0..<2).map { _ in Self.randomCondition(&random, fixtures) },
                    actions: [.setPriority(.high)]),
                workflow: .standard)
        }
        var open: [TicketID: [RuleEpisode]] = [:]
        for ticket in tickets.prefix(5_000) where random.next() % 2 == 0 {
            let plan = plans[Int(random.next() % 6)]
            open[ticket.id] = [RuleEpisode(id: ids.next(), ruleID: plan.ruleID, ticketID: ticket.id, firedAt: .now)]
        }
        let scan = RuleTickScan(
            plans: plans, instant: TicketFixtures.epoch.addingTimeInterval(80_000 * 60), workflow: .standard,
            sla: try! SLAFixtures.configuration().sla, zoned: ZonedCalendars(), open: open, paused: [],
            active: Set(plans.map(\.ruleID)))
        let sliced = scan.scanAll(tickets)
        let whole = scan.scan(tickets, tickets.indices, locations: [:])
        #expect(sliced.due.map(\.ticketID) == whole.due.map(\.ticketID))
        #expect(sliced.due.map(\.rules) == whole.due.map(\.rules))
        #expect(sliced.ended == whole.ended && sliced.pending == whole.pending)
        #expect(!whole.due.isEmpty && !whole.ended.isEmpty)
    }

    // MARK: A random day against a model of episodes

    /// Rules on priority, status, age and answers whose actions (watchers) never change what any
    /// rule asks: so a model can tell every tick's firings from the tickets alone.
    static func modelRules(_ random: inout SplitMix64, test: TestDesk) -> [RuleDefinition] {
        func condition() -> RuleCondition {
            switch random.next() % 5 {
            case 0: .priority(Set(Priority.allCases.filter { _ in random.next() % 2 == 0 }))
            case 1: .status(Set([StatusCode.new, .inProgress].filter { _ in random.next() % 2 == 0 }))
            case 2: .unanswered(minutes: Int(random.next() % 90), basis: .calendar)
            case 3: .elapsed(since: .created, minutes: Int(random.next() % 120), basis: .calendar)
            default: .not(.priority([Priority.allCases[Int(random.next() % 4)]]))
            }
        }
        return (0..<Int(random.next() % 4) + 2).map { index in
            RuleDefinition(
                name: "Time \(index)", priority: Int(random.next() % 100) * 10 + index, triggers: [.time],
                match: random.next() % 3 == 0 ? .any : .all,
                conditions: (0...random.next() % 2).map { _ in condition() },
                actions: [.addWatchers([random.next() % 2 == 0 ? test.anna.id : test.boris.id])])
        }
    }

    /// The model's answer for one condition.
    static func holds(_ condition: RuleCondition, _ ticket: Ticket, at now: Date) -> Bool {
        switch condition {
        case .priority(let set): set.contains(ticket.priority)
        case .status(let set): set.contains(ticket.status)
        case .unanswered(let minutes, _):
            ticket.firstResponseAt == nil && now.timeIntervalSince(ticket.createdAt) >= Double(minutes * 60)
        case .elapsed(_, let minutes, _): now.timeIntervalSince(ticket.createdAt) >= Double(minutes * 60)
        case .not(let inner): !holds(inner, ticket, at: now)
        default: false
        }
    }

    /// Plays a random day: commands and ticks; checks every tick against the model; returns the
    /// desk and the reports.
    static func playDay(seed: UInt64) async throws -> (StoreSnapshot, [TickReport]) {
        var random = SplitMix64(seed: seed)
        let test = try await TestDesk.make(seed: seed)
        let anna = Performer.employee(test.anna.id)
        var rules: [AutomationRule] = []
        for definition in modelRules(&random, test: test) {
            rules.append(try await test.desk.defineRule(definition, by: .system))
        }
        rules.sort { $0.priority < $1.priority }
        var tickets: [TicketID] = []
        var open = Set<[UUID]>()
        var reports: [TickReport] = []
        for _ in 0..<40 {
            test.clock.advance(by: Double(random.next() % 40 + 1) * 60)
            switch random.next() % 6 {
            case 0, 1:
                tickets.append(try await test.ticket("T", priority: Priority.allCases[Int(random.next() % 4)]).id)
            case 2 where !tickets.isEmpty:
                let id = tickets[Int(random.next() % UInt64(tickets.count))]
                _ = try? await test.desk.comment(on: id, NewComment("Answer"), by: anna)
            case 3 where !tickets.isEmpty:
                let id = tickets[Int(random.next() % UInt64(tickets.count))]
                let current = try await test.desk.ticket(id, as: .system)
                let targets = (test.desk.workflow.transitions[current.status] ?? []).sorted {
                    $0.rawValue < $1.rawValue
                }
                if !targets.isEmpty {
                    _ = try await test.desk.changeStatus(
                        id, to: targets[Int(random.next() % UInt64(targets.count))], by: anna)
                }
            case 4 where !tickets.isEmpty:
                let id = tickets[Int(random.next() % UInt64(tickets.count))]
                _ = try? await test.desk.updateTicket(
                    id, TicketUpdate(priority: Priority.allCases[Int(random.next() % 4)]), by: anna)
            default:
                let now = test.clock.now
                var expected: [RuleTickFiring] = []
                var ended = 0
                var next = Set<[UUID]>()
                for id in tickets {
                    let ticket = try await test.desk.ticket(id, as: .system)
                    let inScope = ![StatusCategory.closed, .cancelled].contains(
                        test.desk.workflow.category(of: ticket.status))
                    for rule in rules {
                        let key = [rule.id.rawValue, id.rawValue]
                        let conditions = rule.conditions.map { holds($0, ticket, at: now) }
                        let matches = rule.match == .all ? !conditions.contains(false) : conditions.contains(true)
                        if inScope, matches {
                            next.insert(key)
                            if !open.contains(key) {
                                expected.append(RuleTickFiring(rule: rule.id, ticket: ticket.number))
                            }
                        } else if open.contains(key) {
                            ended += 1
                        }
                    }
                }
                let report = try await test.desk.tick(now: now)
                #expect(report.ruleFirings == expected, "seed \(seed) at \(now)")
                #expect(report.endedRuleEpisodes == ended, "seed \(seed) at \(now)")
                #expect(report.deferredRuleFirings == 0 && report.ruleFailures.isEmpty)
                open = next
                reports.append(report)
            }
        }
        return (try await test.snapshot(), reports)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func eachTickFiresExactlyTheEpisodesTheModelStartsAndIsDeterministic(seed: UInt64) async throws {
        let (first, reports) = try await Self.playDay(seed: seed)
        #expect(reports.contains { !$0.ruleFirings.isEmpty }, "the day fires something")
        let (second, again) = try await Self.playDay(seed: seed)
        #expect(first == second && reports == again, "the same seed gives the same desk and reports")
    }

    // MARK: Capped ticks against one uncapped

    /// A desk with random tickets and rules that raise priorities (never lower them: no rule can
    /// undo another, so repeated ticks at one instant settle); ticks at one instant until nothing
    /// is due. Returns the tickets, the open episodes and every firing.
    static func settle(seed: UInt64, cap: Int) async throws -> ([Ticket], Set<[UUID]>, [RuleTickFiring], Int) {
        var random = SplitMix64(seed: seed)
        var configuration = HelpDeskConfiguration()
        configuration.rules = RuleSettings(maximumTimeFiringsPerTick: cap)
        let test = try await TestDesk.make(configuration: configuration, seed: seed)
        for index in 0..<Int(random.next() % 5) + 3 {
            var conditions: [RuleCondition] = [
                .elapsed(since: .created, minutes: Int(random.next() % 30), basis: .calendar)
            ]
            // The first rule asks only for age: something is always due.
            if index > 0, random.next() % 2 == 0 {
                conditions.append(.priority([Priority.allCases[Int(random.next() % 4)]]))
            }
            if index > 0, random.next() % 3 == 0 { conditions.append(.unanswered(minutes: 5, basis: .calendar)) }
            let action: RuleAction =
                random.next() % 2 == 0
                ? .setPriority(.critical) : .addWatchers([index % 2 == 0 ? test.anna.id : test.boris.id])
            _ = try await test.desk.defineRule(
                RuleDefinition(
                    name: "Rule \(index)", priority: Int(random.next() % 50) * 10 + index, triggers: [.time],
                    conditions: conditions, actions: [action]), by: .system)
        }
        for _ in 0..<Int(random.next() % 30) + 10 {
            test.clock.advance(by: Double(random.next() % 5) * 60)
            let ticket = try await test.ticket("T", priority: Priority.allCases[Int(random.next() % 4)])
            if random.next() % 3 == 0 {
                _ = try await test.desk.comment(on: ticket.id, NewComment("Hi"), by: .employee(test.anna.id))
            }
        }
        let now = test.clock.now.addingTimeInterval(3_600)
        var firings: [RuleTickFiring] = []
        var ticks = 0
        while ticks < 200 {
            ticks += 1
            let report = try await test.desk.tick(now: now)
            #expect(report.ruleFailures.isEmpty)
            #expect(
                report.ruleFirings.count <= cap || Set(report.ruleFirings.map(\.ticket)).count == 1, "the cap holds")
            firings += report.ruleFirings
            if report.ruleFirings.isEmpty, report.deferredRuleFirings == 0 { break }
        }
        let episodes = try await test.store.feature((any RuleEpisodeRepository).self)?.ruleEpisodes() ?? []
        let tickets = try await test.snapshot().tickets
        return (tickets, Set(episodes.map { [$0.ruleID.rawValue, $0.ticketID.rawValue] }), firings, ticks)
    }

    @Test(arguments: [UInt64(11), 12, 13, 14, 15, 16])
    func firingsOverSeveralCappedTicksEqualOneUncappedTick(seed: UInt64) async throws {
        let (tickets, episodes, firings, _) = try await Self.settle(seed: seed, cap: 100_000)
        var draw = SplitMix64(seed: seed)
        let cap = Int(draw.next() % 4) + 1
        let (cappedTickets, cappedEpisodes, cappedFirings, ticks) = try await Self.settle(seed: seed, cap: cap)
        #expect(ticks > 2, "the cap made the work take several ticks")
        #expect(cappedTickets == tickets, "the same tickets, field by field")
        #expect(cappedEpisodes == episodes)
        func count(_ list: [RuleTickFiring]) -> [RuleTickFiring: Int] {
            list.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }
        #expect(count(cappedFirings) == count(firings), "the same firings, none lost, none doubled")
    }
}
