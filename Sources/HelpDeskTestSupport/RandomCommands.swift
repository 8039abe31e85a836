import Foundation
import HelpDeskKit

/// Issues random, often invalid, commands against a ``TestDesk`` for property tests.
public struct RandomCommands {
    /// Whether the engine accepted a command.
    public enum Outcome: Sendable { case accepted, rejected }

    /// The desk the commands go to.
    public let test: TestDesk
    private var created = 0

    /// Prepares random commands for `test`.
    public init(test: TestDesk) {
        self.test = test
    }

    /// Runs one random command; returns whether the engine accepted it.
    public mutating func runOne(using random: inout SplitMix64, tickets: [Ticket]) async throws -> Outcome {
        let desk = test.desk
        let employees = [test.anna.id, test.boris.id, test.former.id]
        let performers: [Performer] = [
            .employee(test.anna.id), .employee(test.boris.id), .client(name: "Ivan"), .system,
        ]
        let performer = performers.randomElement(using: &random)!
        guard let ticket = tickets.randomElement(using: &random), random.next() % 8 != 0 else {
            created += 1
            return try await attempt {
                _ = try await desk.createTicket(
                    NewTicket(
                        title: random.next() % 10 == 0 ? " " : "Ticket \(created)", channel: .phone,
                        categoryID: [test.printers.id, test.onSite.id, nil].randomElement(using: &random)!,
                        requester: .freeText("Caller")),
                    by: performer)
            }
        }
        let other = tickets.randomElement(using: &random)!
        let now = test.clock.now
        switch random.next() % 10 {
        case 0:
            let priority = Priority.allCases.randomElement(using: &random)!
            let title = ["Renamed", "", ticket.title].randomElement(using: &random)!
            return try await attempt {
                _ = try await desk.updateTicket(
                    ticket.id, TicketUpdate(title: title, priority: priority), by: performer)
            }
        case 1:
            let assignee = employees.randomElement(using: &random)
            let group = [test.serviceDesk.id, test.fieldEngineers.id, nil].randomElement(using: &random)!
            return try await attempt { _ = try await desk.assign(ticket.id, to: assignee, group: group, by: performer) }
        case 2, 3:
            let status = desk.workflow.statuses.randomElement(using: &random)!.code
            return try await attempt { _ = try await desk.changeStatus(ticket.id, to: status, by: performer) }
        case 4:
            let until = now.addingTimeInterval(Double(random.next() % 7_200) - 1_800)
            return try await attempt { _ = try await desk.postpone(ticket.id, until: until, by: performer) }
        case 5:
            let visibility: CommentVisibility = random.next() % 2 == 0 ? .public : .internal
            return try await attempt {
                _ = try await desk.comment(on: ticket.id, NewComment("Note", visibility: visibility), by: performer)
            }
        case 6:
            let watcher = employees.randomElement(using: &random)!
            return try await attempt { _ = try await desk.addWatchers([watcher], to: ticket.id, by: performer) }
        case 7:
            let kind = LinkKind.allCases.randomElement(using: &random)!
            return try await attempt { try await desk.link(ticket.id, kind, to: other.id, by: performer) }
        case 8:
            return try await attempt { try await desk.merge(ticket.id, into: other.id, by: performer) }
        default:
            return try await attempt { _ = try await desk.tick(now: now) }
        }
    }

    /// Runs `command`; a typed rejection is an outcome, a storage failure fails the test.
    private func attempt(_ command: () async throws -> Void) async throws -> Outcome {
        do {
            try await command()
            return .accepted
        } catch let error as HelpDeskError {
            if case .storage(let failure) = error.reason { throw failure }
            return .rejected
        }
    }
}
