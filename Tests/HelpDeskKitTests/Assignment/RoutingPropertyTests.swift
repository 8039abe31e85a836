import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import SeededRandom
import Testing

/// Issue #20, "Proof": seeded runs of a group that drains its backlog on its own (random strategy,
/// group cap, members' own caps and drain limit), checked step by step against a small reference
/// model written from the documentation: who holds each ticket, the cursor, what a tick drains.
@Suite("Routing: seeded runs against a reference model of the automatic drain")
struct RoutingPropertyTests {
    /// The documented behaviour, on plain values.
    struct Model {
        struct Item {
            var id: TicketID
            var number: TicketNumber
            var priority: Priority
            var assignee: EmployeeID?
            var isOpen = true
            var inGroup = true
        }

        var items: [Item] = []
        /// The group's members in rotation order (by identifier).
        var members: [EmployeeID]
        /// Stored own caps: a missing key has no record; a record may hold no cap.
        var ownCaps: [EmployeeID: Int?] = [:]
        var kind: AssignmentStrategy.Kind
        var groupCap: Int?
        var drainLimit: Int
        var cursor: EmployeeID?

        func load(_ member: EmployeeID) -> (count: Int, weighted: Int) {
            items.filter { $0.isOpen && $0.assignee == member }.reduce((0, 0)) { total, item in
                let weight =
                    switch item.priority {
                    case .critical: 4
                    case .high: 2
                    case .normal, .low: 1
                    }
                return (total.0 + 1, total.1 + weight)
            }
        }

        /// The cap that holds for `member`: the smaller of the group's and their own.
        func cap(_ member: EmployeeID) -> Int? {
            [groupCap, ownCaps[member] ?? nil].compactMap { $0 }.min()
        }

        func hasRoom(_ member: EmployeeID) -> Bool { cap(member).map { load(member).count < $0 } ?? true }

        /// Round-robin: the first member with room after the cursor; least-loaded: the lightest with
        /// room, the first of equals in that order.
        func choose() -> EmployeeID? {
            let start = cursor.map { last in members.firstIndex { $0 > last } ?? members.count } ?? 0
            let rotation = (members[start...] + members[..<start]).filter(hasRoom)
            switch kind {
            case .roundRobin:
                return rotation.first
            case .leastLoaded(let weighted):
                var best: (EmployeeID, Int)?
                for member in rotation {
                    let value = weighted ? load(member).weighted : load(member).count
                    if best == nil || value < best!.1 { best = (member, value) }
                }
                return best?.0
            }
        }

        /// Gives item `index` to the chosen member; `false` when nobody has room.
        mutating func assign(_ index: Int) -> Bool {
            guard let member = choose() else { return false }
            items[index].assignee = member
            cursor = member
            return true
        }

