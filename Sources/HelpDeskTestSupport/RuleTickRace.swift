import Foundation
import HelpDeskKit

/// Two engines (two server processes on one database) tick at the same instant over tickets on
/// which two time rules are due.
///
/// A firing opens its episode in the same unit of work, and the episode must not exist yet, so
/// whichever engine commits second conflicts and its retry finds the episode open: every rule
/// fires exactly once per ticket, whether its firing changes the ticket (a watcher) or not (a
/// priority the ticket already has: the episode alone decides the race).
public struct RuleTickRace: Sendable {
    /// Tickets, half of them answered (only the second rule is due on those).
    public var tickets = 24

    /// Describes the race.
    public init(tickets: Int = 24) {
        self.tickets = tickets
    }

    /// Runs the race on `store` and returns what went wrong (empty when every episode fired once).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let test = try await TestDesk.make(store: store, seed: 919)
        let watch = try await test.desk.defineRule(
            RuleDefinition(
                name: "Unanswered for half an hour", priority: 1, triggers: [.time],
                conditions: [.unanswered(minutes: 30, basis: .calendar)], actions: [.addWatchers([test.anna.id])]),
            by: .system)
        let keep = try await test.desk.defineRule(
            RuleDefinition(
                name: "An hour old", priority: 2, triggers: [.time],
                conditions: [.elapsed(since: .created, minutes: 60, basis: .calendar)], actions: [.setPriority(.normal)]
            ),
            by: .system)
        var expected = Set<Pair>()
        for index in 0..<tickets {
            let ticket = try await test.ticket("Race \(index)")
            if index.isMultiple(of: 2) {
                _ = try await test.desk.comment(on: ticket.id, NewComment("On it"), by: .employee(test.anna.id))
            } else {
                expected.insert(Pair(rule: watch.id, ticket: ticket.number))
            }
            expected.insert(Pair(rule: keep.id, ticket: ticket.number))
        }
        let now = TestDesk.start.addingTimeInterval(7_200)
        let second = test.secondEngine(seed: 9_191)
        let desks = [test.desk, second]
        let reports = await withTaskGroup(of: Result<TickReport, HelpDeskError>.self) { tasks in
            for desk in desks {
                tasks.addTask {
                    do throws(HelpDeskError) {
                        return .success(try await desk.tick(now: now))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var reports: [Result<TickReport, HelpDeskError>] = []
            for await report in tasks { reports.append(report) }
            return reports
        }
        var problems: [String] = []
        var fired: [Pair] = []
        for report in reports {
            switch report {
            case .success(let report):
                fired += report.ruleFirings.map { Pair(rule: $0.rule, ticket: $0.ticket) }
                for failure in report.ruleFailures where failure.error.code != .conflict {
                    problems.append("ticket \(failure.ticket): \(failure.error)")
                }
            case .failure(let error):
                problems.append("a tick failed: \(error)")
            }
        }
        // A ticket that kept conflicting fires at a later tick, still once.
        fired += try await test.desk.tick(now: now).ruleFirings.map { Pair(rule: $0.rule, ticket: $0.ticket) }
        if Set(fired).count != fired.count { problems.append("an episode fired twice: \(fired.count) firings") }
        if Set(fired) != expected { problems.append("fired \(Set(fired).count) episodes, expected \(expected.count)") }
        let episodes = try await store.feature((any RuleEpisodeRepository).self)?.ruleEpisodes() ?? []
        if episodes.count != expected.count {
            problems.append("\(episodes.count) open episodes, expected \(expected.count)")
        }
        for ticket in try await store.allTickets() {
            let automation = try await store.auditTrail(of: ticket.id).filter {
                $0.field == .automation && ($0.newValue ?? "").hasPrefix("rule «")
            }
            let due = expected.filter { $0.ticket == ticket.number }.count
            if automation.count != due {
                let entries = automation.map { "\($0.newValue ?? "") by \($0.performer) at \($0.at)" }
                problems.append("ticket \(ticket.number): \(automation.count) firings audited: \(entries)")
            }
        }
        let watchers = try await store.undeliveredEvents(limit: 100_000).filter {
            if case .watchersChanged = $0.event { true } else { false }
        }
        if watchers.count != tickets / 2 {
            problems.append("\(watchers.count) watcher events, expected \(tickets / 2)")
        }
        return problems
    }

    /// A rule and a ticket it fired on.
    struct Pair: Hashable {
        var rule: AutomationRuleID
        var ticket: TicketNumber
    }
}
