import HelpDeskKit
import PostgresNIO

extension PostgresStore: NoticeLogRepository {
    /// The log with `key`, or `nil`.
    public func noticeLog(_ key: String) async throws -> NoticeLog? {
        try await record(NoticeLog.self, "SELECT body FROM notice_logs WHERE key = \(key)")
    }

    /// Every log, by key.
    public func noticeLogs() async throws -> [NoticeLog] {
        try await records(NoticeLog.self, "SELECT body FROM notice_logs").sorted { $0.key < $1.key }
    }

    /// Writes logs under their expected revisions: a zero-row update or an insert of an existing
    /// log is a conflict.
    func writeNotifications(_ changes: NotificationChanges, on connection: PostgresConnection) async throws {
        for write in changes.logWrites {
            let log = write.log
            let body = try RecordCoding.encode(log)
            let written: Int
            if let expected = write.expectedRevision {
                written = try await rowCount(
                    """
                    UPDATE notice_logs SET revision = \(log.revision), body = \(body)
                    WHERE key = \(log.key) AND revision = \(expected) RETURNING 1
                    """, on: connection)
            } else {
                written = try await rowCount(
                    """
                    INSERT INTO notice_logs (key, revision, body) VALUES (\(log.key), \(log.revision), \(body))
                    ON CONFLICT (key) DO NOTHING RETURNING 1
                    """, on: connection)
            }
            guard written > 0 else {
                throw StorageError(
                    .conflict, "notice log \(log.key) is not at revision \(write.expectedRevision.map(String.init) ?? "none")")
            }
        }
    }
}