        /// The backlog's oldest `drainLimit` tickets, assigned while someone has room; their indexes.
        mutating func drain() -> [Int] {
            let backlog = items.indices.filter { items[$0].isOpen && items[$0].inGroup && items[$0].assignee == nil }
            var drained: [Int] = []
            for index in backlog.prefix(drainLimit) {
                guard assign(index) else { break }
                drained.append(index)
            }
            return drained
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func theEngineDrainsLikeTheModel(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        var configuration = HelpDeskConfiguration()
        configuration.assignment.drainLimit = Int(random.next() % 4) + 1
        let test = try await TestDesk.make(configuration: configuration, seed: 500 + seed)
        let group = test.serviceDesk.id
        var members = [test.anna.id, test.boris.id]
        for index in 0..<Int(random.next() % 3) {
            members.append(
                try await test.desk.addEmployee(
                    NewEmployee(name: "Agent \(index)", email: "agent\(index)@service.example", groupIDs: [group]),
                    by: .system
                ).id)
        }
        let kinds: [AssignmentStrategy.Kind] = [
            .roundRobin, .leastLoaded(weightedByPriority: false), .leastLoaded(weightedByPriority: true),
        ]
        let kind = kinds[Int(random.next() % 3)]
        let groupCap: Int? = [nil, 1, 2, 3][Int(random.next() % 4)]
        let strategy = AssignmentStrategy(kind, capacity: groupCap)
        _ = try await test.desk.setRouting(
            GroupRouting(strategy: strategy, drainsBacklog: true), of: group, by: .system)
        var model = Model(
            members: members.sorted(), kind: kind, groupCap: groupCap, drainLimit: configuration.assignment.drainLimit)
        var counts: [String: Int] = [:]
        for step in 0..<70 {
            let before = model
            let roll = random.next() % 100
            let assigned = model.items.indices.filter { model.items[$0].isOpen && model.items[$0].assignee != nil }
            let active = model.items.indices.filter { model.items[$0].isOpen }
            var drainedAtTick: [TicketNumber]?
            var operation = "create"
            if roll < 35 || active.isEmpty {
                test.clock.advance(by: 60)
                let priority = Priority.allCases[Int(random.next() % UInt64(Priority.allCases.count))]
                let created = try await test.ticket("Step \(step)", priority: priority)
                model.items.append(Model.Item(id: created.id, number: created.number, priority: priority))
                _ = model.assign(model.items.count - 1)
                _ = try await test.desk.autoAssign(created.id, in: group, strategy: strategy, by: .system)
            } else if roll < 55, let index = assigned.randomElement(using: &random) {
                operation = "resolve"
                let freed = model.items[index].assignee
                model.items[index].isOpen = false
                if freed != nil { _ = model.drain() }
                _ = try await test.desk.changeStatus(model.items[index].id, to: .resolved, by: .system)
            } else if roll < 65, let index = active.randomElement(using: &random) {
                operation = "cancel"
                let freed = model.items[index].assignee
                model.items[index].isOpen = false
                if freed != nil { _ = model.drain() }
                _ = try await test.desk.changeStatus(model.items[index].id, to: .cancelled, by: .system)
            } else if roll < 75, let index = assigned.randomElement(using: &random) {
                operation = "reassign by hand"
                let other = members[Int(random.next() % UInt64(members.count))]
                let freed = model.items[index].assignee
                model.items[index].assignee = other
                model.items[index].inGroup = true
                if freed != other { _ = model.drain() }
                _ = try await test.desk.assign(model.items[index].id, to: other, group: group, by: .system)
            } else if roll < 80, let index = active.randomElement(using: &random) {
                operation = "move away"
                let freed = model.items[index].assignee
                model.items[index].assignee = nil
                model.items[index].inGroup = false
                if freed != nil { _ = model.drain() }
                _ = try await test.desk.assign(
                    model.items[index].id, to: nil, group: test.fieldEngineers.id, by: .system)
            } else if roll < 90 {
                operation = "own cap"
                let member = members[Int(random.next() % UInt64(members.count))]
                let cap: Int? = [nil, 0, 1, 2, 3][Int(random.next() % 5)]
                let stored = model.ownCaps[member] ?? nil
                if model.ownCaps[member] != nil || cap != nil { model.ownCaps[member] = .some(cap) }
                if let stored, cap.map({ $0 > stored }) ?? true { _ = model.drain() }
                _ = try await test.desk.setAssignmentCapacity(of: member, cap, by: .system)
            } else {
                operation = "tick"
                drainedAtTick = model.drain().map { model.items[$0].number }
                let report = try await test.desk.tick(now: test.clock.now)
                #expect(report.drainedTickets == drainedAtTick, "step \(step): the tick drained other tickets")
            }
            counts[operation, default: 0] += 1
            try await Self.compare(test, model, step: step, operation: operation)
            try await Self.checkInvariants(test, before: before, after: model, step: step)
        }
        #expect(counts.count == 7, "every operation ran: \(counts)")
    }

    /// Every ticket's holder, status and group, and the cursor, agree with the model.
    static func compare(_ test: TestDesk, _ model: Model, step: Int, operation: String) async throws {
        for item in model.items {
            let ticket = try #require(try await test.store.ticket(item.id))
            let isOpen = test.desk.workflow.category(of: ticket.status)?.isActive == true
            #expect(
                ticket.assigneeID == item.assignee && isOpen == item.isOpen
                    && (ticket.groupID == test.serviceDesk.id) == item.inGroup,
                "step \(step) (\(operation)): ticket \(item.number) differs from the model")
        }
        let cursor = try await test.store.feature((any AssignmentRepository).self)?.roundRobinCursor(
            of: test.serviceDesk.id)
        #expect(cursor?.lastAssigneeID == model.cursor, "step \(step) (\(operation)): the cursor differs")
    }

    /// On the engine's own state: an automatic assignment (a create's or a drain's) never takes a
    /// member past their cap, and a drain always takes the oldest waiting tickets.
    static func checkInvariants(_ test: TestDesk, before: Model, after: Model, step: Int) async throws {
        var given: Set<EmployeeID> = []
        var drained: [Int] = []
        for index in after.items.indices {
            guard let holder = after.items[index].assignee else { continue }
            if index >= before.items.count {
                given.insert(holder)
            } else if before.items[index].assignee == nil, before.items[index].inGroup, after.items[index].inGroup {
                given.insert(holder)
                drained.append(index)
            }
        }
        let candidates = try await test.desk.assignmentLoad(of: test.serviceDesk.id, as: .system)
        for member in given {
            let load = try #require(candidates.first { $0.employeeID == member })
            if let cap = after.cap(member) { #expect(load.openTicketCount <= cap, "step \(step): over the cap") }
        }
        if let youngest = drained.max() {
            for index in after.items.indices.prefix(youngest) {
                let item = after.items[index]
                #expect(!(item.isOpen && item.inGroup && item.assignee == nil), "step \(step): not oldest first")
            }
        }
    }
}
