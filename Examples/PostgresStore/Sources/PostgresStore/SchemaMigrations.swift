import Logging
import PostgresNIO

/// One numbered step of the adapter's schema.
public struct Migration: Sendable {
    /// Its number: migrations run in increasing order, each once.
    public var version: Int
    /// What it does, in a few words (kept in the schema table).
    public var name: String
    /// The SQL statements, run in one transaction.
    public var statements: [String]
}

/// The adapter's schema: numbered migrations, each applied once in its own transaction and
/// recorded in `helpdesk_schema`. Hosts that start together may all migrate: a transaction-scoped
/// advisory lock lets one of them apply each step while the others wait and then skip it.
public enum SchemaMigrations {
    /// Every migration, in order.
    public static let all: [Migration] = [
        Migration(
            version: 1, name: "tickets, history and the outbox",
            statements: [
                """
                CREATE TABLE tickets (
                    id uuid PRIMARY KEY,
                    number bigint NOT NULL UNIQUE,
                    revision integer NOT NULL,
                    company_id uuid,
                    created_at timestamptz NOT NULL,
                    body bytea NOT NULL
                )
                """,
                "CREATE INDEX tickets_company ON tickets (company_id, number)",
                """
                CREATE TABLE comments (
                    id uuid PRIMARY KEY,
                    ticket_id uuid NOT NULL REFERENCES tickets (id),
                    position bigserial,
                    body bytea NOT NULL
                )
                """,
                "CREATE INDEX comments_ticket ON comments (ticket_id, position)",
                """
                CREATE TABLE audit_entries (
                    id uuid PRIMARY KEY,
                    ticket_id uuid NOT NULL REFERENCES tickets (id),
                    position bigserial,
                    body bytea NOT NULL
                )
                """,
                "CREATE INDEX audit_entries_ticket ON audit_entries (ticket_id, position)",
                // One row: the last outbox sequence, updated in each committing transaction, so
                // sequences become visible in order (a reader never skips a late row).
                "CREATE TABLE outbox_sequence (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), last bigint NOT NULL)",
                "INSERT INTO outbox_sequence (last) VALUES (0)",
                """
                CREATE TABLE outbox (
                    sequence bigint PRIMARY KEY,
                    body bytea NOT NULL,
                    acknowledged boolean NOT NULL DEFAULT false
                )
                """,
            ]),
        version2,
        version3,
        version4,
        version5,
        version6,
        version7,
        version8,
        version9,
        version10,
        version11,
        version12,
        version13,
        version14,
        version15,
        version16,
        version17,
        version18,
        version19,
        version20,
    ]

    /// The advisory lock every schema change of a database takes: `HDKS`.
    static let lockKey: Int64 = 0x4844_4B53

    /// The newest version this build knows.
    public static var latest: Int { all.map(\.version).max() ?? 0 }

    /// Applies every migration the database lacks; returns the schema version afterwards.
    ///
    /// - Throws: ``SchemaError/newerSchema(_:known:)`` when the database is ahead of this build.
    @discardableResult
    public static func migrate(_ client: PostgresClient, logger: Logger) async throws -> Int {
        // Created under the same lock as the migrations: concurrent CREATE TABLE IF NOT EXISTS
        // statements race in PostgreSQL's catalog.
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS helpdesk_schema (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
        }
        for migration in all.sorted(by: { $0.version < $1.version }) {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
                let applied = try await connection.query(
                    "SELECT 1 FROM helpdesk_schema WHERE version = \(migration.version)", logger: logger)
                var seen = false
                for try await _ in applied { seen = true }
                guard !seen else { return }
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO helpdesk_schema (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
            }
        }
        let version = try await currentVersion(client, logger: logger)
        guard version <= latest else { throw SchemaError.newerSchema(version, known: latest) }
        return version
    }

    /// The highest applied version, 0 for an empty database.
    public static func currentVersion(_ client: PostgresClient, logger: Logger) async throws -> Int {
        let exists = try await client.query("SELECT to_regclass('helpdesk_schema') IS NOT NULL", logger: logger)
        for try await found in exists.decode(Bool.self) where !found { return 0 }
        let rows = try await client.query("SELECT coalesce(max(version), 0) FROM helpdesk_schema", logger: logger)
        for try await version in rows.decode(Int.self) { return version }
        return 0
    }
}

/// A database the adapter cannot use.
public enum SchemaError: Error, Hashable {
    /// The database was migrated by a newer build (its version, this build's newest).
    case newerSchema(Int, known: Int)
}
