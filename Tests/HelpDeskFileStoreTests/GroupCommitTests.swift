import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// Units committed concurrently land in one group or in consecutive ones; whichever, the outcome
/// must be one the units' rules allow in some serial order.
@Suite("Group commit")
struct GroupCommitTests {
    /// What a unit of the random mix does.
    private enum Kind {
        /// Edits a stored ticket from its first revision: per ticket only one such edit can win.
        case edit(ticket: Int)
        /// Inserts a new ticket whose number other inserts may also take.
        case insert(number: Int)
        /// Comments on a stored ticket: never conflicts.
        case comment(ticket: Int)
    }

    /// Seeded concurrent edits, inserts and comments on a few records, so that conflicting units
    /// meet in the same group: per edited ticket exactly one edit wins, inserts take each number
    /// at most once and fail only on a taken number, every comment lands, rejected units change
    /// nothing, and the store reopens to the same image.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func concurrentConflictingUnitsCommitAsSomeSerialOrder(seed: UInt64) async throws {
        let directory = freshDirectory("group-conflicts")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        let fixtures = TicketFixtures(seed: seed)
        let stored = fixtures.tickets(count: 6, seed: seed)
        var setup = UnitOfWork()
        for ticket in stored { setup.save(ticket, expectedRevision: nil) }
        try await store.commit(setup)

        var random = SplitMix64(seed: seed)
        var ids = SeededIdentifierSource(seed: seed &+ 99)
        var mix: [(kind: Kind, work: UnitOfWork)] = []
        for index in 0..<150 {
            var work = UnitOfWork()
            let kind: Kind
            switch random.next() % 3 {
            case 0:
                let target = Int(random.next() % UInt64(stored.count))
                var ticket = stored[target]
                ticket.title = "edit \(index)"
                ticket.revision += 1
                work.save(ticket, expectedRevision: stored[target].revision)
                kind = .edit(ticket: target)
            case 1:
                let number = 1_000 + Int(random.next() % 8)
                let ticket = fixtures.tickets(count: 1, firstNumber: number, seed: seed &* 1_000 &+ UInt64(index))[0]
                work.save(ticket, expectedRevision: nil)
                kind = .insert(number: number)
            default:
                let target = Int(random.next() % UInt64(stored.count))
                work.comments = [
                    Comment(
                        id: ids.next(), ticketID: stored[target].id, author: .system, body: "note \(index)",
                        visibility: .internal, createdAt: TicketFixtures.epoch)
                ]
                kind = .comment(ticket: target)
            }
            mix.append((kind, work))
        }

        let outcomes = try await withThrowingTaskGroup(of: (Int, StorageError?).self) { group in
            for (index, unit) in mix.enumerated() {
                group.addTask {
                    do {
                        try await store.commit(unit.work)
                        return (index, nil)
                    } catch let error as StorageError {
                        return (index, error)
                    }
                }
            }
            var outcomes = [StorageError?](repeating: nil, count: mix.count)
            for try await (index, error) in group { outcomes[index] = error }
            return outcomes
        }

        var winningEdits: [Int: [Int]] = [:]
        var insertsByNumber: [Int: [Int]] = [:]
        var commentsByTicket: [Int: Int] = [:]
        for (index, unit) in mix.enumerated() {
            switch unit.kind {
            case .edit(let ticket):
                if outcomes[index] == nil { winningEdits[ticket, default: []].append(index) }
            case .insert(let number):
                if outcomes[index] == nil { insertsByNumber[number, default: []].append(index) }
            case .comment(let ticket):
                #expect(outcomes[index] == nil, "a comment conflicts with nothing")
                commentsByTicket[ticket, default: 0] += 1
            }
            if let error = outcomes[index] { #expect(error.kind == .conflict) }
        }
        for (target, ticket) in stored.enumerated() {
            let edits = mix.filter { if case .edit(target) = $0.kind { true } else { false } }
            let winners = winningEdits[target] ?? []
            #expect(winners.count == (edits.isEmpty ? 0 : 1), "exactly one edit from revision 1 wins")
            let current = try #require(try await store.ticket(ticket.id))
            if let winner = winners.first {
                #expect(current.title == "edit \(winner)")
                #expect(current.revision == ticket.revision + 1)
            } else {
                #expect(current == ticket)
            }
            #expect(try await store.comments(on: ticket.id).count == commentsByTicket[target, default: 0])
        }
        let attemptedNumbers = Set(mix.compactMap { if case .insert(let number) = $0.kind { number } else { nil } })
        for number in attemptedNumbers {
            #expect(insertsByNumber[number]?.count == 1, "the first insert of a number wins, later ones fail")
            let winner = try #require(insertsByNumber[number]?.first)
            let inserted = try #require(try await store.ticket(number: TicketNumber(rawValue: number)))
            #expect(inserted.id == mix[winner].work.ticketWrites[0].ticket.id)
        }

        let image = try store.image()
        #expect(image.tickets.count == stored.count + attemptedNumbers.count)
        let statistics = store.statistics
        #expect(statistics.units == 1 + outcomes.filter { $0 == nil }.count, "rejected units are not journaled")
        #expect((1...statistics.units).contains(statistics.syncs))
        #expect(try await imageAfterReopening(store, at: directory) == image)
    }

    /// One caller at a time: one sync per unit; an empty unit journals nothing; a rejected one
    /// neither; the counts start again with each handle.
    @Test func statisticsCountUnitsAndSyncs() async throws {
        let directory = freshDirectory("statistics")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        #expect(store.statistics == JournalStatistics())
        #expect(store.statistics.unitsPerSync == 0)
        for index in 0..<5 { try await store.commit(smallUnit(index)) }
        try await store.commit(UnitOfWork())
        var orphan = UnitOfWork()
        var ids = SeededIdentifierSource(seed: 3)
        orphan.auditEntries = [
            AuditEntry(
                id: ids.next(), ticketID: ids.next(), field: .created, oldValue: nil, newValue: "1",
                performer: .system, at: TicketFixtures.epoch)
        ]
        await #expect(throws: StorageError.self) { try await store.commit(orphan) }
        #expect(store.statistics == JournalStatistics(units: 5, syncs: 5))
        #expect(store.statistics.unitsPerSync == 1)
        await store.close()
        let reopened = try await FileStore.open(at: directory)
        #expect(reopened.statistics == JournalStatistics())
        await reopened.close()
    }
}
