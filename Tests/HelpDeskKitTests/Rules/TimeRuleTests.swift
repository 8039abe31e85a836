import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Time-based rules (issue #20): considered by `tick`, fired once per ticket and condition episode
/// (recorded, so no rule needs a condition that undoes itself), episodes that end and start again,
/// the per-tick cap, cascades, explain and validation.
/// A memory-backed store that keeps rules but cannot record rule episodes.
private final class StoreWithoutEpisodes: MemoryBackedStore {
    let backingStore = InMemoryStore()

    func ensureAvailable() throws(StorageError) {}

    func commit(_ work: UnitOfWork) async throws { try await backingStore.commit(work) }

    func feature<Feature>(_ feature: Feature.Type) throws(StorageError) -> Feature? {
        feature == (any RuleEpisodeRepository).self ? nil : self as? Feature ?? backingStore as? Feature
    }
}

@Suite("Time-based rules")
struct TimeRuleTests {
    static func timeRule(
        _ test: TestDesk, _ name: String, priority: Int, match: RuleMatch = .all, when conditions: [RuleCondition],
        _ actions: [RuleAction]
    ) async throws -> AutomationRule {
        try await test.desk.defineRule(
            RuleDefinition(
                name: name, priority: priority, triggers: [.time], match: match, conditions: conditions,
                actions: actions), by: .system)
    }

    static func minutes(_ count: Double) -> Date { TestDesk.start.addingTimeInterval(count * 60) }

    static func automationEntries(_ test: TestDesk, _ ticket: Ticket) async throws -> [AuditEntry] {
        try await test.desk.auditTrail(of: ticket.id, as: .system).filter { $0.field == .automation }
    }

    /// "An auto-reply when nobody answered within 15 minutes": once, however often the host ticks.
    @Test func anUnansweredTicketFiresOncePerEpisodeHoweverOftenTheHostTicks() async throws {
        let test = try await TestDesk.make()
        let rule = try await Self.timeRule(
            test, "Nobody answered", priority: 1, when: [.unanswered(minutes: 15, basis: .calendar)],
            [.addWatchers([test.boris.id])])
        let ticket = try await test.ticket("Printer jams")
        let early = try await test.desk.tick(now: Self.minutes(14.99))
        #expect(early.ruleFirings.isEmpty)
        let due = try await test.desk.tick(now: Self.minutes(15))
        #expect(due.ruleFirings == [RuleTickFiring(rule: rule.id, ticket: ticket.number)])
        for minute in stride(from: 16.0, through: 120, by: 7) {
            let report = try await test.desk.tick(now: Self.minutes(minute))
            #expect(report.ruleFirings.isEmpty && report.endedRuleEpisodes == 0, "minute \(minute)")
        }
        let stored = try await test.desk.ticket(ticket.id, as: .system)
        #expect(stored.watcherIDs == [test.boris.id])
        let entries = try await Self.automationEntries(test, ticket)
        #expect(entries.count == 1 && entries[0].performer == .system && entries[0].at == Self.minutes(15))
        #expect(entries[0].newValue == "rule «Nobody answered» (priority 1)")
        // The answer ends the episode; the ticket never fires again.
        test.clock.set(to: Self.minutes(130))
        _ = try await test.desk.comment(on: ticket.id, NewComment("Looking into it"), by: .employee(test.anna.id))
        let answered = try await test.desk.tick(now: Self.minutes(131))
        #expect(answered.endedRuleEpisodes == 1 && answered.ruleFirings.isEmpty)
        #expect(try await test.desk.tick(now: Self.minutes(500)).ruleFirings.isEmpty)
    }

    @Test func anEpisodeEndsWhenItsConditionsStopHoldingAndTheRuleFiresAgainWhenTheyHoldAgain() async throws {
        let test = try await TestDesk.make()
        let anna = Performer.employee(test.anna.id)
        _ = try await Self.timeRule(
            test, "High and old", priority: 1,
            when: [.priority([.high]), .elapsed(since: .created, minutes: 10, basis: .calendar)],
            [.addWatchers([test.boris.id])])
        let ticket = try await test.ticket("Server down", priority: .high)
        #expect(try await test.desk.tick(now: Self.minutes(10)).ruleFirings.count == 1)
        #expect(try await test.desk.tick(now: Self.minutes(11)).ruleFirings.isEmpty)
        test.clock.set(to: Self.minutes(12))
        _ = try await test.desk.updateTicket(ticket.id, TicketUpdate(priority: .normal), by: anna)
        let lowered = try await test.desk.tick(now: Self.minutes(13))
        #expect(lowered.endedRuleEpisodes == 1 && lowered.ruleFirings.isEmpty)
        test.clock.set(to: Self.minutes(14))
        _ = try await test.desk.updateTicket(ticket.id, TicketUpdate(priority: .high), by: anna)
        let raised = try await test.desk.tick(now: Self.minutes(15))
        #expect(raised.ruleFirings.count == 1, "a new episode")
        #expect(try await Self.automationEntries(test, ticket).count == 2)
        // Without a tick in between, a condition that stopped and started again is one episode.
        test.clock.set(to: Self.minutes(16))
        _ = try await test.desk.updateTicket(ticket.id, TicketUpdate(priority: .normal), by: anna)
        _ = try await test.desk.updateTicket(ticket.id, TicketUpdate(priority: .high), by: anna)
        #expect(try await test.desk.tick(now: Self.minutes(17)).ruleFirings.isEmpty)
    }

    @Test func closedTicketsEndTheirEpisodesAndPausedRulesKeepTheirs() async throws {
        let test = try await TestDesk.make()
        let anna = Performer.employee(test.anna.id)
        let watch = try await Self.timeRule(
            test, "Old", priority: 1, when: [.elapsed(since: .created, minutes: 5, basis: .calendar)],
            [.addWatchers([test.boris.id])])
        let paused = try await Self.timeRule(
            test, "Old too", priority: 2, when: [.elapsed(since: .created, minutes: 5, basis: .calendar)],
            [.setPriority(.high)])
        let closing = try await test.ticket("Done soon")
        let staying = try await test.ticket("Stays")
        #expect(try await test.desk.tick(now: Self.minutes(5)).ruleFirings.count == 4)
        test.clock.set(to: Self.minutes(6))
        for status in [StatusCode.inProgress, .resolved, .closed] {
            _ = try await test.desk.changeStatus(closing.id, to: status, by: anna)
        }
        var definition = paused.definition
        definition.isActive = false
        _ = try await test.desk.changeRule(paused.id, definition, by: .system)
        let report = try await test.desk.tick(now: Self.minutes(7))
        #expect(report.endedRuleEpisodes == 2, "the closed ticket's two episodes")
        // Resumed, the rule finds its episode on the ticket that stayed open: no second firing.
        definition.isActive = true
        _ = try await test.desk.changeRule(paused.id, definition, by: .system)
        #expect(try await test.desk.tick(now: Self.minutes(8)).ruleFirings.isEmpty)
        try await test.desk.deleteRule(watch.id, by: .system)
        #expect(try await test.desk.tick(now: Self.minutes(9)).endedRuleEpisodes == 1, "a deleted rule's episode ends")
        let explanation = try await test.desk.explain(paused.id, on: staying.id, as: .system)
        #expect(explanation.matches && explanation.episode?.firedAt == Self.minutes(5))
        #expect(explanation.at == Self.minutes(6))
    }

    @Test func aTimeFiringCascadesIntoChangeRulesInTheSameUnit() async throws {
        let test = try await TestDesk.make()
        _ = try await Self.timeRule(
            test, "Escalate stale", priority: 5, when: [.elapsed(since: .lastUpdate, minutes: 60, basis: .calendar)],
            [.setPriority(.critical)])
        _ = try await test.desk.defineRule(
            RuleDefinition(
                name: "Critical goes to the field", priority: 1, triggers: [.ticketChanged],
                conditions: [.changed(.priority), .priority([.critical])], actions: [.setGroup(test.fieldEngineers.id)]),
            by: .system)
        let ticket = try await test.ticket()
        let report = try await test.desk.tick(now: Self.minutes(60))
        #expect(report.ruleFirings.count == 1)
        let stored = try await test.desk.ticket(ticket.id, as: .system)
        #expect(stored.priority == .critical && stored.groupID == test.fieldEngineers.id)
        #expect(stored.revision == ticket.revision + 1, "one unit of work")
        #expect(try await Self.automationEntries(test, ticket).count == 2)
        // The firing renewed the last update: the episode ends at the next tick, and the rule fires
        // again an hour later (its change is then nothing: the ticket is critical already).
        #expect(try await test.desk.tick(now: Self.minutes(61)).endedRuleEpisodes == 1)
        #expect(try await test.desk.tick(now: Self.minutes(120)).ruleFirings.count == 1)
        #expect(try await test.desk.tick(now: Self.minutes(200)).ruleFirings.isEmpty, "nothing changed: one episode")
    }

    @Test func aCascadeTooDeepFailsThatTicketOnlyAndIsTriedAgain() async throws {
        var configuration = HelpDeskConfiguration()
        configuration.rules = RuleSettings(maximumPasses: 2)
        let test = try await TestDesk.make(configuration: configuration)
        _ = try await Self.timeRule(
            test, "Old and low", priority: 10,
            when: [.priority([.low]), .elapsed(since: .created, minutes: 30, basis: .calendar)], [.setPriority(.normal)]
        )
        let chain: [Priority] = [.normal, .high, .critical]
        for step in 1..<chain.count {
            _ = try await test.desk.defineRule(
                RuleDefinition(
                    name: "Step \(step)", priority: 100 - step, triggers: [.ticketChanged],
                    conditions: [.priority([chain[step - 1]])], actions: [.setPriority(chain[step])]), by: .system)
        }
        let stuck = try await test.ticket("Low", priority: .low)
        let fine = try await test.ticket("Normal", priority: .normal)
        let before = try await test.desk.ticket(fine.id, as: .system)
        let report = try await test.desk.tick(now: Self.minutes(30))
        #expect(report.ruleFailures.map(\.ticket) == [stuck.number])
        #expect(
            report.ruleFailures.first.map { if case .ruleCascadeTooDeep = $0.error.reason { true } else { false } }
                == true)
        #expect(try await test.desk.ticket(stuck.id, as: .system).priority == .low, "nothing committed")
        #expect(try await test.desk.ticket(fine.id, as: .system) == before)
        #expect(try await test.desk.tick(now: Self.minutes(31)).ruleFailures.count == 1, "tried again")
    }

    @Test func theCapFiresTheOldestFirstAndTheNextTickContinues() async throws {
        var configuration = HelpDeskConfiguration()
        configuration.rules = RuleSettings(maximumTimeFiringsPerTick: 3)
        let test = try await TestDesk.make(configuration: configuration)
        _ = try await Self.timeRule(
            test, "Unanswered", priority: 1, when: [.unanswered(minutes: 10, basis: .calendar)], [.setPriority(.high)])
        var tickets: [Ticket] = []
        for index in 0..<8 {
            test.clock.set(to: Self.minutes(Double(7 - index)))  // the last created is the oldest
            tickets.append(try await test.ticket("Ticket \(index)"))
        }
        let now = Self.minutes(60)
        let oldestFirst = tickets.reversed().map(\.number)
        var fired: [TicketNumber] = []
        var deferred: [Int] = []
        for _ in 0..<4 {
            let report = try await test.desk.tick(now: now)
            #expect(report.ruleFirings.count <= 3)
            fired += report.ruleFirings.map(\.ticket)
            deferred.append(report.deferredRuleFirings)
        }
        #expect(fired == oldestFirst)
        #expect(deferred == [5, 2, 0, 0])
    }

    @Test func timeConditionsInCommandRulesCountToTheCommandsInstant() async throws {
        let test = try await TestDesk.make()
        let anna = Performer.employee(test.anna.id)
        _ = try await test.desk.defineRule(
            RuleDefinition(
                name: "Old tickets changed go to the field", priority: 1, triggers: [.ticketChanged],
                conditions: [.elapsed(since: .created, minutes: 60, basis: .calendar)],
                actions: [.setGroup(test.fieldEngineers.id)]), by: .system)
        let ticket = try await test.ticket()
        test.clock.set(to: Self.minutes(59))
        #expect(try await test.desk.updateTicket(ticket.id, TicketUpdate(title: "A"), by: anna).groupID == nil)
        test.clock.set(to: Self.minutes(60))
        #expect(
            try await test.desk.updateTicket(ticket.id, TicketUpdate(title: "B"), by: anna).groupID
                == test.fieldEngineers.id)
        #expect(try await test.desk.tick(now: Self.minutes(90)).ruleFirings.isEmpty, "not a time rule")
    }

    @Test func aStoreThatCannotRecordEpisodesRefusesTimeRules() async throws {
        let test = try await TestDesk.make(store: StoreWithoutEpisodes())
        let error = await #expect(throws: HelpDeskError.self) {
            try await Self.timeRule(
                test, "Unanswered", priority: 1, when: [.unanswered(minutes: 5, basis: .calendar)],
                [.setPriority(.high)])
        }
        #expect(error?.code == .misconfigured)
        #expect(try await test.desk.rules(as: .system).isEmpty)
        #expect(try await test.desk.tick(now: Self.minutes(60)).ruleFirings.isEmpty)
    }

    @Test func invalidTimeRulesAreRefusedAndChangeNothing() async throws {
        let test = try await TestDesk.make()
        func rule(
            _ conditions: [RuleCondition], on triggers: Set<RuleTrigger> = [.time], match: RuleMatch = .all
        ) -> RuleDefinition {
            RuleDefinition(
                name: "Bad", priority: 1, triggers: triggers, match: match, conditions: conditions,
                actions: [.setPriority(.high)])
        }
        let limit = 0...527_040
        let bad: [(RuleDefinition, HelpDeskError)] = [
            (
                rule([.elapsed(since: .created, minutes: -1, basis: .calendar)]),
                .invalidInput(field: "minutes", problem: .outOfRange(limit))
            ),
            (
                rule([.unanswered(minutes: 527_041, basis: .calendar)]),
                .invalidInput(field: "minutes", problem: .outOfRange(limit))
            ),
            (
                rule([.not(.unanswered(minutes: .max, basis: .calendar))]),
                .invalidInput(field: "minutes", problem: .outOfRange(limit))
            ),
            (
                rule([.unanswered(minutes: 5, basis: .calendar)], on: [.time, .ticketChanged]),
                .invalidInput(field: "triggers", problem: .malformed(expected: "the time trigger alone"))
            ),
            (
                rule([.changed(.priority)]),
                .invalidInput(
                    field: "conditions", problem: .malformed(expected: "no changed or was condition in a time rule"))
            ),
            (
                rule([.not(.was(.priority([.high])))]),
                .invalidInput(
                    field: "conditions", problem: .malformed(expected: "no changed or was condition in a time rule"))
            ),
            (
                rule([.unanswered(minutes: 5, basis: .working)]),
                .invalidInput(
                    field: "basis", problem: .malformed(expected: "calendar minutes: the desk has no SLA calendar"))
            ),
            (
                rule([.slaWarned(nil, threshold: nil)]),
                .invalidInput(
                    field: "conditions", problem: .malformed(expected: "no SLA condition: the desk has no SLA policies")
                )
            ),
            (
                rule([.elapsed(since: .created, minutes: 5, basis: .calendar)], on: [.ticketCreated]),
                .invalidInput(
                    field: "conditions", problem: .malformed(expected: "conditions a ticket being registered can meet"))
            ),
            (
                rule(
                    [.priority([.high]), .elapsed(since: .resolved, minutes: 0, basis: .calendar)], on: [.ticketCreated]
                ),
                .invalidInput(
                    field: "conditions", problem: .malformed(expected: "conditions a ticket being registered can meet"))
            ),
            (
                rule([.unanswered(minutes: 1, basis: .calendar)], on: [.ticketCreated], match: .any),
                .invalidInput(
                    field: "conditions", problem: .malformed(expected: "conditions a ticket being registered can meet"))
            ),
        ]
        let before = try await test.snapshot()
        for (definition, expected) in bad {
            await #expect(throws: expected, "\(definition.conditions)") {
                try await test.desk.defineRule(definition, by: .system)
            }
        }
        #expect(try await test.snapshot() == before)
        // What a new ticket can meet, or a rule that also runs on changes, is fine.
        for definition in [
            rule([.not(.elapsed(since: .created, minutes: 5, basis: .calendar))], on: [.ticketCreated]),
            rule(
                [.elapsed(since: .created, minutes: 5, basis: .calendar), .priority([.high])], on: [.ticketCreated],
                match: .any),
            rule([.unanswered(minutes: 5, basis: .calendar)], on: [.ticketCreated, .ticketChanged]),
        ] {
            let saved = try await test.desk.defineRule(definition, by: .system)
            try await test.desk.deleteRule(saved.id, by: .system)
        }
    }
}
