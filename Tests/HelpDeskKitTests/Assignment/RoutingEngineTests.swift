import Foundation
import HelpDeskTestSupport
import Testing
import WorkingTime

@testable import HelpDeskKit

/// Issue #20: employees' own caps, group routing, and the backlog draining on its own when a slot
/// frees up (in the same unit) or at a tick.
@Suite("Routing: own caps, group routing and the automatic backlog drain")
struct RoutingEngineTests {
    /// Routes the service desk with `strategy`, draining its backlog on its own.
    static func drain(_ test: TestDesk, with strategy: AssignmentStrategy, lead: EmployeeID? = nil) async throws {
        _ = try await test.desk.setRouting(
            GroupRouting(lead: lead, strategy: strategy, drainsBacklog: true), of: test.serviceDesk.id, by: .system)
    }

    /// `count` tickets auto-assigned in the service desk with `strategy`, a minute apart.
    static func tickets(
        _ count: Int, _ title: String, in test: TestDesk, strategy: AssignmentStrategy
    ) async throws -> [Ticket] {
        var tickets: [Ticket] = []
        for index in 0..<count {
            test.clock.advance(by: 60)
            tickets.append(
                try await test.desk.autoAssign(
                    try await test.ticket("\(title) \(index)").id, in: test.serviceDesk.id, strategy: strategy,
                    by: .system))
        }
        return tickets
    }

    static func stored(_ ticket: Ticket, _ test: TestDesk) async throws -> Ticket {
        try await test.desk.ticket(ticket.id, as: .system)
    }

    @Test func anOwnCapAndAStrategysCapCombineTheSmallerHolds() async throws {
        let test = try await TestDesk.make()
        let capped = try await test.desk.setAssignmentCapacity(of: test.anna.id, 1, by: .system)
        #expect(capped == EmployeeCapacity(employeeID: test.anna.id, maximum: 1))
        #expect(try await test.desk.assignmentCapacity(of: test.anna.id, as: .system) == 1)
        #expect(try await test.desk.assignmentCapacity(of: test.boris.id, as: .system) == nil)
        let tickets = try await Self.tickets(5, "Queue", in: test, strategy: .roundRobin.capped(at: 3))
        let holders = tickets.map(\.assigneeID)
        #expect(holders.filter { $0 == test.anna.id }.count == 1, "Anna's own cap: 1")
        #expect(holders.filter { $0 == test.boris.id }.count == 3, "the strategy's cap: 3")
        #expect(holders.last == .some(nil), "nobody has room for the fifth")
        let load = try await test.desk.assignmentLoad(of: test.serviceDesk.id, as: .system)
        #expect(load.first { $0.employeeID == test.anna.id }?.capacity == 1)
        #expect(load.first { $0.employeeID == test.boris.id }?.capacity == nil)
        // Without a strategy cap, Anna's own still holds; removed, it no longer does.
        let next = try await test.desk.autoAssign(
            tickets[4].id, in: test.serviceDesk.id, strategy: .leastLoaded(), by: .system)
        #expect(next.assigneeID == test.boris.id, "Anna is full; Boris has no cap of his own")
        _ = try await test.desk.setAssignmentCapacity(of: test.anna.id, nil, by: .system)
        #expect(try await test.desk.assignmentCapacity(of: test.anna.id, as: .system) == nil)
        let free = try await test.desk.autoAssign(
            try await test.ticket("Free").id, in: test.serviceDesk.id, strategy: .leastLoaded(), by: .system)
        #expect(free.assigneeID == test.anna.id)
    }

