import Foundation
import HelpDeskKit

/// One engine resolves tickets while a second engine moves their visits, at once: every ticket
/// ends resolved with its visit called off exactly once, and each move either committed before
/// the call-off or was refused because the visit was off.
public struct VisitCallOffRace: Sendable {
    /// Tickets, each with a visit.
    public var tickets = 6
    /// Moves of each ticket's visit racing its resolution.
    public var moves = 2

    /// Describes the race.
    public init(tickets: Int = 6, moves: Int = 2) {
        self.tickets = tickets
        self.moves = moves
    }

    /// Runs the race on `store` and returns what went wrong (empty when nothing did).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let test = try await TestDesk.make(store: store, seed: 2_525)
        let desk = test.desk
        let other = test.secondEngine(seed: 2_626)
        let crew = [test.boris.id]
        var ids: [TicketID] = []
        for index in 0..<tickets {
            let ticket = try await test.ticket("Call-off \(index)")
            _ = try await desk.changeStatus(ticket.id, to: .inProgress, by: .system)
            _ = try await desk.planVisit(
                on: ticket.id,
                VisitRequest(start: TestDesk.start.addingTimeInterval(86_400), durationMinutes: 60, employeeIDs: crew),
                by: .system)
            ids.append(ticket.id)
        }
        let before = try await store.lastEventSequence()
        enum Outcome: Sendable {
            case resolved(TicketID)
            case moved(TicketID)
            case refused(TicketID, HelpDeskError)
        }
        let outcomes = await withTaskGroup(of: Outcome.self) { group in
            for id in ids {
                group.addTask {
                    do throws(HelpDeskError) {
                        _ = try await desk.changeStatus(id, to: .resolved, by: .system)
                        return .resolved(id)
                    } catch {
                        return .refused(id, error)
                    }
                }
                for move in 0..<moves {
                    group.addTask {
                        let start = TestDesk.start.addingTimeInterval(Double(2 + move) * 86_400)
                        do throws(HelpDeskError) {
                            _ = try await other.rescheduleVisit(
                                on: id, to: VisitRequest(start: start, durationMinutes: 60, employeeIDs: crew),
                                by: .system)
                            return .moved(id)
                        } catch {
                            return .refused(id, error)
                        }
                    }
                }
            }
            var outcomes: [Outcome] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        var problems: [String] = []
        var moved: [TicketID: Int] = [:]
        for outcome in outcomes {
            switch outcome {
            case .resolved: break
            case .moved(let id): moved[id, default: 0] += 1
            case .refused(let id, let error):
                // A move that lost to the call-off finds no visit; nothing else may fail.
                guard case .visitNotFound = error.reason else {
                    problems.append("ticket \(id): \(error)")
                    continue
                }
            }
        }
        let events = try await store.undeliveredEvents(limit: Int.max).filter { $0.sequence > before }
        let visits = try requireFeature((any VisitRepository).self, of: store)
        for id in ids {
            let ticket = try await store.ticket(id)
            if ticket?.status != .resolved { problems.append("ticket \(id) is \(String(describing: ticket?.status))") }
            let visit = try await visits.visit(ofTicket: id)
            let count = moved[id] ?? 0
            if visit?.isCancelled != true || visit?.revision != 2 + count {
                problems.append("ticket \(id): visit \(String(describing: visit)) after \(count) moves")
            }
            let cancellations = events.filter {
                if case .visitCancelled(id, _) = $0.event { return true }
                return false
            }
            if cancellations.count != 1 { problems.append("ticket \(id): \(cancellations.count) call-off events") }
            let audited = try await store.auditTrail(of: id).filter { $0.field == .visit }
            if audited.count != 2 + count || audited.last?.newValue != "cancelled (ticket resolved)" {
                problems.append("ticket \(id): visit audit \(audited.map(\.newValue))")
            }
        }
        return problems
    }
}
