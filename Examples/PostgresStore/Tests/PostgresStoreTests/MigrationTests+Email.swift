import Foundation
import HelpDeskKit
import Logging
import PostgresNIO
import PostgresStore
import Testing

/// Version 18: email records and bounce marks (issue #22).
extension MigrationTests {
    @Test func version18AddsEmailRecordsWithUniqueMessageKeys() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            var ids = SeededIdentifierSource(seed: 118)
            // A database of a build before email: version 18 undone, no tables.
            try await Self.undo(from: 18, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) < 18)
            await #expect(throws: StorageError.self) { _ = try await store.emailRecords() }
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await store.emailRecords() == [], "no mail yet")
            func record(_ key: String) -> EmailRecord {
                EmailRecord(
                    id: ids.next(), messageKey: key, sender: "ivan@client.example", subject: "Привет",
                    receivedAt: Date(timeIntervalSince1970: 1_772_442_000), rawChecksum: "sha256:00", byteCount: 10,
                    kind: .personal, match: .none, outcome: .quarantined(candidate: ids.next()), problems: [])
            }
            let first = record("one@client.example")
            var work = UnitOfWork()
            work.emailRecordWrites = [EmailRecordWrite(record: first, expectedRevision: nil)]
            try await store.commit(work)
            #expect(try await store.quarantinedEmailRecords() == [first])
            var twin = UnitOfWork()
            twin.emailRecordWrites = [EmailRecordWrite(record: record("one@client.example"), expectedRevision: nil)]
            await #expect(throws: StorageError.self) { try await store.commit(twin) }
            #expect(try await store.emailRecords() == [first], "the refused unit changed nothing")
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }
}