    @Test func badCapsAndRoutingAreRefusedAndChangeNothing() async throws {
        let test = try await TestDesk.make()
        let group = test.serviceDesk.id
        _ = try await test.desk.setRouting(GroupRouting(lead: test.anna.id), of: group, by: .system)
        let before = try await test.snapshot()
        for bad in [-1, 1_000_001, Int.min] {
            await #expect(throws: HelpDeskError.invalidInput(field: "capacity", problem: .outOfRange(0...1_000_000))) {
                try await test.desk.setAssignmentCapacity(of: test.anna.id, bad, by: .system)
            }
        }
        let unknown: EmployeeID = Identifier(UUID())
        await #expect(throws: HelpDeskError.employeeNotFound(unknown)) {
            try await test.desk.setAssignmentCapacity(of: unknown, 2, by: .system)
        }
        await #expect(throws: HelpDeskError.employeeNotFound(unknown)) {
            try await test.desk.setRouting(GroupRouting(lead: unknown), of: group, by: .system)
        }
        await #expect(throws: HelpDeskError.employeeInactive(test.former.id)) {
            try await test.desk.setRouting(GroupRouting(lead: test.former.id), of: group, by: .system)
        }
        await #expect(throws: HelpDeskError.assigneeNotInGroup(test.anna.id, test.fieldEngineers.id)) {
            try await test.desk.setRouting(GroupRouting(lead: test.anna.id), of: test.fieldEngineers.id, by: .system)
        }
        await #expect(throws: HelpDeskError.invalidInput(field: "strategy", problem: .blank)) {
            try await test.desk.setRouting(GroupRouting(drainsBacklog: true), of: group, by: .system)
        }
        await #expect(throws: HelpDeskError.invalidInput(field: "capacity", problem: .outOfRange(0...1_000_000))) {
            try await test.desk.setRouting(GroupRouting(strategy: .roundRobin.capped(at: -3)), of: group, by: .system)
        }
        let missing: GroupID = Identifier(UUID())
        await #expect(throws: HelpDeskError.groupNotFound(missing)) {
            try await test.desk.setRouting(GroupRouting(), of: missing, by: .system)
        }
        await #expect(throws: HelpDeskError.groupNotFound(missing)) {
            try await test.desk.routing(of: missing, as: .system)
        }
        await #expect(throws: HelpDeskError.employeeInactive(test.former.id)) {
            try await test.desk.setRouting(GroupRouting(), of: group, by: .employee(test.former.id))
        }
        #expect(try await test.snapshot() == before)
        #expect(try await test.desk.routing(of: group, as: .system) == GroupRouting(lead: test.anna.id))
        #expect(try await test.desk.routing(of: group) == GroupRouting(lead: test.anna.id), "the lead's read")
        #expect(try await test.desk.routing(of: test.fieldEngineers.id, as: .system) == nil)
        // The same routing again writes nothing.
        _ = try await test.desk.setRouting(GroupRouting(lead: test.anna.id), of: group, by: .system)
        #expect(try await test.snapshot() == before)
    }

    @Test func aFreedSlotTakesTheOldestWaitingTicketInTheSameUnit() async throws {
        let test = try await TestDesk.make()
        let strategy = AssignmentStrategy.leastLoaded().capped(at: 1)
        try await Self.drain(test, with: strategy)
        let first = try await Self.tickets(2, "First", in: test, strategy: strategy)
        let waiting = try await Self.tickets(4, "Waiting", in: test, strategy: strategy)
        #expect(waiting.allSatisfy { $0.assigneeID == nil }, "everyone is at the cap")
        let (x, y) = (try #require(first[0].assigneeID), try #require(first[1].assigneeID))
        // Resolved: X's slot goes to the oldest waiting ticket, committed with the resolution.
        let sequence = try await test.store.lastEventSequence()
        _ = try await test.desk.changeStatus(first[0].id, to: .resolved, by: .employee(x))
        #expect(try await Self.stored(waiting[0], test).assigneeID == x)
        #expect(try await Self.stored(waiting[1], test).assigneeID == nil)
        let events = try await test.store.undeliveredEvents(limit: 1_000).filter { $0.sequence > sequence }
        let assigned = events.filter {
            if case .ticketAssigned(let ticket, _, let assignee, _) = $0.event {
                ticket == waiting[0].id && assignee == x
            } else {
                false
            }
        }
        #expect(assigned.count == 1 && assigned.first?.performer == .system)
        #expect(assigned.first?.audience.employeeIDs == [x], "the new assignee is told")
        let trail = try await test.desk.auditTrail(of: waiting[0].id, as: .system)
        #expect(trail.contains { $0.field == .automation && $0.newValue == "backlog drain of group «Service desk»" })
        #expect(trail.contains { $0.field == .assigneeID && $0.performer == .system })
        // Cancelled: Y's slot goes to the next.
        _ = try await test.desk.changeStatus(first[1].id, to: .cancelled, by: .system)
        #expect(try await Self.stored(waiting[1], test).assigneeID == y)
        // Given to someone else by hand (over Y's cap: a person decided): X's slot frees again.
        _ = try await test.desk.assign(waiting[0].id, to: y, group: test.serviceDesk.id, by: .system)
        #expect(try await Self.stored(waiting[2], test).assigneeID == x)
        // Moved to another group without its assignee: Y's slot frees, but Y is now at 2 of 1.
        _ = try await test.desk.assign(waiting[1].id, to: nil, group: test.fieldEngineers.id, by: .system)
        #expect(try await Self.stored(waiting[3], test).assigneeID == nil, "Y still holds one above the cap")
        _ = try await test.desk.assign(waiting[0].id, to: nil, group: test.fieldEngineers.id, by: .system)
        #expect(try await Self.stored(waiting[3], test).assigneeID == y)
        let load = try await test.desk.assignmentLoad(of: test.serviceDesk.id, as: .system)
        #expect(load.map(\.openTicketCount) == [1, 1])
    }

    @Test func withoutDrainingTheBacklogWaitsForAHost() async throws {
        let test = try await TestDesk.make()
        let strategy = AssignmentStrategy.roundRobin.capped(at: 1)
        _ = try await test.desk.setRouting(GroupRouting(strategy: strategy), of: test.serviceDesk.id, by: .system)
        let first = try await Self.tickets(2, "First", in: test, strategy: strategy)
        let waiting = try await Self.tickets(1, "Waiting", in: test, strategy: strategy)
        _ = try await test.desk.changeStatus(first[0].id, to: .resolved, by: .system)
        #expect(try await Self.stored(waiting[0], test).assigneeID == nil)
        #expect(try await test.desk.tick(now: test.clock.now).drainedTickets.isEmpty)
        // Turning draining on drains at once.
        try await Self.drain(test, with: strategy)
        #expect(try await Self.stored(waiting[0], test).assigneeID == first[0].assigneeID)
    }

    @Test func aMergeTargetWaitingInTheBacklogIsLeftToTheMerge() async throws {
        let test = try await TestDesk.make()
        let strategy = AssignmentStrategy.roundRobin.capped(at: 1)
        try await Self.drain(test, with: strategy)
        let first = try await Self.tickets(2, "First", in: test, strategy: strategy)
        let waiting = try await Self.tickets(2, "Waiting", in: test, strategy: strategy)
        let holder = try #require(first[0].assigneeID)
        // The oldest waiting ticket absorbs the first: the merge writes it, so the drain skips it.
        _ = try await test.desk.merge(first[0].id, into: waiting[0].id, by: .system)
        let target = try await Self.stored(waiting[0], test)
        #expect(target.assigneeID == nil && target.groupID == test.serviceDesk.id)
        let trail = try await test.desk.auditTrail(of: waiting[0].id, as: .system)
        #expect(!trail.contains { $0.field == .automation })
        #expect(try await Self.stored(waiting[1], test).assigneeID == holder, "the next one takes the slot")
        // The next tick finds nobody with room; once the group's cap is lifted, the target goes too.
        #expect(try await test.desk.tick(now: test.clock.now).drainedTickets.isEmpty)
        try await Self.drain(test, with: .roundRobin)
        #expect(try await Self.stored(waiting[0], test).assigneeID != nil)
    }

    @Test func aShiftStartingDrainsAtTheTickInBatches() async throws {
        var configuration = HelpDeskConfiguration()
        configuration.assignment.drainLimit = 2
        let test = try await TestDesk.make(configuration: configuration)
        for member in [test.anna.id, test.boris.id] {
            _ = try await test.desk.setWorkingCalendar(of: member, try AssignmentEngineTests.nights(), by: .system)
        }
        try await Self.drain(test, with: .roundRobin)
        let waiting = try await Self.tickets(5, "Night", in: test, strategy: .roundRobin)
        #expect(waiting.allSatisfy { $0.assigneeID == nil }, "nobody is on shift at 09:00")
        #expect(try await test.desk.tick(now: test.clock.now).drainedTickets.isEmpty)
        test.clock.advance(by: 14 * 3_600)  // 23:00 UTC: the night shift.
        var drained: [[TicketNumber]] = []
        for _ in 0..<4 { drained.append(try await test.desk.tick(now: test.clock.now).drainedTickets) }
        let numbers = waiting.map(\.number)
        #expect(drained == [Array(numbers[0..<2]), Array(numbers[2..<4]), [numbers[4]], []])
        let order = AssignmentEngineTests.rotation(test)
        var holders: [EmployeeID?] = []
        for ticket in waiting { holders.append(try await Self.stored(ticket, test).assigneeID) }
        #expect(holders == [order[0], order[1], order[0], order[1], order[0]], "round-robin, oldest first")
    }

    @Test func raisingACapDrainsInTheSameUnit() async throws {
        let test = try await TestDesk.make()
        for member in [test.anna.id, test.boris.id] {
            _ = try await test.desk.setAssignmentCapacity(of: member, 0, by: .system)
        }
        try await Self.drain(test, with: .leastLoaded())
        let waiting = try await Self.tickets(3, "Waiting", in: test, strategy: .leastLoaded())
        #expect(waiting.allSatisfy { $0.assigneeID == nil }, "caps of zero: nobody takes any")
        _ = try await test.desk.setAssignmentCapacity(of: test.anna.id, 2, by: .system)
        var holders: [EmployeeID?] = []
        for ticket in waiting { holders.append(try await Self.stored(ticket, test).assigneeID) }
        #expect(holders == [test.anna.id, test.anna.id, nil])
        // Lowering a cap frees nothing.
        _ = try await test.desk.setAssignmentCapacity(of: test.anna.id, 1, by: .system)
        #expect(try await Self.stored(waiting[2], test).assigneeID == nil)
        _ = try await test.desk.setAssignmentCapacity(of: test.boris.id, nil, by: .system)
        #expect(try await Self.stored(waiting[2], test).assigneeID == test.boris.id)
    }

    @Test func anEscalationToTheGroupLeadReachesTheLeadWhileTheyAreActive() async throws {
        let test = try await TestDesk.make()
        _ = try await test.desk.setRouting(GroupRouting(lead: test.boris.id), of: test.serviceDesk.id, by: .system)
        _ = try await test.desk.defineRule(
            RuleDefinition(
                name: "Critical to the lead", priority: 1, triggers: [.ticketCreated],
                conditions: [.priority([.critical])],
                actions: [
                    .setGroup(test.serviceDesk.id),
                    .escalate(to: .groupLead, try NoticeTemplate(subject: "Escalated {{ticket.number}}", body: "Look")),
                ]), by: .system)
        func escalations() async throws -> [Audience] {
            try await test.desk.undeliveredEvents(limit: 1_000, as: .system).compactMap { event in
                if case .noticeSent(_, _, let notice) = event.event, notice.purpose == .escalation {
                    event.audience
                } else {
                    nil
                }
            }
        }
        let first = try await test.ticket("Server room flooded", priority: .critical)
        #expect(try await escalations() == [Audience(employeeIDs: [test.boris.id])])
        #expect(try await Self.stored(first, test).watcherIDs == [test.boris.id], "the lead is under control")
        // A lead who left is no longer told.
        _ = try await test.desk.deactivateEmployee(test.boris.id, by: .system)
        let second = try await test.ticket("Second flood", priority: .critical)
        #expect(try await escalations().count <= 2)
        #expect(try await escalations().dropFirst().allSatisfy { !$0.employeeIDs.contains(test.boris.id) })
        #expect(try await Self.stored(second, test).watcherIDs.isEmpty)
    }
}
