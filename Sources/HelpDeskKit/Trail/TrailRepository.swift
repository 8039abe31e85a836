/// Reads the record trail: who changed which client record, price or account, and how. Writes go
/// through a ``UnitOfWork`` (``TrailChanges``); entries are never changed or removed.
public protocol TrailRepository: Sendable {
    /// The entries about `subject`, in commit order (within one unit, in the order it lists them).
    func trail(of subject: TrailSubject) async throws -> [TrailEntry]
    /// Up to `limit` entries about any subject, in commit order, after skipping `offset` of them.
    func trailEntries(offset: Int, limit: Int) async throws -> [TrailEntry]
}
