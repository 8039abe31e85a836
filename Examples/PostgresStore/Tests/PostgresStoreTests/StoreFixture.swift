import Foundation
import Logging
import PostgresNIO
import PostgresStore
import Testing

extension ScratchDatabase {
    /// Runs `body` with a migrated ``PostgresStore`` on a fresh database (dropped afterwards).
    static func withStore(_ body: (PostgresStore) async throws -> Void) async throws {
        try await with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            try await body(store)
        }
    }

    /// Runs `body` with a fresh, migrated database and a way to open further stores on it, each
    /// over a client of its own (as separate hosts would have).
    static func withDatabase(_ body: (_ settings: PostgresSettings, _ first: PostgresStore) async throws -> Void)
        async throws
    {
        let server = try #require(server, "set HELPDESK_PG_PORT (see .ci/postgres.sh) to run the PostgreSQL tests")
        try await with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            let rows = try await client.query("SELECT current_database()", logger: logger)
            var name = ""
            for try await database in rows.decode(String.self) { name = database }
            try await body(server.database(name), store)
        }
    }

    /// Runs `body` with a store over a new client of its own on `settings`.
    static func withSeparateStore(_ settings: PostgresSettings, _ body: (PostgresStore) async throws -> Void)
        async throws
    {
        try await withClient(settings) { client in
            try await body(PostgresStore(client: client, logger: Logger(label: "postgres-store-tests")))
        }
    }
}
