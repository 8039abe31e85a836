import Foundation
import HelpDeskKit

/// Builders for the PostgreSQL-specific tests: tickets and units with one event each (the races
/// every adapter must win are in the shared contract, `StoreContract.raceChecks`).
enum Units {
    static let start = Date(timeIntervalSince1970: 1_772_442_000)

    /// A new ticket numbered `number`.
    static func ticket(number: Int, title: String = "Racing") -> Ticket {
        Ticket(
            id: TicketID(UUID()), number: TicketNumber(number), title: title, channel: .phone, status: "new",
            requester: .freeText("Caller"), createdAt: start)
    }

    /// An event about `ticket`.
    static func event(about ticket: Ticket) -> PendingEvent {
        PendingEvent(
            id: EventID(UUID()), event: .ticketUpdated(ticket: ticket.id, number: ticket.number, fields: [.title]),
            performer: .system, audience: Audience(), occurredAt: start)
    }

    /// Inserts `ticket` with one event.
    static func creation(of ticket: Ticket) -> UnitOfWork {
        var work = UnitOfWork()
        work.save(ticket, expectedRevision: nil)
        work.events = [event(about: ticket)]
        return work
    }

    /// `true` when `commit` ran, `false` when it failed with a conflict; other errors propagate.
    static func wins(_ commit: () async throws -> Void) async throws -> Bool {
        do {
            try await commit()
            return true
        } catch let error as StorageError where error.kind == .conflict {
            return false
        }
    }
}
