import HelpDeskKit
import PostgresNIO

extension PostgresStore: CannedAnswerRepository {
    /// The answer with `id`, retired or not, or `nil`.
    public func cannedAnswer(_ id: CannedAnswerID) async throws -> CannedAnswer? {
        try await record(CannedAnswer.self, "SELECT body FROM canned_answers WHERE id = \(id.uuid)")
    }

    /// Every answer, by name then identifier.
    public func cannedAnswers() async throws -> [CannedAnswer] {
        try await records(CannedAnswer.self, "SELECT body FROM canned_answers").sorted {
            ($0.name, $0.id) < ($1.name, $1.id)
        }
    }

    /// The active answer whose lowercased shortcut is `folded` (the partial unique index), or `nil`.
    public func cannedAnswer(shortcut folded: String) async throws -> CannedAnswer? {
        try await record(
            CannedAnswer.self, "SELECT body FROM canned_answers WHERE shortcut_folded = \(folded) AND NOT retired")
    }

    /// Checks the answers the unit rendered from (still active at their revision, their rows locked
    /// `FOR SHARE` until the commit, so a concurrent change waits), then writes answers under their
    /// expected revisions: a zero-row update, an insert of an existing answer and a taken active
    /// shortcut (unique index) are conflicts.
    func writeCannedAnswers(_ changes: CannedAnswerChanges, on connection: PostgresConnection) async throws {
        for use in changes.uses.sorted(by: { $0.id < $1.id }) {
            let found = try await rowCount(
                """
                SELECT 1 FROM canned_answers WHERE id = \(use.id.uuid) AND revision = \(use.revision) AND NOT retired
                FOR SHARE
                """, on: connection)
            guard found > 0 else {
                throw StorageError(.conflict, "canned answer \(use.id) is no longer active at revision \(use.revision)")
            }
        }
        for write in changes.writes.sorted(by: { $0.answer.id < $1.answer.id }) {
            let answer = write.answer
            let body = try RecordCoding.encode(answer)
            let written: Int
            if let expected = write.expectedRevision {
                written = try await rowCount(
                    """
                    UPDATE canned_answers SET revision = \(answer.revision), shortcut_folded = \(answer.foldedShortcut),
                    retired = \(answer.isRetired), body = \(body)
                    WHERE id = \(answer.id.uuid) AND revision = \(expected) RETURNING 1
                    """, on: connection)
            } else {
                written = try await rowCount(
                    """
                    INSERT INTO canned_answers (id, revision, shortcut_folded, retired, body)
                    VALUES (\(answer.id.uuid), \(answer.revision), \(answer.foldedShortcut), \(answer.isRetired), \(body))
                    ON CONFLICT (id) DO NOTHING RETURNING 1
                    """, on: connection)
            }
            guard written > 0 else {
                throw StorageError(
                    .conflict,
                    "canned answer \(answer.id) is not at revision \(write.expectedRevision.map(String.init) ?? "none")"
                )
            }
        }
    }
}
