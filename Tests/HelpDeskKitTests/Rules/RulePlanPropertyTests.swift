import Foundation
import SeededRandom
import Testing
import WorkingTime

@testable import HelpDeskKit

/// The compiled rule plan against the naive evaluation it replaced (kept here as the reference
/// model): on seeded random rule sets, tickets and edits, it fires exactly the same rules in the
/// same order, leaves the same ticket, and fails with the same cascade error.
@Suite("Automation rules: the compiled plan equals the naive evaluation")
struct RulePlanPropertyTests {
    /// What a run did: the rules fired in order, the ticket it left, whether it ran too deep.
    struct Outcome: Equatable, CustomStringConvertible {
        var fired: [AutomationRuleID] = []
        var ticket: Ticket
        var cascade: Int?

        var description: String {
            "fired \(fired.map { String($0.description.prefix(8)) }), cascade \(String(describing: cascade)), "
                + "priority \(ticket.priority), group \(String(describing: ticket.groupID)), status \(ticket.status)"
        }
    }

    /// The evaluation before the plan: every rule started by the triggers, in order, each once,
    /// passes until one fires nothing.
    static func reference(
        _ stored: [AutomationRule], _ triggers: Set<RuleTrigger>, on ticket: Ticket, original: Ticket?,
        at instant: Date,
        maximumPasses: Int
    ) -> Outcome {
        var outcome = Outcome(ticket: ticket)
        let rules = stored.filter(\.definition.isActive).filter { !$0.definition.triggers.isDisjoint(with: triggers) }
        guard !triggers.isEmpty, !rules.isEmpty else { return outcome }
        var fired: Set<AutomationRuleID> = []
        var passes = 0
        while true {
            passes += 1
            if passes > maximumPasses {
                outcome.cascade = maximumPasses
                return outcome
            }
            var firedThisPass = false
            var subject = RuleSubject(ticket: outcome.ticket, original: original, at: instant)
            for rule in rules where !fired.contains(rule.id) {
                guard subject.matches(rule) else { continue }
                fired.insert(rule.id)
                firedThisPass = true
                outcome.fired.append(rule.id)
                apply(rule.definition.actions, to: &outcome.ticket)
                subject.ticket = outcome.ticket
            }
            if !firedThisPass { return outcome }
        }
    }

    /// The same run through a compiled plan.
    static func planned(
        _ plan: RulePlan, _ triggers: Set<RuleTrigger>, on ticket: Ticket, original: Ticket?, at instant: Date,
        maximumPasses: Int
    ) async -> Outcome {
        var outcome = Outcome(ticket: ticket)
        do {
            try await plan.run(triggers, on: ticket, original: original, at: instant, maximumPasses: maximumPasses) {
                rule in
                outcome.fired.append(rule.id)
                let before = outcome.ticket
                apply(rule.definition.actions, to: &outcome.ticket)
                return outcome.ticket == before ? nil : outcome.ticket
            }
        } catch {
            guard case .ruleCascadeTooDeep(let number, let passes) = error.reason, number == ticket.number else {
                Issue.record("unexpected \(error)")
                return outcome
            }
            outcome.cascade = passes
        }
        return outcome
    }

    /// The actions as plain field changes (the engine's checks of groups and employees play no part here).
    static func apply(_ actions: [RuleAction], to ticket: inout Ticket) {
        for action in actions {
            switch action {
            case .setGroup(let group): ticket.groupID = group
            case .setAssignee(let assignee): ticket.assigneeID = assignee
            case .setPriority(let priority): ticket.priority = priority
            case .setCategory(let category): ticket.categoryID = category
            case .setStatus(let status):
                ticket.status = status
                // The engine's actions never edit texts; here one does, so the plan must look again.
                if status == .resolved { ticket.description += " Ё" }
            default: break
            }
        }
    }

    /// The values rules and tickets draw from: a few of each, so conditions often hold.
    struct Universe {
        var statuses: [StatusCode] = [.new, .inProgress, .waitingForClient, .resolved]
        var categories: [CategoryID?] = [nil]
        var companies: [CompanyID?] = [nil]
        var locations: [LocationID?] = [nil]
        var contracts: [ContractID?] = [nil]
        var groups: [GroupID?] = [nil]
        var employees: [EmployeeID?] = [nil]
        /// Mixed case, Cyrillic with ё/Ё (and a decomposed Ё), combining marks, emoji, a scalar whose
        /// lowercase is longer (İ), Greek with a final sigma, and an empty description.
        var titles = [
            "Printer jams", "ПРИНТЕР в бухгалтерии", "Ёлка не горит", "VPN is down", "New starter",
            "Е\u{308}ЛКА упала", "Зажёванная БУМАГА", "Café au lait", "cafe\u{301} closed", "👍\u{1F3FD} Спасибо!",
            "İstanbul office", "ΟΔΟΣ σφάλμα", "",
        ]
        var texts = [
            "printer", "ПРИНТЕР", "елка", "vpn", "e", "горит", "starter", "ёлка", "ЁЛ", "зажеванная", "café", "cafe",
            "\u{301}", "👍", "i", "İ", "σ", "ς", "бумага",
        ]
        let window = RuleTimeWindow.daily(
            from: (try? TimeOfDay(parsing: "09:00")) ?? .midnight, to: (try? TimeOfDay(parsing: "13:00")) ?? .endOfDay,
            weekdays: Set(Weekday.workweek), timeZoneIdentifier: "Europe/Moscow")

