import HelpDeskKit
import PostgresNIO

extension PostgresStore: EmailRepository {
    /// The record with `id`, or `nil`.
    public func emailRecord(_ id: EmailRecordID) async throws -> EmailRecord? {
        try await record(EmailRecord.self, "SELECT body FROM email_records WHERE id = \(id.uuid)")
    }

    /// The record of the message keyed `key` (the unique index), or `nil`.
    public func emailRecord(messageKey key: String) async throws -> EmailRecord? {
        try await record(EmailRecord.self, "SELECT body FROM email_records WHERE message_key = \(key)")
    }

    /// The records naming `ticket`, oldest first.
    public func emailRecords(ofTicket ticket: TicketID) async throws -> [EmailRecord] {
        try await records(EmailRecord.self, "SELECT body FROM email_records WHERE ticket_id = \(ticket.uuid)")
            .sorted { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
    }

    /// Every record, by identifier.
    public func emailRecords() async throws -> [EmailRecord] {
        try await records(EmailRecord.self, "SELECT body FROM email_records").sorted { $0.id < $1.id }
    }

    /// The records waiting in the quarantine, oldest first.
    public func quarantinedEmailRecords() async throws -> [EmailRecord] {
        try await records(EmailRecord.self, "SELECT body FROM email_records WHERE quarantined")
            .sorted { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
    }

    /// The bounce mark of `address`, or `nil`.
    public func bouncedAddress(_ address: String) async throws -> BouncedAddress? {
        try await record(BouncedAddress.self, "SELECT body FROM bounced_addresses WHERE address = \(address)")
    }

    /// Every active bounce mark, by address.
    public func bouncedAddresses() async throws -> [BouncedAddress] {
        try await records(BouncedAddress.self, "SELECT body FROM bounced_addresses WHERE active")
            .sorted { $0.address < $1.address }
    }

    /// Writes records and bounce marks under their expected revisions: a zero-row update and an
    /// insert whose identifier or message key is taken are conflicts.
    func writeEmail(_ changes: EmailChanges, on connection: PostgresConnection) async throws {
        for write in changes.records.sorted(by: { $0.record.id < $1.record.id }) {
            let record = write.record
            let body = try RecordCoding.encode(record)
            let ticket = record.outcome.ticketID?.uuid
            let written: Int
            if let expected = write.expectedRevision {
                written = try await rowCount(
                    """
                    UPDATE email_records SET revision = \(record.revision), message_key = \(record.messageKey),
                    ticket_id = \(ticket), quarantined = \(record.outcome.isQuarantined), body = \(body)
                    WHERE id = \(record.id.uuid) AND revision = \(expected) RETURNING 1
                    """, on: connection)
            } else {
                written = try await rowCount(
                    """
                    INSERT INTO email_records (id, revision, message_key, ticket_id, quarantined, received_at, body)
                    VALUES (\(record.id.uuid), \(record.revision), \(record.messageKey), \(ticket),
                    \(record.outcome.isQuarantined), \(record.receivedAt.timeIntervalSince1970), \(body))
                    ON CONFLICT DO NOTHING RETURNING 1
                    """, on: connection)
            }
            guard written > 0 else {
                throw StorageError(.conflict, "email record \(record.id) (\(record.messageKey)) is taken or changed")
            }
        }
        for write in changes.bounces.sorted(by: { $0.mark.address < $1.mark.address }) {
            let mark = write.mark
            let body = try RecordCoding.encode(mark)
            let written: Int
            if let expected = write.expectedRevision {
                written = try await rowCount(
                    """
                    UPDATE bounced_addresses SET revision = \(mark.revision), active = \(mark.isActive), body = \(body)
                    WHERE address = \(mark.address) AND revision = \(expected) RETURNING 1
                    """, on: connection)
            } else {
                written = try await rowCount(
                    """
                    INSERT INTO bounced_addresses (address, revision, active, body)
                    VALUES (\(mark.address), \(mark.revision), \(mark.isActive), \(body))
                    ON CONFLICT DO NOTHING RETURNING 1
                    """, on: connection)
            }
            guard written > 0 else { throw StorageError(.conflict, "the bounce mark of \(mark.address) changed") }
        }
    }
}
