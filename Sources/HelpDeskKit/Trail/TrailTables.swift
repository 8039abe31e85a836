/// The in-memory store's record trail: entries in commit order, indexed by subject.
struct TrailTables: CapabilityTable {
    private(set) var entries: [TrailEntry] = []
    private var positions: [TrailSubject: [Int]] = [:]
    private var ids: Set<TrailEntryID> = []

    /// Refuses an entry whose identifier is already stored or repeated in the unit (as a
    /// database's primary key would).
    func validate(_ changes: TrailChanges, of work: UnitOfWork, in store: InMemoryStore.State) throws(StorageError) {
        var seen = Set<TrailEntryID>()
        for entry in changes.entries where ids.contains(entry.id) || !seen.insert(entry.id).inserted {
            throw StorageError(.conflict, "trail entry \(entry.id) is already stored")
        }
    }

    /// Appends the entries of a validated unit.
    mutating func apply(_ changes: TrailChanges) {
        for entry in changes.entries {
            positions[entry.subject, default: []].append(entries.count)
            ids.insert(entry.id)
            entries.append(entry)
        }
    }

    /// The entries about `subject`, in commit order.
    func trail(of subject: TrailSubject) -> [TrailEntry] {
        (positions[subject] ?? []).map { entries[$0] }
    }

    var image: TrailImage { TrailImage(entries: entries) }

    init(image: TrailImage) {
        var changes = TrailChanges()
        changes.entries = image.entries
        apply(changes)
    }
}

extension InMemoryStore: TrailRepository {
    public func trail(of subject: TrailSubject) async throws -> [TrailEntry] {
        state.withLock { $0.table(TrailTables.self).trail(of: subject) }
    }

    public func trailEntries(offset: Int, limit: Int) async throws -> [TrailEntry] {
        state.withLock { state in
            let entries = state.table(TrailTables.self).entries
            let start = min(max(offset, 0), entries.count)
            let end = start + min(max(limit, 0), entries.count - start)
            return Array(entries[start..<end])
        }
    }
}
