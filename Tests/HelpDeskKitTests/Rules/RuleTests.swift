import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Automation rules (issue #20): triggers, all/any conditions, actions in the same unit of work,
/// integer priority order, each rule once per command, passes to a fixpoint with a depth limit,
/// audit, explain and validation.
@Suite("Automation rules")
struct RuleTests {
    static func define(
        _ test: TestDesk, _ name: String, priority: Int, on triggers: Set<RuleTrigger> = [.ticketCreated],
        match: RuleMatch = .all, when conditions: [RuleCondition] = [], _ actions: [RuleAction]
    ) async throws -> AutomationRule {
        try await test.desk.defineRule(
            RuleDefinition(
                name: name, priority: priority, triggers: triggers, match: match, conditions: conditions,
                actions: actions), by: .system)
    }

    /// "Before lunch to group A, after lunch to group B" (the seed articles' example), in Moscow time.
    @Test func theLunchWindowRoutesNewTicketsToTheRightGroup() async throws {
        let test = try await TestDesk.make()
        let morning = RuleTimeWindow.daily(
            from: try TimeOfDay(parsing: "09:00"), to: try TimeOfDay(parsing: "13:00"), weekdays: Set(Weekday.workweek),
            timeZoneIdentifier: "Europe/Moscow")
        _ = try await Self.define(test, "Before lunch to the service desk", priority: 10, when: [.within(morning)], [
            .setGroup(test.serviceDesk.id)
        ])
        _ = try await Self.define(
            test, "After lunch to the field engineers", priority: 20, when: [.not(.within(morning))],
            [.setGroup(test.fieldEngineers.id)])
        // TestDesk starts Monday 2 March 2026 09:00 UTC = 12:00 Moscow.
        let beforeLunch = try await test.ticket("Printer jams")
        #expect(beforeLunch.groupID == test.serviceDesk.id)
        test.clock.advance(by: 3_600)  // 13:00 Moscow
        let afterLunch = try await test.ticket("Printer jams again")
        #expect(afterLunch.groupID == test.fieldEngineers.id)
        let audit = try await test.desk.auditTrail(of: afterLunch.id, as: .system)
        #expect(audit.contains { $0.field == .automation && $0.newValue?.contains("After lunch") == true })
        let events = try await test.desk.undeliveredEvents(limit: 100, as: .system).map(\.event)
        #expect(
            events.contains(
                .ticketAssigned(
                    ticket: afterLunch.id, number: afterLunch.number, assignee: nil, group: test.fieldEngineers.id)))
    }

    /// Round-robin in the service desk: new printer tickets go to its members in turn.
    @Test func anAssignRuleHandsTicketsOutInTurn() async throws {
        let test = try await TestDesk.make()
        let cleo = try await test.desk.addEmployee(
            NewEmployee(name: "Cleo Agent", email: "cleo@service.example", groupIDs: [test.serviceDesk.id]), by: .system)
        _ = try await Self.define(
            test, "Round-robin in the service desk", priority: 1, when: [.textContains("printer")],
            [.assign(group: test.serviceDesk.id, strategy: .roundRobin)])
        var assignees: [EmployeeID] = []
        for index in 0..<6 { assignees.append(try #require(try await test.ticket("Printer \(index)").assigneeID)) }
        let members = Set([test.anna.id, test.boris.id, cleo.id])
        #expect(Set(assignees) == members)
        for member in members { #expect(assignees.filter { $0 == member }.count == 2, "each member twice") }
        #expect(assignees[0] != assignees[1] && assignees[1] != assignees[2])
    }

    @Test func rulesRunInPriorityOrderEachSeesTheLastAndFiresOnce() async throws {
        let test = try await TestDesk.make()
        // Priority 30 would undo 20's change, but rules run lowest first and each only once.
        _ = try await Self.define(test, "Urgent printers", priority: 20, when: [.textContains("ПРИНТЕР")], [
            .setPriority(.high)
        ])
        _ = try await Self.define(test, "High goes to the field", priority: 30, when: [.priority([.high])], [
            .setGroup(test.fieldEngineers.id), .setPriority(.critical),
        ])
        _ = try await Self.define(test, "Critical is watched", priority: 40, when: [.priority([.critical])], [
            .addWatchers([test.anna.id])
        ])
        // Registered after the first rules but running first: it needs a second pass to see "critical".
        _ = try await Self.define(test, "Critical back to high", priority: 5, when: [.priority([.critical])], [
            .setPriority(.high)
        ])
        let ticket = try await test.ticket("Принтер не печатает, ёмкость лотка")
        #expect(ticket.groupID == test.fieldEngineers.id)
        #expect(ticket.watcherIDs == [test.anna.id])
        #expect(ticket.priority == .high, "priority 5 ran in the second pass and nothing ran twice")
        let fired = try await test.desk.auditTrail(of: ticket.id, as: .system).filter { $0.field == .automation }
        #expect(fired.count == 4)
    }

    @Test func aCascadeLongerThanTheLimitFailsAndCommitsNothing() async throws {
        var configuration = HelpDeskConfiguration()
        configuration.rules = RuleSettings(maximumPasses: 3)
        let test = try await TestDesk.make(configuration: configuration)
        // Each rule waits for the one after it in priority order: one new rule per pass.
        let chain: [Priority] = [.low, .normal, .high, .critical]
        for step in 1..<chain.count {
            _ = try await Self.define(
                test, "Step \(step)", priority: 100 - step, when: [.priority([chain[step - 1]])],
                [.setPriority(chain[step])])
        }
        let before = try await test.snapshot()
        await #expect(throws: HelpDeskError.self) {
            try await test.desk.createTicket(
                NewTicket(title: "Chain", channel: .phone, priority: .low, requester: .freeText("Ivan")),
                by: .employee(test.anna.id))
        }
        #expect(try await test.snapshot() == before)
    }

    @Test func changeTriggersSeeWhatChangedAndWhatItWas() async throws {
        let test = try await TestDesk.make()
        let anna = Performer.employee(test.anna.id)
        _ = try await Self.define(
            test, "Reopened by priority", priority: 1, on: [.ticketChanged],
            when: [.changed(.priority), .was(.priority([.low])), .priority([.critical])],
            [.setGroup(test.fieldEngineers.id)])
        let ticket = try await test.ticket("Server down", priority: .low)
        let retitled = try await test.desk.updateTicket(ticket.id, TicketUpdate(title: "Server is down"), by: anna)
        #expect(retitled.groupID == nil, "the priority did not change")
        let raised = try await test.desk.updateTicket(ticket.id, TicketUpdate(priority: .critical), by: anna)
        #expect(raised.groupID == test.fieldEngineers.id, "changed from low to critical")
        let lowered = try await test.desk.updateTicket(ticket.id, TicketUpdate(priority: .normal), by: anna)
        #expect(lowered.groupID == test.fieldEngineers.id)
    }

    @Test func aClientReplyReopensAWaitingTicket() async throws {
        let test = try await TestDesk.make()
        let anna = Performer.employee(test.anna.id)
        _ = try await Self.define(
            test, "Client answered", priority: 1, on: [.clientCommented], when: [.status([.waitingForClient])],
            [.setStatus(.inProgress)])
        let ticket = try await test.ticket("VPN", requester: .freeText("Ivan"))
        _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: anna)
        _ = try await test.desk.changeStatus(ticket.id, to: .waitingForClient, by: anna)
        _ = try await test.desk.comment(on: ticket.id, NewComment("Still waiting for you"), by: anna)
        #expect(try await test.desk.ticket(ticket.id, as: .system).status == .waitingForClient, "staff replies don't count")
        _ = try await test.desk.comment(on: ticket.id, NewComment("It works now?"), by: .client(name: "Ivan"))
        #expect(try await test.desk.ticket(ticket.id, as: .system).status == .inProgress)
    }

    @Test func actionsThatCannotApplyAreSkippedAndSaid() async throws {
        let test = try await TestDesk.make()
        _ = try await Self.define(test, "To Boris, resolved", priority: 1, [.setAssignee(test.boris.id), .setStatus(.closed)])
        _ = try await test.desk.deactivateEmployee(test.boris.id, by: .system)
        let ticket = try await test.ticket()
        #expect(ticket.assigneeID == nil && ticket.status == .new)
        let entry = try #require(
            try await test.desk.auditTrail(of: ticket.id, as: .system).first { $0.field == .automation })
        #expect(entry.newValue?.contains("is not active") == true)
        #expect(entry.newValue?.contains("does not allow") == true)
    }

    @Test func explainSaysWhichConditionFailed() async throws {
        let test = try await TestDesk.make()
        let rule = try await Self.define(
            test, "High printers", priority: 1, when: [.textContains("printer"), .priority([.high])],
            [.setGroup(test.fieldEngineers.id)])
        let ticket = try await test.ticket("Printer jams", priority: .normal)
        let explanation = try await test.desk.explain(rule.id, on: ticket.id, as: .system)
        #expect(explanation.conditions.map(\.holds) == [true, false])
        #expect(!explanation.matches && explanation.firstFailure == .priority([.high]))
    }

    @Test func rulesAreValidatedWhenSaved() async throws {
        let test = try await TestDesk.make()
        let ok = RuleDefinition(name: "Ok", priority: 1, triggers: [.ticketCreated], actions: [.setPriority(.high)])
        _ = try await test.desk.defineRule(ok, by: .system)
        let unknownGroup = GroupID(UUID())
        let bad: [(RuleDefinition, HelpDeskError)] = [
            (RuleDefinition(name: " ", priority: 2, triggers: [.ticketCreated], actions: [.setPriority(.low)]),
             .invalidInput(field: "name", problem: .blank)),
            (RuleDefinition(name: "No trigger", priority: 2, triggers: [], actions: [.setPriority(.low)]),
             .invalidInput(field: "triggers", problem: .blank)),
            (RuleDefinition(name: "No action", priority: 2, triggers: [.ticketCreated], actions: []),
             .invalidInput(field: "actions", problem: .blank)),
            (RuleDefinition(name: "Taken", priority: 1, triggers: [.ticketCreated], actions: [.setPriority(.low)]),
             .rulePriorityTaken(1, by: try await test.desk.rules(as: .system)[0].id)),
            (RuleDefinition(name: "OK", priority: 3, triggers: [.ticketCreated], actions: [.setPriority(.low)]),
             .duplicateName("OK")),
            (RuleDefinition(
                name: "Ghost group", priority: 4, triggers: [.ticketCreated], actions: [.setGroup(unknownGroup)]),
             .groupNotFound(unknownGroup)),
            (RuleDefinition(
                name: "Ghost status", priority: 5, triggers: [.ticketCreated], conditions: [.status(["limbo"])],
                actions: [.setPriority(.low)]), .unknownStatus("limbo")),
            (RuleDefinition(
                name: "Mars time", priority: 6, triggers: [.ticketCreated],
                conditions: [
                    .within(.daily(from: .midnight, to: .endOfDay, weekdays: [.monday], timeZoneIdentifier: "Mars/Olympus"))
                ], actions: [.setPriority(.low)]),
             .invalidInput(field: "timeZoneIdentifier", problem: .malformed(expected: "an IANA time zone"))),
        ]
        let before = try await test.snapshot()
        for (definition, expected) in bad {
            await #expect(throws: expected, "\(definition.name)") { try await test.desk.defineRule(definition, by: .system) }
        }
        #expect(try await test.snapshot() == before)
    }
}
