import HelpDeskKit
import PostgresNIO

extension PostgresStore: TrailRepository {
    /// The entries about `subject`, in insertion order.
    public func trail(of subject: TrailSubject) async throws -> [TrailEntry] {
        try await records(TrailEntry.self, "SELECT body FROM trail_entries WHERE subject = \(subject.key) ORDER BY position")
    }

    /// A page of every entry, in insertion order.
    public func trailEntries(offset: Int, limit: Int) async throws -> [TrailEntry] {
        let skip = max(offset, 0)
        let take = max(limit, 0)
        return try await records(
            TrailEntry.self, "SELECT body FROM trail_entries ORDER BY position OFFSET \(skip) LIMIT \(take)")
    }

    /// Appends the unit's trail entries; an identifier already stored fails the primary key (a conflict).
    func writeTrail(_ changes: TrailChanges, on connection: PostgresConnection) async throws {
        for entry in changes.entries {
            let body = try RecordCoding.encode(entry)
            try await execute(
                """
                INSERT INTO trail_entries (id, subject, company_id, body)
                VALUES (\(entry.id.uuid), \(entry.subject.key), \(entry.companyID?.uuid), \(body))
                """, on: connection)
        }
    }
}
