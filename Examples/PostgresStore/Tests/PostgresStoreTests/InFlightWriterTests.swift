import Foundation
import HelpDeskKit
import PostgresNIO
import PostgresStore
import Synchronization
import Testing

@Suite(
    "A commit waits for writers still in flight: outbox order, preconditions",
    .enabled(if: ScratchDatabase.server != nil))
struct InFlightWriterTests {
    /// A writer that has taken sequence 1 but not committed stands for the dangerous case of an
    /// identity column: a later writer must not make sequence 2 visible before it.
    @Test func aCommitWaitsForAnEarlierWriterStillInFlight() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            let early = Units.ticket(number: 1)
            let late = Units.ticket(number: 2)
            let lateFinished = Flag()
            try await client.withTransaction(logger: logger) { connection in
                // The earlier writer: takes sequence 1 and holds the sequence row.
                let rows = try await connection.query(
                    "UPDATE outbox_sequence SET last = last + 1 RETURNING last", logger: logger)
                for try await last in rows.decode(Int64.self) { #expect(last == 1) }
                let later = Task {
                    try await store.commit(Units.creation(of: late))
                    lateFinished.set()
                }
                try await Task.sleep(for: .milliseconds(400))
                #expect(!lateFinished.isSet, "the later writer waits for the sequence row")
                #expect(try await store.undeliveredEvents(limit: 10).isEmpty, "a reader sees neither event yet")
                let body = try JSONEncoder().encode(Units.event(about: early))
                try await connection.query(
                    "INSERT INTO outbox (sequence, body) VALUES (1, \(body))", logger: logger)
                _ = later
            }
            // The earlier writer committed; the later one now takes sequence 2.
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(10)
            while !lateFinished.isSet, clock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
            #expect(lateFinished.isSet)
            let sequences = try await store.undeliveredEvents(limit: 10).map(\.sequence)
            #expect(sequences == [1, 2])
        }
    }

    /// A unit requiring an employee to be active waits for a concurrent deactivation and then
    /// fails: the precondition is read under a row lock, not from a stale snapshot.
    @Test func aPreconditionWaitsForAConcurrentDeactivationAndThenConflicts() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            let employee = Employee(id: EmployeeID(UUID()), name: "Anna", email: "anna@service.example")
            var setup = UnitOfWork()
            setup.employees = [employee]
            try await store.commit(setup)
            var assignment = UnitOfWork()
            assignment.require(.employeeActive(employee.id))
            assignment.groups = [SupportGroup(id: GroupID(UUID()), name: "Needs Anna")]
            let unit = assignment
            let finished = Flag()
            let outcome = try await client.withTransaction(logger: logger) { connection in
                try await connection.query(
                    "UPDATE employees SET is_active = false WHERE id = \(employee.id.rawValue)", logger: logger)
                let committing = Task {
                    defer { finished.set() }
                    return await storageErrorKind { try await store.commit(unit) }
                }
                try await Task.sleep(for: .milliseconds(300))
                #expect(!finished.isSet, "the unit waits for the deactivation to commit or roll back")
                return committing
            }
            #expect(await outcome.value == .conflict)
            #expect(try await store.groups().isEmpty)
        }
    }

    @Test func aRolledBackWriterLeavesNoGap() async throws {
        try await ScratchDatabase.withStore { store in
            try await store.commit(Units.creation(of: Units.ticket(number: 1)))
            // Taken number: the unit fails after nothing else; its event gets no sequence.
            await #expect(throws: StorageError.self) {
                try await store.commit(Units.creation(of: Units.ticket(number: 1)))
            }
            try await store.commit(Units.creation(of: Units.ticket(number: 2)))
            #expect(try await store.undeliveredEvents(limit: 10).map(\.sequence) == [1, 2])
            #expect(try await store.lastEventSequence() == 2)
        }
    }
}

/// A flag tasks may set and read.
final class Flag: Sendable {
    private let value = Mutex(false)

    /// Sets the flag.
    func set() { value.withLock { $0 = true } }

    /// Whether the flag was set.
    var isSet: Bool { value.withLock { $0 } }
}
