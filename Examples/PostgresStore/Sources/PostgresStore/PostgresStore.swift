import Foundation
import HelpDeskKit
import Logging
import PostgresNIO

/// A ``HelpDeskStore`` on PostgreSQL: every read is a query, every unit of work one transaction.
///
/// The host owns the `PostgresClient` and keeps `client.run()` running while the store is used;
/// several stores (in one process or many) may share one database. Call ``migrate()`` once at
/// start-up (it is safe to call from every host at once).
///
/// Tickets keep their whole JSON in `body` next to the columns ticket queries filter and sort
/// by, so queries run in SQL. Concurrency is optimistic: ticket and time-entry writes name the
/// revision they were based on, unique keys are constraints, and every race surfaces as
/// `StorageError(.conflict, …)` for the engine to retry. See ``appendEvents(_:on:)`` for why the
/// outbox never skips an event, and ``lockLedger(of:on:)`` and ``recordTransfers(_:locked:on:)``
/// for how the ledger's balances and timestamps hold under concurrent writers.
public final class PostgresStore: HelpDeskStore, CompanyRepository, ContractRepository, AssetRepository,
    LaborRepository, RatingRepository, IdempotencyRepository
{
    /// The connection pool the host runs.
    let client: PostgresClient
    /// Where queries and transactions log.
    let logger: Logger

    /// A store over `client` (running or about to run); call ``migrate()`` before first use.
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Applies every schema migration the database lacks and returns the schema version.
    ///
    /// - Throws: ``SchemaError/newerSchema(_:known:)`` for a database migrated by a newer build.
    @discardableResult
    public func migrate() async throws -> Int {
        try await SchemaMigrations.migrate(client, logger: logger)
    }

    /// A store over `client` whose schema is migrated to this build's version.
    public static func open(client: PostgresClient, logger: Logger) async throws -> PostgresStore {
        let store = PostgresStore(client: client, logger: logger)
        try await store.migrate()
        return store
    }

    // MARK: Running statements

    /// Runs `body` in one transaction; errors become ``StorageError``s.
    ///
    /// With `snapshot`, the transaction is `REPEATABLE READ READ ONLY`: all its reads see one state.
    func transaction<Result: Sendable>(
        snapshot: Bool = false, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                if snapshot {
                    try await connection.query(
                        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
                }
                return try await body(connection)
            }
        } catch {
            throw StorageErrors.map(error)
        }
    }

    /// The rows of `query` decoded by `decode`, outside any explicit transaction.
    func rows<Row>(_ query: PostgresQuery, _ decode: (PostgresRow) throws -> Row) async throws -> [Row] {
        do {
            return try await Self.rows(of: client.query(query, logger: logger), decode)
        } catch {
            throw StorageErrors.map(error)
        }
    }

    /// The rows of `query` run on `connection` (inside a transaction), decoded by `decode`.
    func rows<Row>(
        _ query: PostgresQuery, on connection: PostgresConnection, _ decode: (PostgresRow) throws -> Row
    ) async throws -> [Row] {
        try await Self.rows(of: connection.query(query, logger: logger), decode)
    }

    /// How many rows `query` returns on `connection` (for `SELECT … FOR SHARE` and `RETURNING`).
    func rowCount(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> Int {
        var count = 0
        for try await _ in try await connection.query(query, logger: logger) { count += 1 }
        return count
    }

    /// Runs `query` on `connection`, discarding any rows.
    func execute(_ query: PostgresQuery, on connection: PostgresConnection) async throws {
        try await connection.query(query, logger: logger)
    }

    /// Collects a row sequence through `decode`.
    private static func rows<Row>(of sequence: PostgresRowSequence, _ decode: (PostgresRow) throws -> Row)
        async throws -> [Row]
    {
        var result: [Row] = []
        for try await row in sequence { result.append(try decode(row)) }
        return result
    }

    /// The records `query` selects (its only column is a JSON `body`).
    func records<Record: Decodable>(_ type: Record.Type, _ query: PostgresQuery) async throws -> [Record] {
        try await rows(query) { row in try RecordCoding.decode(type, from: row) }
    }

    /// The record `query` selects, or `nil` when it selects none.
    func record<Record: Decodable>(_ type: Record.Type, _ query: PostgresQuery) async throws -> Record? {
        try await records(type, query).first
    }

    // MARK: Features

    /// Offers the client, labor, rating, idempotency and billing repositories (this store keeps them all).
    public func feature<Feature>(_ feature: Feature.Type) throws(StorageError) -> Feature? {
        self as? Feature
    }
}
