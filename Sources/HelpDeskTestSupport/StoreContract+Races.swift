import Foundation
import HelpDeskKit

/// Concurrent writers on one store: racing edits, racing numbers, and an outbox reader that
/// acknowledges while writers commit. Every adapter must serialize what these race on.
extension StoreContract {
    static let raceChecks: [ContractCheck] = [
        ContractCheck("racing edits of one ticket have exactly one winner per revision; losers consume no sequence") {
            store in
            var ids = SeededIdentifierSource(seed: 140)
            let ticket = fullTicket(number: 1, ids: &ids)
            try await store.commit(Races.creation(of: ticket, ids: &ids))
            let rounds = 8
            for round in 1...rounds {
                let units = (0..<6).map { racer in
                    Races.edit(of: ticket, at: round, title: "round \(round) racer \(racer)", ids: &ids)
                }
                let winners = try await Races.winners(of: units, on: store)
                try require(winners == 1, "round \(round): \(winners) edits won, expected exactly one")
            }
            let stored = try await store.ticket(ticket.id)
            try requireEqual(stored?.revision, rounds + 1, "one revision per round")
            try requireEqual(try await store.lastEventSequence(), UInt64(rounds + 1), "only winners took sequences")
            try requireEqual(
                try await store.undeliveredEvents(limit: 100).map(\.sequence), Array(1...UInt64(rounds + 1)),
                "no gap left by a loser")
        },
        ContractCheck("new tickets racing for one number have exactly one winner") { store in
            var ids = SeededIdentifierSource(seed: 141)
            for number in 1...6 {
                let units = (0..<5).map { _ in Races.creation(of: fullTicket(number: number, ids: &ids), ids: &ids) }
                let winners = try await Races.winners(of: units, on: store)
                try require(winners == 1, "number \(number): \(winners) inserts won, expected exactly one")
            }
            try requireEqual(try await store.lastTicketNumber(), TicketNumber(6), "numbers 1…6 taken once each")
            try requireEqual(try await store.allTickets().count, 6, "one ticket per number")
        },
        ContractCheck("a reader acknowledging while writers commit sees every event once, in sequence order") { store in
            var ids = SeededIdentifierSource(seed: 142)
            let writers = 6
            let perWriter = 15
            let units = (0..<writers).map { writer in
                (0..<perWriter).map { unit in
                    Races.creation(of: fullTicket(number: writer * perWriter + unit + 1, ids: &ids), ids: &ids)
                }
            }
            let delivered = try await withThrowingTaskGroup(of: [UInt64].self) { group in
                for batch in units {
                    group.addTask {
                        for work in batch { try await store.commit(work) }
                        return []
                    }
                }
                group.addTask { try await Races.drain(store, expecting: writers * perWriter) }
                var all: [UInt64] = []
                for try await sequences in group { all += sequences }
                return all
            }
            try requireEqual(delivered, Array(1...UInt64(writers * perWriter)), "every sequence once, in order")
            try requireEqual(try await store.undeliveredEvents(limit: 10), [], "all acknowledged")
        },
    ]
}

/// Units and helpers for ``StoreContract/raceChecks``.
enum Races {
    /// Inserts `ticket` with one event.
    static func creation(of ticket: Ticket, ids: inout SeededIdentifierSource) -> UnitOfWork {
        var work = UnitOfWork()
        work.save(ticket, expectedRevision: nil)
        work.events = [event(about: ticket, ids: &ids)]
        return work
    }

    /// Retitles `ticket` from `revision`, with one event.
    static func edit(of ticket: Ticket, at revision: Int, title: String, ids: inout SeededIdentifierSource) -> UnitOfWork {
        var changed = ticket
        changed.title = title
        changed.revision = revision + 1
        var work = UnitOfWork()
        work.save(changed, expectedRevision: revision)
        work.events = [event(about: changed, ids: &ids)]
        return work
    }

    private static func event(about ticket: Ticket, ids: inout SeededIdentifierSource) -> PendingEvent {
        PendingEvent(
            id: ids.next(), event: .ticketUpdated(ticket: ticket.id, number: ticket.number, fields: [.title]),
            performer: .system, audience: Audience(), occurredAt: ticket.createdAt)
    }

    /// Commits every unit at once and counts those that won; a loser must fail with `.conflict`.
    static func winners(of units: [UnitOfWork], on store: any HelpDeskStore) async throws -> Int {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for work in units {
                group.addTask {
                    do {
                        try await store.commit(work)
                        return true
                    } catch let error as StorageError where error.kind == .conflict {
                        return false
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
    }

    /// Reads and acknowledges events until `count` were delivered, failing on a skipped or
    /// repeated sequence (a reader that advanced past a gap would lose the late event).
    static func drain(_ store: any HelpDeskStore, expecting count: Int) async throws -> [UInt64] {
        var delivered: [UInt64] = []
        let clock = ContinuousClock()
        let stop = clock.now + .seconds(120)
        while delivered.count < count {
            try require(clock.now < stop, "the outbox stopped after \(delivered.count) of \(count) events")
            let batch = try await store.undeliveredEvents(limit: 7)
            if batch.isEmpty {
                await Task.yield()
                continue
            }
            for event in batch {
                let next = UInt64(delivered.count + 1)
                try require(event.sequence == next, "expected sequence \(next), read \(event.sequence)")
                delivered.append(event.sequence)
            }
            var acknowledgement = UnitOfWork()
            acknowledgement.acknowledgedEvents = batch.map(\.sequence)
            try await store.commit(acknowledgement)
        }
        return delivered
    }
}
