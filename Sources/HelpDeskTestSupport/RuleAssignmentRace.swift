import Foundation
import HelpDeskKit

/// Many tickets registered at once on one engine, each given out round-robin by an automation
/// rule while it is created.
///
/// A rule learns that it assigns only while the create runs, too late to hold the group's lane
/// first; the engine takes the lane the moved cursor implies before the commit, and a create that
/// decided while another held it decides again. So none of them fails its commit for the cursor:
/// every create succeeds without a host's retry, the shares differ by at most one, and the cursor's
/// revision counts the assignments.
public struct RuleAssignmentRace: Sendable {
    /// Tickets created at once.
    public var tickets = 40

    /// Describes the race.
    public init(tickets: Int = 40) {
        self.tickets = tickets
    }

    /// Runs the race on `store` and returns what went wrong (empty when the rotation held).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let (test, group, members) = try await AssignmentRace.serviceDeskOfFour(on: store, seed: 919)
        _ = try await test.desk.defineRule(
            RuleDefinition(
                name: "Share out new tickets", priority: 1, triggers: [.ticketCreated],
                actions: [.assign(group: group, strategy: .roundRobin)]),
            by: .system)
        let desk = test.desk
        let anna = test.anna.id
        let count = tickets
        let outcomes = await withTaskGroup(of: Result<TicketID, any Error>.self) { tasks in
            for index in 0..<count {
                tasks.addTask {
                    do {
                        return .success(
                            try await desk.createTicket(
                                NewTicket(
                                    title: "Queue \(index)", channel: .email, requester: .freeText("Ivan Petrov")),
                                by: .employee(anna)
                            ).id)
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var outcomes: [Result<TicketID, any Error>] = []
            for await outcome in tasks { outcomes.append(outcome) }
            return outcomes
        }
        var problems: [String] = []
        var shares: [EmployeeID: Int] = [:]
        for outcome in outcomes {
            switch outcome {
            case .failure(let error):
                problems.append("a create failed: \(error)")
            case .success(let id):
                guard let ticket = try await store.ticket(id) else {
                    problems.append("ticket \(id) is lost")
                    continue
                }
                guard let assignee = ticket.assigneeID, members.contains(assignee), ticket.groupID == group else {
                    problems.append("ticket \(ticket.number) is not assigned in the group")
                    continue
                }
                shares[assignee, default: 0] += 1
            }
        }
        let counts = members.map { shares[$0] ?? 0 }
        if let least = counts.min(), let most = counts.max(), most - least > 1 {
            problems.append("unfair shares \(counts) over \(count) tickets")
        }
        let cursor = try await store.feature((any AssignmentRepository).self)?.roundRobinCursor(of: group)
        if cursor?.revision != count {
            problems.append("the cursor is at revision \(String(describing: cursor?.revision)), expected \(count)")
        }
        return problems
    }
}
