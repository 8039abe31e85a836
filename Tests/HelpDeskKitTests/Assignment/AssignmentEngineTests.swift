import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Issue #20: shifts, `autoAssign`, the persisted cursor and draining the backlog, on the engine.
@Suite("Assignment: shifts, autoAssign, the cursor and the backlog")
struct AssignmentEngineTests {
    /// Anna and Boris in the service desk, in the group's rotation order (by identifier).
    static func rotation(_ test: TestDesk) -> [EmployeeID] { [test.anna.id, test.boris.id].sorted() }

    /// A night shift, 22:00–06:00 UTC every day: off at the test desk's start (Monday 09:00 UTC).
    static func nights() throws -> BusinessCalendar {
        try BusinessCalendar(
            timeZoneIdentifier: "UTC",
            schedule: WeeklySchedule(weekdays: Weekday.allCases, intervals: [try LocalInterval(parsing: "22:00-06:00")]))
    }

    static func cursor(_ test: TestDesk) async throws -> RoundRobinCursor? {
        try await (test.store as! InMemoryStore).roundRobinCursor(of: test.serviceDesk.id)
    }

    @Test func roundRobinAlternatesAndPersistsTheCursorWithARevisionPerAssignment() async throws {
        let test = try await TestDesk.make()
        let order = Self.rotation(test)
        var assignees: [EmployeeID?] = []
        for index in 0..<5 {
            let ticket = try await test.ticket("Queue \(index)")
            let assigned = try await test.desk.autoAssign(
                ticket.id, in: test.serviceDesk.id, strategy: .roundRobin, by: .employee(test.anna.id))
            #expect(assigned.groupID == test.serviceDesk.id)
            assignees.append(assigned.assigneeID)
        }
        #expect(assignees == [order[0], order[1], order[0], order[1], order[0]])
        let cursor = try #require(try await Self.cursor(test))
        #expect(cursor.lastAssigneeID == order[0] && cursor.revision == 5)
        // Another engine on the same store continues the rotation where this one stopped.
        let second = test.secondEngine(seed: 77)
        let next = try await second.autoAssign(
            try await test.ticket("Sixth").id, in: test.serviceDesk.id, strategy: .roundRobin, by: .system)
        #expect(next.assigneeID == order[1])
        let events = try await test.store.undeliveredEvents(limit: 1_000).filter {
            if case .ticketAssigned = $0.event { true } else { false }
        }
        #expect(events.count == 6)
    }

    @Test func inactiveAndOffShiftMembersAreSkippedUntilTheirShiftStarts() async throws {
        let test = try await TestDesk.make()
        let group = test.serviceDesk.id
        try await test.desk.setWorkingCalendar(of: test.boris.id, try Self.nights(), by: .system)
        #expect(try await test.desk.isOnShift(test.boris.id, at: TestDesk.start, as: .system) == false)
        #expect(try await test.desk.isOnShift(test.anna.id, at: TestDesk.start, as: .system), "no calendar: on shift")
        for index in 0..<3 {
            let ticket = try await test.desk.autoAssign(
                try await test.ticket("Day \(index)").id, in: group, strategy: .roundRobin, by: .system)
            #expect(ticket.assigneeID == test.anna.id)
        }
        test.clock.advance(by: 14 * 3_600)  // 23:00 UTC: Boris's night shift.
        let night = try await test.desk.autoAssign(
            try await test.ticket("Night").id, in: group, strategy: .roundRobin, by: .system)
        #expect(night.assigneeID == test.boris.id)
        try await test.desk.deactivateEmployee(test.boris.id, by: .system)
        let after = try await test.desk.autoAssign(
            try await test.ticket("After").id, in: group, strategy: .roundRobin, by: .system)
        #expect(after.assigneeID == test.anna.id, "Boris has left")
    }

