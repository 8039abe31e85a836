import Foundation

/// The in-memory adapter's idempotency records, with their expiry order.
struct IdempotencyTables: CapabilityTable {
    var records: [IdempotencyKey: IdempotencyRecord] = [:]

    /// Throws a conflict when `changes` inserts a key that stays stored.
    func validate(_ changes: IdempotencyChanges, of work: UnitOfWork, in store: InMemoryStore.State)
        throws(StorageError)
    {
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
    var image: IdempotencyImage { IdempotencyImage(records: records.values.sorted { $0.key < $1.key }) }

    /// Tables holding `image`.
    init(image: IdempotencyImage) {
        for record in image.records { records[record.key] = record }
    }
}

/// The idempotency records of a ``StoreImage``, sorted by key; stored as a plain list under
/// `idempotency`, as images have been since idempotency was introduced.
public struct IdempotencyImage: CapabilityImage {
    public static let key = "idempotency"
    /// The records.
    public var records: [IdempotencyRecord]

    /// An image of `records`.
    public init(records: [IdempotencyRecord] = []) { self.records = records }

    /// No records.
    public init() { self.init(records: []) }

    public var isEmpty: Bool { records.isEmpty }

    public init(from decoder: any Decoder) throws {
        records = try decoder.singleValueContainer().decode([IdempotencyRecord].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(records)
    }
}

extension StoreImage {
    /// Idempotency records, sorted by key.
    public var idempotency: [IdempotencyRecord] {
        get { capabilities[IdempotencyImage.self].records }
        set { capabilities[IdempotencyImage.self] = IdempotencyImage(records: newValue) }
    }
}

extension InMemoryStore: IdempotencyRepository {
    public func idempotencyRecord(_ key: IdempotencyKey) async throws -> IdempotencyRecord? {
        state.withLock { $0.table(IdempotencyTables.self).records[key] }
    }

    public func idempotencyKeys(expiringBy instant: Date, limit: Int) async throws -> [IdempotencyKey] {
        state.withLock { $0.table(IdempotencyTables.self).keys(expiringBy: instant, limit: limit) }
    }
}
