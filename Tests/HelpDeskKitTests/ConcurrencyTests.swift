import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// A store decorator that lets another writer change a ticket between a command's read and its commit.
final class RacingStore: MemoryBackedStore {
    let base = InMemoryStore()
    private let race: @Sendable (InMemoryStore) async throws -> Void
    private let armed = ManualFlag()

    init(race: @escaping @Sendable (InMemoryStore) async throws -> Void) {
        self.race = race
    }

    var backingStore: InMemoryStore { base }

    func ensureAvailable() throws(StorageError) {}

    func arm() { armed.set(true) }

    func commit(_ work: UnitOfWork) async throws {
        if armed.take() { try await race(base) }
        try await base.commit(work)
    }
}

/// A thread-safe one-shot flag.
final class ManualFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set(_ newValue: Bool) { lock.withLock { value = newValue } }

    /// Returns the flag and clears it.
    func take() -> Bool {
        lock.withLock {
            defer { value = false }
            return value
        }
    }
}

@Suite("Optimistic concurrency")
struct ConcurrencyTests {
    /// A store whose first armed commit finds the ticket's title changed by another engine.
    static func racingStore() -> RacingStore {
        RacingStore { base in
            let ticket = try await base.tickets(matching: TicketQuery(limit: 1), workflow: .standard).tickets[0]
            var theirs = ticket
            theirs.title = "Changed by another engine"
            theirs.revision += 1
            var work = UnitOfWork()
            work.save(theirs, expectedRevision: ticket.revision)
            try await base.commit(work)
        }
    }

    @Test func aLostUpdateIsRefusedAsAConflictWhenRetriesAreOff() async throws {
        let store = Self.racingStore()
        let test = try await TestDesk.make(store: store, configuration: HelpDeskConfiguration(conflictRetries: 0))
        let ticket = try await test.ticket()
        store.arm()
        do {
            _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: .employee(test.anna.id))
            Issue.record("the stale write was accepted")
        } catch {
            guard case .storage(let failure) = error.reason else { throw error }
            #expect(failure.kind == .conflict)
            #expect(error.code == .conflict)
        }
        let stored = try await test.desk.ticket(ticket.id, as: .system)
        #expect(stored.title == "Changed by another engine")
        #expect(stored.status == .new)
        #expect(try await test.desk.auditTrail(of: ticket.id, as: .system).map(\.field) == [.created])
        _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: .employee(test.anna.id))
        #expect(try await test.desk.ticket(ticket.id, as: .system).revision == 3, "a retry after the conflict succeeds")
    }

    @Test func theEngineRetriesAConflictFromFreshReadsAndKeepsBothChanges() async throws {
        let store = Self.racingStore()
        let test = try await TestDesk.make(store: store)
        let ticket = try await test.ticket()
        store.arm()
        let moved = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: .employee(test.anna.id))
        #expect(moved.title == "Changed by another engine", "the retry started from the winner's write")
        #expect(moved.status == .inProgress)
        #expect(moved.revision == 3)
        #expect(try await test.desk.ticket(ticket.id, as: .system) == moved)
        #expect(try await test.desk.auditTrail(of: ticket.id, as: .system).map(\.field) == [.created, .status])
    }

    @Test func anAssigneeDeactivatedBeforeTheCommitIsRefusedWithThePreciseReason() async throws {
        let store = RacingStore { base in
            var boris = try await base.employees().first { $0.name.hasPrefix("Boris") }!
            boris.isActive = false
            var work = UnitOfWork()
            work.employees = [boris]
            try await base.commit(work)
        }
        let test = try await TestDesk.make(store: store)
        let ticket = try await test.ticket()
        let before = try await test.snapshot()
        store.arm()
        await #expect(throws: HelpDeskError.employeeInactive(test.boris.id)) {
            _ = try await test.desk.assign(ticket.id, to: test.boris.id, group: nil, by: .employee(test.anna.id))
        }
        var expected = before
        expected.employees = try await test.store.employees()
        #expect(try await test.snapshot() == expected, "only the other writer's deactivation landed")
    }

    @Test func aUnitWhosePreconditionNoLongerHoldsIsAConflictInTheStore() async throws {
        let test = try await TestDesk.make()
        var work = UnitOfWork()
        work.require(.employeeActive(test.former.id))
        work.groups = [
            SupportGroup(id: GroupID(uuidString: "00000000-0000-4000-8000-00000000abcd")!, name: "Night shift")
        ]
        do {
            try await test.store.commit(work)
            Issue.record("a unit requiring a former employee was accepted")
        } catch let error as StorageError {
            #expect(error.kind == .conflict)
        }
        #expect(try await test.store.groups().count == 2)
    }
}