    @Test func aCalendarWithoutWorkingTimeIsRefusedAndChangesNothing() async throws {
        let test = try await TestDesk.make()
        let before = try await test.snapshot()
        let empty = try BusinessCalendar(timeZoneIdentifier: "Europe/Berlin", schedule: .empty)
        await #expect(throws: HelpDeskError.invalidInput(
            field: "calendar", problem: .malformed(expected: "a calendar with working time from now on"))) {
            try await test.desk.setWorkingCalendar(of: test.boris.id, empty, by: .system)
        }
        let unknown: EmployeeID = Identifier(UUID())
        await #expect(throws: HelpDeskError.employeeNotFound(unknown)) {
            try await test.desk.setWorkingCalendar(of: unknown, try Self.nights(), by: .system)
        }
        await #expect(throws: HelpDeskError.invalidInput(field: "capacity", problem: .outOfRange(0...1_000_000))) {
            try await test.desk.autoAssign(
                try await test.ticket().id, in: test.serviceDesk.id, strategy: .roundRobin.capped(at: -1), by: .system)
        }
        #expect(try await test.snapshot().employeeSchedules == before.employeeSchedules)
        // Set, read back, then removed.
        let nights = try Self.nights()
        _ = try await test.desk.setWorkingCalendar(of: test.boris.id, nights, by: .system)
        #expect(try await test.desk.workingCalendar(of: test.boris.id, as: .system) == nights)
        _ = try await test.desk.setWorkingCalendar(of: test.boris.id, nil, by: .system)
        #expect(try await test.desk.workingCalendar(of: test.boris.id, as: .system) == nil)
        #expect(try await test.desk.isOnShift(test.boris.id, at: TestDesk.start, as: .system))
    }

    @Test func anUnknownGroupOrTicketIsRefusedAndChangesNothing() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let before = try await test.snapshot()
        let group: GroupID = Identifier(UUID())
        await #expect(throws: HelpDeskError.groupNotFound(group)) {
            try await test.desk.autoAssign(ticket.id, in: group, strategy: .roundRobin, by: .system)
        }
        await #expect(throws: HelpDeskError.groupNotFound(group)) {
            try await test.desk.drainBacklog(of: group, strategy: .roundRobin, by: .system)
        }
        let missing: TicketID = Identifier(UUID())
        await #expect(throws: HelpDeskError.ticketNotFound(missing)) {
            try await test.desk.autoAssign(missing, in: test.serviceDesk.id, strategy: .roundRobin, by: .system)
        }
        #expect(try await test.snapshot() == before)
    }

    @Test func atCapacityTheTicketWaitsInTheBacklogUntilDrained() async throws {
        let test = try await TestDesk.make()
        let group = test.serviceDesk.id
        let strategy = AssignmentStrategy.leastLoaded().capped(at: 1)
        var first: [Ticket] = []
        for index in 0..<2 {
            first.append(
                try await test.desk.autoAssign(try await test.ticket("First \(index)").id, in: group, strategy: strategy, by: .system))
        }
        #expect(Set(first.compactMap(\.assigneeID)) == [test.anna.id, test.boris.id])
        var waiting: [Ticket] = []
        for index in 0..<3 {
            test.clock.advance(by: 60)
            let ticket = try await test.desk.autoAssign(
                try await test.ticket("Waiting \(index)").id, in: group, strategy: strategy, by: .system)
            #expect(ticket.assigneeID == nil && ticket.groupID == group, "nobody has room")
            waiting.append(ticket)
        }
        let load = try await test.desk.assignmentLoad(of: group, as: .system)
        #expect(load.map(\.openTicketCount) == [1, 1])
        #expect(try await test.desk.drainBacklog(of: group, strategy: strategy, by: .system).isEmpty, "still full")
        // Resolving one ticket frees one slot: the oldest waiting ticket takes it.
        let freed = first[0]
        _ = try await test.desk.changeStatus(freed.id, to: .resolved, by: .system)
        let drained = try await test.desk.drainBacklog(of: group, strategy: strategy, by: .system)
        #expect(drained.map(\.id) == [waiting[0].id])
        #expect(drained.first?.assigneeID == freed.assigneeID)
        // Without a cap, the rest of the backlog is shared out, oldest first.
        let rest = try await test.desk.drainBacklog(of: group, strategy: .leastLoaded(), limit: 10, by: .system)
        #expect(rest.map(\.id) == [waiting[1].id, waiting[2].id])
        #expect(Set(rest.compactMap(\.assigneeID)).count == 2, "one each: they held equal loads")
    }

    @Test func leastLoadedWeighsOpenTicketsByPriority() async throws {
        let test = try await TestDesk.make()
        let group = test.serviceDesk.id
        // Anna holds one critical ticket (weight 4); Boris two normal ones (weight 2).
        _ = try await test.desk.assign(
            try await test.ticket("Down", priority: .critical).id, to: test.anna.id, group: group, by: .system)
        for index in 0..<2 {
            _ = try await test.desk.assign(
                try await test.ticket("Slow \(index)").id, to: test.boris.id, group: group, by: .system)
        }
        let counted = try await test.desk.autoAssign(
            try await test.ticket("Next").id, in: group, strategy: .leastLoaded(), by: .system)
        #expect(counted.assigneeID == test.anna.id, "fewest tickets")
        let weighted = try await test.desk.autoAssign(
            try await test.ticket("Then").id, in: group, strategy: .leastLoaded(weightedByPriority: true), by: .system)
        #expect(weighted.assigneeID == test.boris.id, "Anna now weighs 5, Boris 2")
        // Reassigning Boris's ticket does not count it against him.
        let again = try await test.desk.autoAssign(
            weighted.id, in: group, strategy: .leastLoaded(weightedByPriority: true), by: .system)
        #expect(again.assigneeID == test.boris.id)
    }

    @Test func anEmployeeWhoLeftMayNotSetShiftsOrAutoAssign() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let before = try await test.snapshot()
        let employee: Performer = .employee(test.former.id)
        await #expect(throws: HelpDeskError.employeeInactive(test.former.id)) {
            try await test.desk.setWorkingCalendar(of: test.boris.id, try Self.nights(), by: employee)
        }
        await #expect(throws: HelpDeskError.employeeInactive(test.former.id)) {
            try await test.desk.autoAssign(ticket.id, in: test.serviceDesk.id, strategy: .roundRobin, by: employee)
        }
        #expect(try await test.snapshot() == before)
    }
}
