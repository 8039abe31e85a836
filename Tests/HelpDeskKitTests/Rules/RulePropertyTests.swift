import Foundation
import HelpDeskTestSupport
import SeededRandom
import Testing
import WorkingTime

@testable import HelpDeskKit

/// Properties of automation rules over seeded random inputs: adversarial rule sets (rules that
/// undo each other) always terminate — each command either succeeds with every rule fired at most
/// once, or fails with a cascade error and commits nothing; the same seed gives the same desk; time
/// windows agree with a reference across midnight and DST changes.
@Suite("Automation rules: properties")
struct RulePropertyTests {
    static func randomRules(_ random: inout SplitMix64, test: TestDesk) -> [RuleDefinition] {
        let groups: [GroupID?] = [nil, test.serviceDesk.id, test.fieldEngineers.id]
        let priorities = Priority.allCases
        return (0..<Int(random.next() % 8) + 2).map { index in
            var conditions: [RuleCondition] = []
            for _ in 0..<Int(random.next() % 3) {
                switch random.next() % 5 {
                case 0: conditions.append(.priority([priorities[Int(random.next() % 4)]]))
                case 1: conditions.append(.group([groups[Int(random.next() % 3)]]))
                case 2: conditions.append(.not(.priority([priorities[Int(random.next() % 4)]])))
                case 3: conditions.append(.changed(.priority))
                default: conditions.append(.textContains(["printer", "vpn", "e"][Int(random.next() % 3)]))
                }
            }
            let action: RuleAction =
                random.next() % 2 == 0
                ? .setPriority(priorities[Int(random.next() % 4)]) : .setGroup(groups[Int(random.next() % 3)])
            return RuleDefinition(
                name: "Rule \(index)", priority: Int(random.next() % 1_000) * 10 + index,
                // Every trigger but time (a time rule has no other trigger): the same draws as before it.
                triggers: Set(RuleTrigger.allCases.filter { random.next() % 2 == 0 && $0 != .time })
                    .union([.ticketCreated]),
                match: random.next() % 2 == 0 ? .all : .any, conditions: conditions, actions: [action])
        }
    }

    /// Plays a random day of rules and commands; returns the desk's snapshot and what failed.
    static func play(seed: UInt64, maximumPasses: Int) async throws -> (StoreSnapshot, [String]) {
        var random = SplitMix64(seed: seed)
        var configuration = HelpDeskConfiguration()
        configuration.rules = RuleSettings(maximumPasses: maximumPasses)
        let test = try await TestDesk.make(configuration: configuration, seed: seed)
        let rules = randomRules(&random, test: test)
        for rule in rules { _ = try await test.desk.defineRule(rule, by: .system) }
        var outcomes: [String] = []
        var tickets: [TicketID] = []
        for step in 0..<12 {
            let before = try await test.snapshot()
            do {
                if tickets.isEmpty || random.next() % 2 == 0 {
                    let ticket = try await test.ticket(
                        ["Printer jams", "VPN is down", "New starter"][Int(random.next() % 3)],
                        priority: Priority.allCases[Int(random.next() % 4)])
                    tickets.append(ticket.id)
                    try checkFiredOnce(try await test.desk.auditTrail(of: ticket.id, as: .system), rules: rules.count)
                } else {
                    let id = tickets[Int(random.next() % UInt64(tickets.count))]
                    let audited = try await test.desk.auditTrail(of: id, as: .system).count
                    _ = try await test.desk.updateTicket(
                        id, TicketUpdate(priority: Priority.allCases[Int(random.next() % 4)]),
                        by: .employee(test.anna.id))
                    let new = try await test.desk.auditTrail(of: id, as: .system).dropFirst(audited)
                    try checkFiredOnce(Array(new), rules: rules.count)
                }
                outcomes.append("\(step): ok")
            } catch let error as HelpDeskError {
                guard case .ruleCascadeTooDeep = error.reason else { throw error }
                #expect(try await test.snapshot() == before, "a refused command commits nothing")
                outcomes.append("\(step): cascade")
            }
        }
        return (try await test.snapshot(), outcomes)
    }

    static func checkFiredOnce(_ entries: [AuditEntry], rules: Int) throws {
        let fired = entries.filter { $0.field == .automation }.compactMap(\.newValue)
        #expect(Set(fired).count == fired.count, "a rule fired twice in one command: \(fired)")
        #expect(fired.count <= rules)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func adversarialRuleSetsTerminateAndAreDeterministic(seed: UInt64) async throws {
        let (first, outcomes) = try await Self.play(seed: seed, maximumPasses: 3)
        let (second, again) = try await Self.play(seed: seed, maximumPasses: 3)
        #expect(outcomes == again)
        #expect(first == second, "the same seed gives the same desk")
    }

    @Test func dailyWindowsAgreeWithAReferenceAcrossMidnightAndDST() throws {
        var random = SplitMix64(seed: 2_020)
        for _ in 0..<2_000 {
            let zone = ["Europe/Berlin", "America/New_York", "Europe/Moscow", "Asia/Kathmandu"][Int(random.next() % 4)]
            let from = Int(random.next() % 48) * 1_800
            var to = Int(random.next() % 48) * 1_800
            if to == from { to = (from + 1_800) % 86_400 }
            let weekdays = Set(Weekday.allCases.filter { _ in random.next() % 3 != 0 })
            let window = RuleTimeWindow.daily(
                from: try TimeOfDay(secondsSinceMidnight: from), to: try TimeOfDay(secondsSinceMidnight: to),
                weekdays: weekdays, timeZoneIdentifier: zone)
            // Instants around 2026's DST changes in Europe and the US, and ordinary days.
            let bases: [TimeInterval] = [1_774_746_000, 1_792_890_000, 1_773_036_000, 1_777_000_000]
            let instant = Date(timeIntervalSince1970: bases[Int(random.next() % 4)] + Double(random.next() % 172_800))
            #expect(RuleSubject.isOpen(window, at: instant) == reference(from, to, weekdays, zone, instant))
        }
    }

    /// The window by brute force: the local wall clock and weekday from Foundation's components.
    func reference(_ from: Int, _ to: Int, _ weekdays: Set<Weekday>, _ zone: String, _ instant: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        let parts = calendar.dateComponents([.weekday, .hour, .minute, .second], from: instant)
        let seconds = parts.hour! * 3_600 + parts.minute! * 60 + parts.second!
        let names: [Int: Weekday] = [
            1: .sunday, 2: .monday, 3: .tuesday, 4: .wednesday, 5: .thursday, 6: .friday, 7: .saturday,
        ]
        let today = names[parts.weekday!]!
        let yesterday = names[(parts.weekday! + 5) % 7 + 1]!
        if from < to { return weekdays.contains(today) && from <= seconds && seconds < to }
        return (seconds >= from && weekdays.contains(today)) || (seconds < to && weekdays.contains(yesterday))
    }
}
