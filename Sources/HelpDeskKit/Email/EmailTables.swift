extension Capability {
    /// Email: received messages (the Message-ID index and mail log) and bounce marks.
    static let email = Capability(name: "email", tables: EmailTables.self)
}

/// The in-memory store's mail records and bounce marks.
struct EmailTables: CapabilityTable {
    var records: [EmailRecordID: EmailRecord] = [:]
    var byMessageKey: [String: EmailRecordID] = [:]
    var byTicket: [TicketID: [EmailRecordID]] = [:]
    var bounces: [String: BouncedAddress] = [:]

    /// Checks revisions, and that a new record's message key is free.
    func validate(_ changes: EmailChanges, of work: UnitOfWork, in store: InMemoryStore.State) throws(StorageError) {
        var keys: [String: EmailRecordID] = [:]
        for write in changes.records {
            let record = write.record
            guard records[record.id]?.revision == write.expectedRevision else {
                throw StorageError(.conflict, "email record \(record.id) is not at the expected revision")
            }
            let owner = keys[record.messageKey] ?? byMessageKey[record.messageKey]
            guard owner == nil || owner == record.id else {
                throw StorageError(.conflict, "a message with key \(record.messageKey) is already recorded")
            }
            keys[record.messageKey] = record.id
        }
        for write in changes.bounces where bounces[write.mark.address]?.revision != write.expectedRevision {
            throw StorageError(.conflict, "the bounce mark of \(write.mark.address) changed")
        }
    }

    /// Applies validated changes.
    mutating func apply(_ changes: EmailChanges) {
        for write in changes.records { insert(write.record) }
        for write in changes.bounces { bounces[write.mark.address] = write.mark }
    }

    private mutating func insert(_ record: EmailRecord) {
        if let old = records[record.id] {
            if let ticket = old.outcome.ticketID { byTicket[ticket]?.removeAll { $0 == record.id } }
            byMessageKey[old.messageKey] = nil
        }
        records[record.id] = record
        byMessageKey[record.messageKey] = record.id
        if let ticket = record.outcome.ticketID { byTicket[ticket, default: []].append(record.id) }
    }

    /// Oldest first: by receipt, then identifier.
    static func chronological(_ records: [EmailRecord]) -> [EmailRecord] {
        records.sorted { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
    }

    var image: EmailImage {
        EmailImage(
            records: records.values.sorted { $0.id < $1.id }, bounces: bounces.values.sorted { $0.address < $1.address })
    }

    init(image: EmailImage) {
        for record in image.records { insert(record) }
        for mark in image.bounces { bounces[mark.address] = mark }
    }
}

extension InMemoryStore: EmailRepository {
    public func emailRecord(_ id: EmailRecordID) async throws -> EmailRecord? {
        state.withLock { $0.table(EmailTables.self).records[id] }
    }

    public func emailRecord(messageKey key: String) async throws -> EmailRecord? {
        state.withLock { state in
            let tables = state.table(EmailTables.self)
            return tables.byMessageKey[key].flatMap { tables.records[$0] }
        }
    }

    public func emailRecords(ofTicket ticket: TicketID) async throws -> [EmailRecord] {
        state.withLock { state in
            let tables = state.table(EmailTables.self)
            return EmailTables.chronological((tables.byTicket[ticket] ?? []).compactMap { tables.records[$0] })
        }
    }

    public func emailRecords() async throws -> [EmailRecord] {
        state.withLock { $0.table(EmailTables.self).image.records }
    }

    public func quarantinedEmailRecords() async throws -> [EmailRecord] {
        state.withLock { state in
            EmailTables.chronological(state.table(EmailTables.self).records.values.filter(\.outcome.isQuarantined))
        }
    }

    public func bouncedAddress(_ address: String) async throws -> BouncedAddress? {
        state.withLock { $0.table(EmailTables.self).bounces[address] }
    }

    public func bouncedAddresses() async throws -> [BouncedAddress] {
        state.withLock { state in
            state.table(EmailTables.self).bounces.values.filter(\.isActive).sorted { $0.address < $1.address }
        }
    }
}