        init(ids: inout SeededIdentifierSource) {
            for _ in 0..<3 {
                categories.append(ids.next())
                companies.append(ids.next())
                locations.append(ids.next())
                contracts.append(ids.next())
                groups.append(ids.next())
                employees.append(ids.next())
            }
        }
    }

    static func pick<Value>(_ values: [Value], _ random: inout SplitMix64) -> Value {
        values[Int(random.next() % UInt64(values.count))]
    }

    /// A subset of 0–3 of `values` (empty sets too: `only(∅)` never holds, `not` of it always).
    static func subset<Value: Hashable>(_ values: [Value], _ random: inout SplitMix64) -> Set<Value> {
        Set((0..<Int(random.next() % 4)).map { _ in pick(values, &random) })
    }

    static func condition(_ random: inout SplitMix64, _ universe: Universe, depth: Int = 2) -> RuleCondition {
        switch random.next() % (depth > 0 ? 18 : 15) {
        case 0, 1: .priority(subset(Priority.allCases, &random))
        case 2: .status(subset(universe.statuses, &random))
        case 3: .category(subset(universe.categories, &random))
        case 4: .channel(subset(Channel.allCases, &random))
        case 5: .company(subset(universe.companies, &random))
        case 6: .location(subset(universe.locations, &random))
        case 7: .contract(subset(universe.contracts, &random))
        case 8, 9: .group(subset(universe.groups, &random))
        case 10: .assignee(subset(universe.employees, &random))
        case 11: .textContains(text(&random, universe))
        case 12: .changed(pick(RuleField.allCases, &random))
        case 13: random.next() % 2 == 0 ? .slaBreached : .within(universe.window)
        case 14: .priority([pick(Priority.allCases, &random)])
        case 15, 16: .not(condition(&random, universe, depth: depth - 1))
        default: .was(condition(&random, universe, depth: depth - 1))
        }
    }

    /// A text from the list, or a run of a title's scalars re-cased at random (so it often matches).
    static func text(_ random: inout SplitMix64, _ universe: Universe) -> String {
        let scalars = Array(pick(universe.titles, &random).unicodeScalars)
        guard random.next() % 2 == 0, !scalars.isEmpty else { return pick(universe.texts, &random) }
        let start = Int(random.next() % UInt64(scalars.count))
        let end = start + 1 + Int(random.next() % UInt64(min(6, scalars.count - start)))
        let text = scalars[start..<end].map { scalar in
            random.next() % 2 == 0 ? String(scalar).uppercased() : String(scalar).lowercased()
        }.joined()
        return text.isBlank ? pick(universe.texts, &random) : text
    }

    static func action(_ random: inout SplitMix64, _ universe: Universe) -> RuleAction {
        switch random.next() % 5 {
        case 0: .setPriority(pick(Priority.allCases, &random))
        case 1: .setGroup(pick(universe.groups, &random))
        case 2: .setStatus(pick(universe.statuses, &random))
        case 3: .setCategory(pick(universe.categories, &random))
        default: .setAssignee(pick(universe.employees, &random))
        }
    }

    /// `count` rules in run order (ascending priority, then identifier).
    static func rules(count: Int, _ random: inout SplitMix64, _ universe: Universe, ids: inout SeededIdentifierSource)
        -> [AutomationRule]
    {
        var priorities = Set<Int>()
        while priorities.count < count { priorities.insert(Int(random.next() % 10_000) - 5_000) }
        return priorities.sorted().enumerated().map { index, priority in
            AutomationRule(
                id: ids.next(), name: "Rule \(index)", priority: priority, isActive: random.next() % 8 != 0,
                triggers: Set(RuleTrigger.allCases.filter { _ in random.next() % 2 == 0 }).union([
                    pick(RuleTrigger.allCases, &random)
                ]),
                match: random.next() % 4 == 0 ? .any : .all,
                conditions: (0..<Int(random.next() % 4)).map { _ in condition(&random, universe) },
                actions: (0...Int(random.next() % 2)).map { _ in action(&random, universe) })
        }
    }

    static func ticket(_ random: inout SplitMix64, _ universe: Universe, ids: inout SeededIdentifierSource) -> Ticket {
        Ticket(
            id: ids.next(), number: TicketNumber(Int(random.next() % 1_000) + 1), title: pick(universe.titles, &random),
            description: pick(universe.titles, &random), channel: pick(Channel.allCases, &random),
            categoryID: pick(universe.categories, &random), priority: pick(Priority.allCases, &random),
            status: pick(universe.statuses, &random), requester: .freeText("Caller"),
            companyID: pick(universe.companies, &random), locationID: pick(universe.locations, &random),
            contractID: pick(universe.contracts, &random), assigneeID: pick(universe.employees, &random),
            groupID: pick(universe.groups, &random), createdAt: Date(timeIntervalSince1970: 1_772_442_000))
    }

