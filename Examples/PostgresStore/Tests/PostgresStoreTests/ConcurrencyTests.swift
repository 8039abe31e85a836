import Foundation
import HelpDeskKit
import PostgresStore
import Testing

/// Builders for the concurrency tests: tickets and units with one event each.
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

    /// Retitles `ticket` (at `revision`) with one event.
    static func edit(of ticket: Ticket, at revision: Int, title: String) -> UnitOfWork {
        var changed = ticket
        changed.title = title
        changed.revision = revision + 1
        var work = UnitOfWork()
        work.save(changed, expectedRevision: revision)
        work.events = [event(about: changed)]
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

@Suite("PostgreSQL store under concurrent writers", .enabled(if: ScratchDatabase.server != nil))
struct ConcurrencyTests {
    @Test func racingEditsOfOneTicketHaveExactlyOneWinnerPerRevision() async throws {
        try await ScratchDatabase.withStore { store in
            let ticket = Units.ticket(number: 1)
            try await store.commit(Units.creation(of: ticket))
            let rounds = 12
            let racers = 6
            for round in 1...rounds {
                let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for racer in 0..<racers {
                        let work = Units.edit(of: ticket, at: round, title: "round \(round) racer \(racer)")
                        group.addTask { try await Units.wins { try await store.commit(work) } }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(winners == 1, "round \(round): exactly one edit wins")
            }
            let stored = try #require(try await store.ticket(ticket.id))
            #expect(stored.revision == rounds + 1)
            #expect(stored.title.hasPrefix("round \(rounds) "))
            // Losers' events were rolled back with them: no sequence was consumed.
            #expect(try await store.lastEventSequence() == UInt64(rounds + 1))
            let sequences = try await store.undeliveredEvents(limit: 1000).map(\.sequence)
            #expect(sequences == Array(1...UInt64(rounds + 1)))
        }
    }

    @Test func newTicketsRacingForOneNumberHaveExactlyOneWinner() async throws {
        try await ScratchDatabase.withStore { store in
            for number in 1...10 {
                let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for racer in 0..<6 {
                        let work = Units.creation(of: Units.ticket(number: number, title: "racer \(racer)"))
                        group.addTask { try await Units.wins { try await store.commit(work) } }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(winners == 1, "number \(number): exactly one insert wins")
            }
            let numbers = try await store.allTickets().map(\.number.rawValue).sorted()
            #expect(numbers == Array(1...10))
            #expect(try await store.lastTicketNumber() == TicketNumber(10))
        }
    }

    @Test func aReaderAcknowledgingWhileWritersCommitSeesEveryEventOnceInOrder() async throws {
        try await ScratchDatabase.withStore { store in
            let writers = 8
            let unitsPerWriter = 25
            let expected = writers * unitsPerWriter
            let delivered = try await withThrowingTaskGroup(of: [OutboxEvent].self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        for unit in 0..<unitsPerWriter {
                            let number = writer * unitsPerWriter + unit + 1
                            try await store.commit(Units.creation(of: Units.ticket(number: number)))
                        }
                        return []
                    }
                }
                group.addTask { try await drain(store, expecting: expected) }
                var all: [OutboxEvent] = []
                for try await events in group { all += events }
                return all
            }
            #expect(delivered.map(\.sequence) == Array(1...UInt64(expected)), "every sequence once, in order")
            #expect(Set(delivered.map(\.id)).count == expected, "every event once")
            #expect(try await store.undeliveredEvents(limit: 10).isEmpty)
            #expect(try await store.lastEventSequence() == UInt64(expected))
        }
    }
}

/// Reads and acknowledges events until `count` were delivered; fails on a sequence that skips
/// one (the reader would have advanced past a gap) or repeats one.
func drain(_ store: PostgresStore, expecting count: Int, deadline: Duration = .seconds(120)) async throws
    -> [OutboxEvent]
{
    var delivered: [OutboxEvent] = []
    let clock = ContinuousClock()
    let stop = clock.now + deadline
    while delivered.count < count {
        try #require(clock.now < stop, "the outbox stopped after \(delivered.count) of \(count) events")
        let batch = try await store.undeliveredEvents(limit: 7)
        if batch.isEmpty {
            try await Task.sleep(for: .milliseconds(2))
            continue
        }
        for event in batch {
            let next = UInt64(delivered.count + 1)
            try #require(event.sequence == next, "expected sequence \(next), read \(event.sequence)")
            delivered.append(event)
        }
        var acknowledgement = UnitOfWork()
        acknowledgement.acknowledgedEvents = batch.map(\.sequence)
        try await store.commit(acknowledgement)
    }
    return delivered
}
