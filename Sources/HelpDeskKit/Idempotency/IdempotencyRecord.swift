import Foundation

/// What a command with an idempotency key left behind: enough to answer a repeated call with the
/// first call's result, and to tell a repeat from a different request under the same key.
public struct IdempotencyRecord: Hashable, Sendable, Codable {
    /// The host's key.
    public var key: IdempotencyKey
    /// The command's name, e.g. `createTicket`.
    public var command: String
    /// A digest of the performer and the command's input (see ``RequestFingerprint``).
    public var fingerprint: String
    /// The first call's result, JSON-encoded.
    public var result: Data
    /// When the first call committed.
    public var recordedAt: Date
    /// When the key may be forgotten and reused.
    public var expiresAt: Date

    /// Describes a record.
    public init(
        key: IdempotencyKey, command: String, fingerprint: String, result: Data, recordedAt: Date, expiresAt: Date
    ) {
        self.key = key
        self.command = command
        self.fingerprint = fingerprint
        self.result = result
        self.recordedAt = recordedAt
        self.expiresAt = expiresAt
    }
}

/// The idempotency part of a ``UnitOfWork``: keys to record and expired keys to forget.
public struct IdempotencyChanges: CapabilityChanges {
    /// Records to insert; a key that is already stored (and not forgotten by the same unit) is a conflict.
    public var records: [IdempotencyRecord] = []
    /// Keys to forget (expired), applied before the inserts.
    public var forgotten: [IdempotencyKey] = []

    /// No changes.
    public init() {}

    /// `true` when nothing changes.
    public var isEmpty: Bool { records.isEmpty && forgotten.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for record in records { body(.idempotencyKey(record.key)) }
        for key in forgotten { body(.idempotencyKey(key)) }
    }

    // The unit's key since idempotency was introduced: one object with both lists.
    private enum UnitKeys: String, CodingKey { case idempotency }
    private enum ListKeys: String, CodingKey { case records, forgotten }

    /// Decodes the unit's `idempotency` object; missing parts are empty.
    public init(from decoder: any Decoder) throws {
        let unit = try decoder.container(keyedBy: UnitKeys.self)
        guard unit.contains(.idempotency) else { return }
        let lists = try unit.nestedContainer(keyedBy: ListKeys.self, forKey: .idempotency)
        records = try lists.decodeIfPresent([IdempotencyRecord].self, forKey: .records) ?? []
        forgotten = try lists.decodeIfPresent([IdempotencyKey].self, forKey: .forgotten) ?? []
    }

    /// Encodes both lists under the unit's `idempotency` key.
    public func encode(to encoder: any Encoder) throws {
        var unit = encoder.container(keyedBy: UnitKeys.self)
        var lists = unit.nestedContainer(keyedBy: ListKeys.self, forKey: .idempotency)
        try lists.encode(records, forKey: .records)
        try lists.encode(forgotten, forKey: .forgotten)
    }
}

extension UnitOfWork {
    /// Idempotency keys to record and expired keys to forget (``IdempotencyChanges``).
    public var idempotency: IdempotencyChanges {
        get { self[IdempotencyChanges.self] }
        set { self[IdempotencyChanges.self] = newValue }
    }
}

/// Reads idempotency records. Writes go through a ``UnitOfWork``; a store must treat the key as
/// unique (a second insert of a stored key is a `.conflict`).
public protocol IdempotencyRepository: Sendable {
    /// The record stored under `key`, expired or not, or `nil`.
    func idempotencyRecord(_ key: IdempotencyKey) async throws -> IdempotencyRecord?
    /// Up to `limit` keys whose records expire at or before `instant`, earliest first.
    func idempotencyKeys(expiringBy instant: Date, limit: Int) async throws -> [IdempotencyKey]
}
