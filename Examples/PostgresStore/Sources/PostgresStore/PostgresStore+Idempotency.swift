import Foundation
import HelpDeskKit
import PostgresNIO

extension PostgresStore {
    /// The record stored under `key`, expired or not, or `nil`.
    public func idempotencyRecord(_ key: IdempotencyKey) async throws -> IdempotencyRecord? {
        try await record(IdempotencyRecord.self, "SELECT body FROM idempotency_records WHERE key = \(key.rawValue)")
    }

    /// Keys expiring by `instant`, earliest first, then by key (`COLLATE "C"`: byte order).
    public func idempotencyKeys(expiringBy instant: Date, limit: Int) async throws -> [IdempotencyKey] {
        try await rows(
            """
            SELECT key FROM idempotency_records WHERE expires_at <= \(instant.storedSeconds)
            ORDER BY expires_at, key LIMIT \(max(0, limit))
            """
        ) { row in IdempotencyKey(try RecordCoding.column(String.self, of: row)) }
    }

    /// Forgets keys, then inserts records: a key stored (and not forgotten) or inserted twice
    /// violates the primary key, so it is a conflict.
    func writeIdempotency(_ changes: IdempotencyChanges, on connection: PostgresConnection) async throws {
        if !changes.forgotten.isEmpty {
            let keys = changes.forgotten.map(\.rawValue)
            try await execute("DELETE FROM idempotency_records WHERE key = ANY(\(keys))", on: connection)
        }
        for record in changes.records {
            let body = try RecordCoding.encode(record)
            try await execute(
                """
                INSERT INTO idempotency_records (key, expires_at, body)
                VALUES (\(record.key.rawValue), \(record.expiresAt.storedSeconds), \(body))
                """, on: connection)
        }
    }
}
