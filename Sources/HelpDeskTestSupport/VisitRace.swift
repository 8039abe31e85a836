import Foundation
import HelpDeskKit

/// Many tasks on one engine move the same visit and other tickets' visits at once: every move
/// commits, each ticket's revisions are dense, its final visit is its last committed move, and
/// each move raised exactly one `visitRescheduled` event (in revision order) and one audit entry.
public struct VisitRace: Sendable {
    /// Moves of the shared ticket's visit.
    public var sharedMoves = 12
    /// Other tickets, each moved `otherMoves` times.
    public var others = 4
    /// Moves of each other ticket's visit.
    public var otherMoves = 3

    /// Describes the race.
    public init(sharedMoves: Int = 12, others: Int = 4, otherMoves: Int = 3) {
        self.sharedMoves = sharedMoves
        self.others = others
        self.otherMoves = otherMoves
    }

    /// Runs the race on `store` and returns what went wrong (empty when nothing did).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let test = try await TestDesk.make(store: store)
        let desk = test.desk
        let crew = [test.boris.id]
        var tickets: [Ticket] = []
        for index in 0...others {
            let ticket = try await test.ticket("Visit \(index)")
            _ = try await desk.planVisit(
                on: ticket.id,
                VisitRequest(start: TestDesk.start.addingTimeInterval(86_400), durationMinutes: 60, employeeIDs: crew),
                by: .system)
            tickets.append(ticket)
        }
        var moves: [(ticket: TicketID, start: Date)] = []
        for (index, ticket) in tickets.enumerated() {
            for move in 0..<(index == 0 ? sharedMoves : otherMoves) {
                moves.append(
                    (ticket.id, TestDesk.start.addingTimeInterval(Double(2 + move) * 86_400 + Double(index) * 60)))
            }
        }
        let outcomes = await withTaskGroup(of: Result<PlannedVisit, HelpDeskError>.self) { group in
            for move in moves {
                group.addTask {
                    do throws(HelpDeskError) {
                        return .success(
                            try await desk.rescheduleVisit(
                                on: move.ticket,
                                to: VisitRequest(start: move.start, durationMinutes: 60, employeeIDs: crew), by: .system
                            ))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var outcomes: [Result<PlannedVisit, HelpDeskError>] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        var problems: [String] = []
        var committed: [TicketID: [PlannedVisit]] = [:]
        for outcome in outcomes {
            switch outcome {
            case .success(let visit): committed[visit.ticketID, default: []].append(visit)
            case .failure(let error): problems.append("a move failed: \(error)")
            }
        }
        let events = try await store.undeliveredEvents(limit: Int.max)
        let visits = try requireFeature((any VisitRepository).self, of: store)
        for (index, ticket) in tickets.enumerated() {
            let sequence = (committed[ticket.id] ?? []).sorted { $0.revision < $1.revision }
            let count = index == 0 ? sharedMoves : otherMoves
            if sequence.map(\.revision) != Array(2..<(2 + count)) {
                problems.append("ticket \(ticket.number): revisions \(sequence.map(\.revision)) are not dense")
            }
            let stored = try await visits.visit(ofTicket: ticket.id)
            if stored != sequence.last {
                problems.append("ticket \(ticket.number): stored \(String(describing: stored))")
            }
            let moved = events.compactMap { event -> Date? in
                if case .visitRescheduled(ticket.id, _, let start, _) = event.event { return start }
                return nil
            }
            if moved != sequence.map(\.start) {
                problems.append("ticket \(ticket.number): events \(moved) differ from the committed moves")
            }
            let audited = try await store.auditTrail(of: ticket.id).filter { $0.field == .visit }.count
            if audited != count + 1 { problems.append("ticket \(ticket.number): \(audited) visit audit entries") }
        }
        return problems
    }
}
