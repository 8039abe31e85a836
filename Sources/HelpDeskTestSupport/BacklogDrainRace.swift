import Foundation
import HelpDeskKit

/// Members of a group that drains its backlog on its own resolve their tickets at once on two
/// engines, round after round, each resolution freeing the slot the oldest waiting ticket takes in
/// the same unit.
///
/// The group's cap is one open ticket per member. Whatever order the commits land in, after every
/// round each member holds exactly one open ticket (the cap is never exceeded, no slot is left
/// empty while tickets wait), the tickets taken are exactly the oldest that waited, every waiting
/// ticket is assigned once, and the cursor's revision counts every assignment.
public struct BacklogDrainRace: Sendable {
    /// Members of the group.
    public var members = 4
    /// Rounds of resolutions; the backlog holds one ticket per member and round.
    public var rounds = 5

    /// Describes the race.
    public init(members: Int = 4, rounds: Int = 5) {
        self.members = members
        self.rounds = rounds
    }

    /// Runs the race on `store` and returns what went wrong (empty when the drain held).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let test = try await TestDesk.make(store: store, seed: 929)
        let group = test.serviceDesk.id
        var team = [test.anna.id, test.boris.id]
        for index in 0..<max(0, members - 2) {
            let employee = try await test.desk.addEmployee(
                NewEmployee(name: "Agent \(index)", email: "agent\(index)@service.example", groupIDs: [group]),
                by: .system)
            team.append(employee.id)
        }
        let strategy = AssignmentStrategy.roundRobin.capped(at: 1)
        _ = try await test.desk.setRouting(
            GroupRouting(lead: test.anna.id, strategy: strategy, drainsBacklog: true), of: group, by: .system)
        var open: [TicketID] = []
        var waiting: [TicketID] = []
        for index in 0..<(team.count * (rounds + 1)) {
            test.clock.advance(by: 60)
            let ticket = try await test.desk.autoAssign(
                try await test.ticket("Queue \(index)").id, in: group, strategy: strategy, by: .system)
            if ticket.assigneeID == nil { waiting.append(ticket.id) } else { open.append(ticket.id) }
        }
        var problems: [String] = []
        if open.count != team.count {
            problems.append("\(open.count) tickets assigned at first, expected \(team.count)")
        }
        let second = test.secondEngine(seed: 9_290)
        for round in 0..<rounds {
            let resolving = open
            let failures = await withTaskGroup(of: String?.self) { tasks in
                for (index, id) in resolving.enumerated() {
                    let desk = index.isMultiple(of: 2) ? test.desk : second
                    tasks.addTask { await Self.resolve(id, on: desk) }
                }
                var failures: [String] = []
                for await failure in tasks { if let failure { failures.append(failure) } }
                return failures
            }
            problems += failures.map { "round \(round): \($0)" }
            let taken = Array(waiting.prefix(team.count))
            waiting.removeFirst(taken.count)
            open = []
            var holders: [EmployeeID: Int] = [:]
            for id in taken {
                guard let ticket = try await store.ticket(id), let holder = ticket.assigneeID else {
                    problems.append("round \(round): an oldest waiting ticket was not assigned")
                    continue
                }
                holders[holder, default: 0] += 1
                open.append(id)
            }
            if holders.values.contains(where: { $0 > 1 }) || holders.count != team.count {
                problems.append("round \(round): the slots went \(holders.values.sorted()), expected one each")
            }
            for id in waiting where try await store.ticket(id)?.assigneeID != nil {
                problems.append("round \(round): a younger ticket was taken before an older one")
            }
        }
        let events = try await store.undeliveredEvents(limit: 100_000).compactMap { event -> TicketID? in
            // Joining the group's backlog unassigned is announced too; count the assignments.
            if case .ticketAssigned(let ticket, _, .some, _) = event.event { ticket } else { nil }
        }
        let perTicket = Dictionary(grouping: events, by: { $0 }).mapValues(\.count)
        if perTicket.values.contains(where: { $0 != 1 }) || perTicket.count != team.count * (rounds + 1) {
            problems.append("assignments per ticket \(perTicket.values.sorted()), expected one each")
        }
        let assignments = team.count * (rounds + 1)
        let cursor = try await store.feature((any AssignmentRepository).self)?.roundRobinCursor(of: group)
        if cursor?.revision != assignments {
            problems.append(
                "the cursor is at revision \(String(describing: cursor?.revision)), expected \(assignments)")
        }
        return problems
    }

    /// Resolves `id`, retrying as a host would when the other engine kept winning.
    private static func resolve(_ id: TicketID, on desk: HelpDesk) async -> String? {
        var lastError: HelpDeskError?
        for _ in 0..<20 {
            do {
                _ = try await desk.changeStatus(id, to: .resolved, by: .system)
                return nil
            } catch  where error.code == .conflict {
                lastError = error
            } catch {
                return "unexpected failure: \(error)"
            }
        }
        return "ticket \(id) kept conflicting: \(String(describing: lastError))"
    }
}
