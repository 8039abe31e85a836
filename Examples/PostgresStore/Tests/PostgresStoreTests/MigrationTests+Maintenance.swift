import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Logging
import PostgresNIO
import PostgresStore
import Testing

/// Version 19: maintenance plans and their occurrence records (issue #23).
extension MigrationTests {
    @Test func version19AddsMaintenancePlansWithUniqueOccurrences() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            var ids = SeededIdentifierSource(seed: 119)
            // A database of a build before maintenance plans: version 19 undone, no tables.
            try await Self.undo(from: 19, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) < 19)
            await #expect(throws: StorageError.self) { _ = try await store.maintenancePlans() }
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await store.maintenancePlans() == [], "no plans yet")
            let plan = try StoreContract.maintenancePlan("Принтер", company: ids.next(), ids: &ids)
            let first = try StoreContract.occurrence(plan, "2026-03-10", .generated(ids.next()))
            var work = UnitOfWork()
            work.maintenance.plans = [MaintenancePlanWrite(plan: plan, expectedRevision: nil)]
            work.maintenance.occurrences = [first]
            try await store.commit(work)
            #expect(try await store.maintenancePlan(plan.id) == plan)
            #expect(try await store.latestMaintenanceOccurrences(of: plan.id).latestGenerated == first)
            var twin = UnitOfWork()
            twin.maintenance.occurrences = [try StoreContract.occurrence(plan, "2026-03-10", .skippedByCatchUp)]
            await #expect(throws: StorageError.self) { try await store.commit(twin) }
            #expect(try await store.maintenanceOccurrences(of: plan.id) == [first], "the refused unit changed nothing")
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }
}
