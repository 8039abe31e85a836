import Foundation
import HelpDeskKit

/// Rules defined, changed, paused and deleted on one engine (another server process on the same
/// database) take effect in the other engine's next command, although each engine caches its
/// compiled rules: the cache is keyed by the store's ``RuleSetStamp``. While rules change on one
/// engine, creates racing on the other see the rule set either before or after the change, and
/// every create after it sees the new set.
public struct RuleVisibility: Sendable {
    /// Tickets created on the first engine while the second changes a rule.
    public var racingCreates = 24

    /// Describes the check.
    public init(racingCreates: Int = 24) {
        self.racingCreates = racingCreates
    }

    /// Runs the check on `store` and returns what went wrong (empty when every change was seen).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let test = try await TestDesk.make(store: store, seed: 515)
        let second = test.secondEngine(seed: 5_150)
        var problems: [String] = []
        func expect(_ ticket: Ticket, priority: Priority, _ what: String) {
            if ticket.priority != priority {
                problems.append("\(what): priority \(ticket.priority), expected \(priority)")
            }
        }
        // The first engine compiles its rules (none yet) and keeps them.
        let first = try await test.ticket("Printer before any rule")
        expect(first, priority: .normal, "no rule")
        let rule = try await second.defineRule(
            RuleDefinition(
                name: "Printers are critical", priority: 10, triggers: [.ticketCreated],
                conditions: [.textContains("printer"), .channel([.email])], actions: [.setPriority(.critical)]),
            by: .system)
        expect(try await test.ticket("Printer after the rule"), priority: .critical, "a rule defined elsewhere")
        expect(try await test.ticket("Scanner after the rule"), priority: .normal, "a ticket the rule does not match")
        var definition = rule.definition
        definition.actions = [.setPriority(.low)]
        let changed = try await second.changeRule(rule.id, definition, by: .system)
        expect(try await test.ticket("Printer after the change"), priority: .low, "a rule changed elsewhere")
        definition.isActive = false
        _ = try await second.changeRule(rule.id, definition, by: .system)
        expect(try await test.ticket("Printer after the pause"), priority: .normal, "a rule paused elsewhere")

        let escalation = try await second.defineRule(
            RuleDefinition(
                name: "High goes to the field", priority: 20, triggers: [.ticketChanged],
                conditions: [.changed(.priority), .priority([.high])], actions: [.setGroup(test.fieldEngineers.id)]),
            by: .system)
        let raised = try await test.desk.updateTicket(
            first.id, TicketUpdate(priority: .high), by: .employee(test.anna.id))
        if raised.groupID != test.fieldEngineers.id { problems.append("a change rule defined elsewhere did not run") }
        try await second.deleteRule(escalation.id, by: .system)
        let fresh = try await test.ticket("Printer for the deleted rule")
        let unrouted = try await test.desk.updateTicket(
            fresh.id, TicketUpdate(priority: .high), by: .employee(test.anna.id))
        if unrouted.groupID != nil { problems.append("a rule deleted elsewhere still ran") }

        // Creates on the first engine race a change on the second: each sees one rule set or the other.
        definition.isActive = true
        let resumed = definition
        let count = racingCreates
        let raced = try await withThrowingTaskGroup(of: Ticket?.self) { tasks in
            tasks.addTask {
                _ = try await second.changeRule(rule.id, resumed, by: .system)
                return nil
            }
            for index in 0..<count { tasks.addTask { try await test.ticket("Printer racing \(index)") } }
            var tickets: [Ticket] = []
            for try await ticket in tasks { if let ticket { tickets.append(ticket) } }
            return tickets
        }
        for ticket in raced where ![.normal, .low].contains(ticket.priority) {
            problems.append("\(ticket.title): priority \(ticket.priority) under neither rule set")
        }
        expect(try await test.ticket("Printer after the race"), priority: .low, "a rule resumed elsewhere")
        if (try await test.desk.rules(as: .system)).map(\.revision) != [changed.revision + 2] {
            problems.append("the rule's revisions do not count its changes")
        }
        return problems
    }
}