    /// The ticket before an edit: a few of its fields as they were.
    static func original(of ticket: Ticket, _ random: inout SplitMix64, _ universe: Universe) -> Ticket {
        var before = ticket
        for _ in 0..<Int(random.next() % 3) {
            switch random.next() % 5 {
            case 0: before.priority = pick(Priority.allCases, &random)
            case 1: before.groupID = pick(universe.groups, &random)
            case 2: before.status = pick(universe.statuses, &random)
            case 3: before.title = pick(universe.titles, &random)
            default: before.categoryID = pick(universe.categories, &random)
            }
        }
        return before
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func thePlanFiresWhatTheNaiveEvaluationFires(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        var ids = SeededIdentifierSource(seed: seed &+ 1_000)
        let universe = Universe(ids: &ids)
        var firing = 0
        var cascades = 0
        var filtered = 0
        for _ in 0..<40 {
            // Mostly small desks, some across several 64-bit words.
            let count = random.next() % 4 == 0 ? Int(random.next() % 200) + 60 : Int(random.next() % 24)
            let rules = Self.rules(count: count, &random, universe, ids: &ids)
            let plan = RulePlan(rules: rules, stamp: nil)
            if !plan.filters.isEmpty { filtered += 1 }
            for _ in 0..<12 {
                let ticket = Self.ticket(&random, universe, ids: &ids)
                let original = random.next() % 3 == 0 ? nil : Self.original(of: ticket, &random, universe)
                let triggers = Set(RuleTrigger.allCases.filter { _ in random.next() % 2 == 0 })
                // Around the lunch window, on weekdays and a weekend.
                let instant = Date(timeIntervalSince1970: 1_772_442_000 + Double(random.next() % 6) * 5_400 * 3)
                let passes = Int(random.next() % 4) + 1
                let expected = Self.reference(
                    rules, triggers, on: ticket, original: original, at: instant, maximumPasses: passes)
                let actual = await Self.planned(
                    plan, triggers, on: ticket, original: original, at: instant, maximumPasses: passes)
                #expect(actual == expected, "\(count) rules, triggers \(triggers.sorted { $0.rawValue < $1.rawValue })")
                if !expected.fired.isEmpty { firing += 1 }
                if expected.cascade != nil { cascades += 1 }
            }
        }
        // The inputs exercise what the plan does: firings, cascades and field masks.
        #expect(firing > 100, "\(firing) runs fired something")
        #expect(cascades > 5, "\(cascades) runs cascaded too deep")
        #expect(filtered > 20, "\(filtered) plans used field masks")
    }

    @Test func fieldSetsAndTheirNegationsBecomeMasksAndOtherConditionsStay() throws {
        var ids = SeededIdentifierSource(seed: 5)
        let group: GroupID = ids.next()
        let rules = [
            AutomationRule(
                id: ids.next(), name: "Masked", priority: 1, triggers: [.ticketCreated],
                conditions: [
                    .priority([.high, .critical]), .not(.priority([.critical])), .not(.not(.group([group]))),
                ],
                actions: [.setPriority(.low)]),
            AutomationRule(
                id: ids.next(), name: "Text", priority: 2, triggers: [.ticketChanged],
                conditions: [.textContains("ЁЛКА"), .was(.priority([.low]))], actions: [.setPriority(.low)]),
            AutomationRule(
                id: ids.next(), name: "Any", priority: 3, triggers: [.ticketCreated], match: .any,
                conditions: [.priority([.low]), .group([nil])], actions: [.setPriority(.low)]),
            AutomationRule(
                id: ids.next(), name: "Paused", priority: 4, isActive: false, triggers: [.ticketCreated],
                actions: [.setPriority(.low)]),
        ]
        let plan = RulePlan(rules: rules, stamp: RuleSetStamp(7))
        #expect(plan.rules.map(\.name) == ["Masked", "Text", "Any"])
        #expect(plan.checks[0].conditions.isEmpty, "every condition of the first rule is a mask")
        #expect(plan.checks[1].conditions.count == 2)
        #expect(plan.checks[2].conditions.count == 2, "an any rule keeps its conditions")
        guard case .text(let index, present: true) = plan.checks[1].conditions[0] else {
            Issue.record("the text condition is looked up in the automaton")
            return
        }
        #expect(plan.texts.automaton.texts[index] == Array("елка".utf8))
        #expect(plan.filters.count == 2, "priority and group")
        #expect(plan.started(by: [.clientCommented]) == nil)
        var ticket = Ticket(
            id: ids.next(), number: TicketNumber(1), title: "t", channel: .email, priority: .high, status: .new,
            requester: .freeText("x"), groupID: group, createdAt: Date(timeIntervalSince1970: 0))
        let started = try #require(plan.started(by: [.ticketCreated]))
        #expect(plan.candidates(started, excluding: [], for: ticket) == [0b101])
        ticket.priority = .critical
        #expect(plan.candidates(started, excluding: [], for: ticket) == [0b100])
        ticket.groupID = nil
        ticket.priority = .high
        #expect(plan.candidates(started, excluding: [0b100], for: ticket) == [0])
    }
}
