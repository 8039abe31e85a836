import Foundation
import HelpDeskKit
import Logging
import PostgresNIO
import PostgresStore
import Testing

/// Version 20: planned visits (issue #23).
extension MigrationTests {
    @Test func version20AddsPlannedVisitsKeyedByTicketUnderRevision() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            var ids = SeededIdentifierSource(seed: 120)
            // A database of a build before visits: version 20 undone, no table.
            try await Self.undo(from: 20, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) < 20)
            await #expect(throws: StorageError.self) { _ = try await store.visits() }
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await store.visits() == [], "no visits yet")
            let start = Date(timeIntervalSince1970: 1_772_442_000)
            let visit = PlannedVisit(ticketID: ids.next(), start: start, durationMinutes: 90, employeeIDs: [ids.next()])
            var work = UnitOfWork()
            work.plannedVisitWrites = [PlannedVisitWrite(visit: visit, expectedRevision: nil)]
            try await store.commit(work)
            #expect(try await store.visits(startingFrom: start, before: start.addingTimeInterval(60)) == [visit])
            await #expect(throws: StorageError.self) { try await store.commit(work) }
            #expect(try await store.visits() == [visit], "the refused unit changed nothing")
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }
}
