import Foundation

/// The in-memory adapter's idempotency records, with their expiry order.
struct IdempotencyTables: Sendable {
    var records: [IdempotencyKey: IdempotencyRecord] = [:]

    /// Throws a conflict when `changes` inserts a key that stays stored.
    func validate(_ changes: IdempotencyChanges) throws(StorageError) {
        var inserted = Set<IdempotencyKey>()
        for record in changes.records {
            let stored = records[record.key] != nil && !changes.forgotten.contains(record.key)
            guard !stored, inserted.insert(record.key).inserted else {
                throw StorageError(.conflict, "idempotency key '\(record.key)' is already recorded")
            }
        }
    }

    /// Forgets, then inserts.
    mutating func apply(_ changes: IdempotencyChanges) {
        for key in changes.forgotten { records.removeValue(forKey: key) }
        for record in changes.records { records[record.key] = record }
    }

    /// Keys expiring by `instant`, earliest first (then by key).
    func keys(expiringBy instant: Date, limit: Int) -> [IdempotencyKey] {
        records.values.filter { $0.expiresAt <= instant }
            .sorted { ($0.expiresAt, $0.key) < ($1.expiresAt, $1.key) }
            .prefix(max(0, limit)).map(\.key)
    }

    /// Every record, sorted by key, for a ``StoreImage``.
    var image: [IdempotencyRecord] { records.values.sorted { $0.key < $1.key } }

    /// Tables holding `image`.
    init(image: [IdempotencyRecord] = []) {
        for record in image { records[record.key] = record }
    }
}

extension InMemoryStore {
    public func idempotencyRecord(_ key: IdempotencyKey) async throws -> IdempotencyRecord? {
        state.withLock { $0.idempotency.records[key] }
    }

    public func idempotencyKeys(expiringBy instant: Date, limit: Int) async throws -> [IdempotencyKey] {
        state.withLock { $0.idempotency.keys(expiringBy: instant, limit: limit) }
    }
}

extension MemoryBackedStore {
    public func idempotencyRecord(_ key: IdempotencyKey) async throws -> IdempotencyRecord? {
        try ensureAvailable()
        return try await backingStore.idempotencyRecord(key)
    }

    public func idempotencyKeys(expiringBy instant: Date, limit: Int) async throws -> [IdempotencyKey] {
        try ensureAvailable()
        return try await backingStore.idempotencyKeys(expiringBy: instant, limit: limit)
    }
}
