import Foundation
import Logging
import PostgresNIO
import PostgresStore

/// The benchmark's databases: one fresh database per measurement on the server `HELPDESK_PG_*` names.
struct BenchDatabase: Sendable {
    /// The server (its database is the one to connect to for `CREATE DATABASE`).
    let server: PostgresSettings
    /// Where the clients log (warnings only).
    let logger: Logger

    /// Runs `body` while a client for `settings` runs; the client closes afterwards.
    static func withClient<Result: Sendable>(
        _ settings: PostgresSettings, connections: Int = 20, _ body: (PostgresClient) async throws -> Result
    ) async throws -> Result {
        var configuration = settings.clientConfiguration
        configuration.options.maximumConnections = connections
        let client = PostgresClient(configuration: configuration)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    /// Drops database `name` if it exists and creates it empty.
    func recreate(_ name: String) async throws {
        try await Self.withClient(server, connections: 1) { admin -> Void in
            try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
            _ = try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
    }

    /// Drops database `name` if it exists.
    func drop(_ name: String) async throws {
        try await Self.withClient(server, connections: 1) { admin -> Void in
            _ = try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
    }

    /// Runs `body` with a migrated store on a fresh database `name`, dropped afterwards.
    func withFreshStore<Result: Sendable>(
        _ name: String, _ body: (PostgresStore) async throws -> Result
    ) async throws -> Result {
        try await recreate(name)
        let result = try await Self.withClient(server.database(name)) { client in
            try await body(try await PostgresStore.open(client: client, logger: logger))
        }
        try await drop(name)
        return result
    }

    /// The server's version and durability settings, for the notes: `PostgreSQL 16.x, fsync=on, …`.
    func describeServer() async throws -> String {
        try await Self.withClient(server, connections: 1) { admin in
            var parts: [String] = []
            let query: PostgresQuery = """
                SELECT current_setting('server_version'), current_setting('fsync'),
                       current_setting('synchronous_commit'), current_setting('wal_sync_method'),
                       current_setting('shared_buffers')
                """
            for try await (version, fsync, synchronous, method, buffers) in try await admin.query(query, logger: logger)
                .decode((String, String, String, String, String).self)
            {
                parts = [
                    "PostgreSQL \(version)", "fsync=\(fsync)", "synchronous_commit=\(synchronous)",
                    "wal_sync_method=\(method)", "shared_buffers=\(buffers)",
                ]
            }
            return parts.joined(separator: ", ")
        }
    }
}
