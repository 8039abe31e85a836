import Foundation
import HelpDeskKit

/// What a desk holds, keyed by ticket title instead of identifiers and numbers, so two desks that
/// ran the same commands in the same order compare equal even when identifiers were drawn in
/// another order.
struct DeskProjection: Equatable {
    /// Per ticket title: status, priority, revision and requester.
    var tickets: [String: String] = [:]
    /// Per ticket title: comment bodies in commit order.
    var comments: [String: [String]] = [:]
    /// Per ticket title: audited fields with old and new values (comment references elided).
    var audit: [String: [String]] = [:]
    /// The outbox: event names with their ticket's title, in sequence order.
    var events: [String] = []

    /// Captures the desk behind `test`.
    static func capture(_ test: TestDesk) async throws -> DeskProjection {
        var projection = DeskProjection()
        let tickets = try await test.store.allTickets()
        let titles = Dictionary(uniqueKeysWithValues: tickets.map { ($0.id, $0.title) })
        for ticket in tickets {
            projection.tickets[ticket.title] =
                "\(ticket.status) \(ticket.priority) r\(ticket.revision) \(ticket.requester)"
            projection.comments[ticket.title] = try await test.store.comments(on: ticket.id).map(\.body)
            projection.audit[ticket.title] = try await test.store.auditTrail(of: ticket.id).map { entry in
                entry.field == .comment || entry.field == .created
                    ? "\(entry.field)" : "\(entry.field): \(entry.oldValue ?? "-") → \(entry.newValue ?? "-")"
            }
        }
        projection.events = try await test.desk.undeliveredEvents(limit: 10_000, as: .system).map { event in
            "\(event.event.name) \(event.event.ticketID.flatMap { titles[$0] } ?? "-")"
        }
        return projection
    }

    /// Human-readable differences from `other`; empty when equal.
    func differences(from other: DeskProjection) -> [String] {
        var found: [String] = []
        func compare<Value: Equatable>(_ what: String, _ mine: [String: Value], _ theirs: [String: Value]) {
            for key in Set(mine.keys).union(theirs.keys).sorted() where mine[key] != theirs[key] {
                found.append(
                    "\(what) of '\(key)': \(String(describing: mine[key])) ≠ \(String(describing: theirs[key]))")
            }
        }
        compare("ticket", tickets, other.tickets)
        compare("comments", comments, other.comments)
        compare("audit", audit, other.audit)
        if events != other.events {
            let index =
                zip(events, other.events).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(events.count, other.events.count)
            found.append("outboxes differ from event \(index) (\(events.count) vs \(other.events.count) events)")
        }
        return found
    }
}
