/// Reads the desk's mail records and bounce marks. Writes go through a ``UnitOfWork`` (``EmailChanges``).
public protocol EmailRepository: Sendable {
    /// The record with `id`, or `nil`.
    func emailRecord(_ id: EmailRecordID) async throws -> EmailRecord?
    /// The record whose ``EmailRecord/messageKey`` is `key`, or `nil`.
    func emailRecord(messageKey key: String) async throws -> EmailRecord?
    /// The records whose outcome names `ticket`, oldest first (by receipt, then identifier).
    func emailRecords(ofTicket ticket: TicketID) async throws -> [EmailRecord]
    /// Every record, by identifier (the mail log; a snapshot reads it).
    func emailRecords() async throws -> [EmailRecord]
    /// The records waiting in the quarantine, oldest first.
    func quarantinedEmailRecords() async throws -> [EmailRecord]
    /// The bounce mark of `address` (lowercased), active or not, or `nil`.
    func bouncedAddress(_ address: String) async throws -> BouncedAddress?
    /// Every active bounce mark, by address.
    func bouncedAddresses() async throws -> [BouncedAddress]
}

/// A new or changed record in a unit of work, with the revision it was based on.
public struct EmailRecordWrite: Hashable, Sendable, Codable {
    /// The record as it must be stored.
    public var record: EmailRecord
    /// The stored revision the change was computed from; `nil` for a new record (its message key
    /// must be free).
    public var expectedRevision: Int?

    /// Describes a write.
    public init(record: EmailRecord, expectedRevision: Int?) {
        self.record = record
        self.expectedRevision = expectedRevision
    }
}

/// A new or changed bounce mark in a unit of work.
public struct BouncedAddressWrite: Hashable, Sendable, Codable {
    /// The mark as it must be stored.
    public var mark: BouncedAddress
    /// The stored revision the change was computed from; `nil` when the address has no mark yet.
    public var expectedRevision: Int?

    /// Describes a write.
    public init(mark: BouncedAddress, expectedRevision: Int?) {
        self.mark = mark
        self.expectedRevision = expectedRevision
    }
}

/// The mail part of a ``UnitOfWork``.
public struct EmailChanges: CapabilityChanges {
    /// Records to insert or replace.
    public var records: [EmailRecordWrite] = []
    /// Bounce marks to insert or replace.
    public var bounces: [BouncedAddressWrite] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { records.isEmpty && bounces.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for write in records {
            body(.record(kind: "emailRecord", id: write.record.id.description))
            // Two engines receiving the same message meet here: one stores it, the other retries
            // and finds a duplicate.
            body(.record(kind: "emailMessage", id: write.record.messageKey))
        }
        for write in bounces { body(.record(kind: "bouncedAddress", id: write.mark.address)) }
    }

    private enum CodingKeys: String, CodingKey {
        case emailRecordWrites, bouncedAddressWrites
    }

    /// Decodes leniently: units written before mail existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        records = try container.decodeIfPresent([EmailRecordWrite].self, forKey: .emailRecordWrites) ?? []
        bounces = try container.decodeIfPresent([BouncedAddressWrite].self, forKey: .bouncedAddressWrites) ?? []
    }

    /// Encodes only the non-empty lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !records.isEmpty { try container.encode(records, forKey: .emailRecordWrites) }
        if !bounces.isEmpty { try container.encode(bounces, forKey: .bouncedAddressWrites) }
    }
}

extension UnitOfWork {
    /// Mail records to insert or replace (``EmailChanges/records``).
    public var emailRecordWrites: [EmailRecordWrite] {
        get { self[EmailChanges.self].records }
        set { self[EmailChanges.self].records = newValue }
    }

    /// Bounce marks to insert or replace (``EmailChanges/bounces``).
    public var bouncedAddressWrites: [BouncedAddressWrite] {
        get { self[EmailChanges.self].bounces }
        set { self[EmailChanges.self].bounces = newValue }
    }
}

/// The mail records and bounce marks of a ``StoreImage``.
public struct EmailImage: CapabilityImage {
    public static let key = "email"

    /// Every record, by identifier.
    public var records: [EmailRecord]
    /// Every bounce mark, by address.
    public var bounces: [BouncedAddress]

    /// Describes the mail of an image.
    public init(records: [EmailRecord], bounces: [BouncedAddress]) {
        self.records = records
        self.bounces = bounces
    }

    /// No mail.
    public init() { self.init(records: [], bounces: []) }

    public var isEmpty: Bool { records.isEmpty && bounces.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case records, bounces
    }

    /// Decodes leniently: snapshots written before mail existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        records = try container.decodeIfPresent([EmailRecord].self, forKey: .records) ?? []
        bounces = try container.decodeIfPresent([BouncedAddress].self, forKey: .bounces) ?? []
    }
}

extension StoreImage {
    /// The desk's mail records and bounce marks.
    public var email: EmailImage {
        get { capabilities[EmailImage.self] }
        set { capabilities[EmailImage.self] = newValue }
    }
}
