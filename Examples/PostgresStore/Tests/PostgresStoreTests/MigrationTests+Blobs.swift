import Foundation
import HelpDeskKit
import Logging
import PostgresNIO
import PostgresStore
import Testing

/// Version 17: blobs (issue #22).
extension MigrationTests {
    @Test func version17AddsBlobsKeyedByDigest() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            // A database of a build before blobs: version 17 undone, no table.
            try await Self.undo(from: 17, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) < 17)
            await #expect(throws: StorageError.self) { _ = try await store.put([1]) }
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            let digest = try await store.put(Array("abc".utf8))
            #expect(try await store.put(Array("abc".utf8)) == digest)
            #expect(try await store.bytes(digest) == Array("abc".utf8))
            let rows = try await client.query("SELECT count(*) FROM blobs", logger: logger)
            var count = 0
            for try await value in rows.decode(Int.self) { count = value }
            #expect(count == 1, "one row per digest")
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }
}
