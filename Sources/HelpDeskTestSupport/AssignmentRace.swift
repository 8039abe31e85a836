import Foundation
import HelpDeskKit

/// Two engines (two server processes on one database) auto-assign the tickets of one group at once,
/// round-robin.
///
/// Every assignment moves the group's cursor under its revision, so whatever the order the commits
/// land in, no turn is handed out twice: the members' shares differ by at most one, every ticket
/// is assigned exactly once, and the cursor's revision counts the assignments.
public struct AssignmentRace: Sendable {
    /// Tickets assigned at once, half on each engine.
    public var tickets = 40

    /// Describes the race.
    public init(tickets: Int = 40) {
        self.tickets = tickets
    }

    /// Runs the race on `store` and returns what went wrong (empty when the rotation held).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let (test, group, members) = try await Self.serviceDeskOfFour(on: store, seed: 909)
        var ids: [TicketID] = []
        for index in 0..<tickets { ids.append(try await test.ticket("Queue \(index)").id) }
        let second = test.secondEngine(seed: 9_090)
        let work = ids
        let failures = await withTaskGroup(of: String?.self) { tasks in
            for (index, id) in work.enumerated() {
                let desk = index.isMultiple(of: 2) ? test.desk : second
                tasks.addTask { await Self.assign(id, in: group, on: desk) }
            }
            var failures: [String] = []
            for await failure in tasks { if let failure { failures.append(failure) } }
            return failures
        }
        var problems = failures
        var shares: [EmployeeID: Int] = [:]
        for id in ids {
            guard let ticket = try await store.ticket(id) else {
                problems.append("ticket \(id) is lost")
                continue
            }
            guard let assignee = ticket.assigneeID, members.contains(assignee), ticket.groupID == group else {
                problems.append("ticket \(ticket.number) is not assigned in the group: \(String(describing: ticket.assigneeID))")
                continue
            }
            shares[assignee, default: 0] += 1
        }
        let counts = members.map { shares[$0] ?? 0 }
        if let least = counts.min(), let most = counts.max(), most - least > 1 {
            problems.append("unfair shares \(counts) over \(tickets) tickets")
        }
        let cursor = try await store.feature((any AssignmentRepository).self)?.roundRobinCursor(of: group)
        if cursor?.revision != tickets {
            problems.append("the cursor is at revision \(String(describing: cursor?.revision)), expected \(tickets)")
        }
        let events = try await store.undeliveredEvents(limit: 100_000).filter {
            if case .ticketAssigned = $0.event { true } else { false }
        }
        if events.count != tickets { problems.append("\(events.count) assignment events, expected \(tickets)") }
        return problems
    }

    /// Auto-assigns `id`, retrying as a host would when the other engine kept winning the cursor.
    private static func assign(_ id: TicketID, in group: GroupID, on desk: HelpDesk) async -> String? {
        var lastError: HelpDeskError?
        for _ in 0..<20 {
            do {
                let ticket = try await desk.autoAssign(id, in: group, strategy: .roundRobin, by: .system)
                return ticket.assigneeID == nil ? "ticket \(ticket.number) found nobody eligible" : nil
            } catch where error.code == .conflict {
                lastError = error
            } catch {
                return "unexpected failure: \(error)"
            }
        }
        return "ticket \(id) kept conflicting: \(String(describing: lastError))"
    }
}

extension AssignmentRace {
    /// A test desk whose service desk has four members (Anna, Boris, Clara, Dmitri), in that order.
    static func serviceDeskOfFour(on store: any HelpDeskStore, seed: UInt64) async throws
        -> (TestDesk, GroupID, [EmployeeID])
    {
        let test = try await TestDesk.make(store: store, seed: seed)
        let group = test.serviceDesk.id
        var members = [test.anna.id, test.boris.id]
        for name in ["Clara", "Dmitri"] {
            let employee = try await test.desk.addEmployee(
                NewEmployee(name: "\(name) Agent", email: "\(name.lowercased())@service.example", groupIDs: [group]),
                by: .system)
            members.append(employee.id)
        }
        return (test, group, members)
    }
}
