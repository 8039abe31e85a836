import Foundation
import HelpDeskKit
import PostgresNIO

extension PostgresStore {
    /// Up to `limit` unacknowledged events, lowest sequence first.
    public func undeliveredEvents(limit: Int) async throws -> [OutboxEvent] {
        let rows = try await rows(
            "SELECT sequence, body FROM outbox ORDER BY sequence LIMIT \(max(0, limit))"
        ) { row in
            let (sequence, body) = try Self.decodeEventRow(row)
            return OutboxEvent(sequence: sequence, pending: try RecordCoding.decode(PendingEvent.self, from: body))
        }
        return rows
    }

    /// The last sequence ever assigned, from the one-row sequence table (acknowledgements do not
    /// lower it).
    public func lastEventSequence() async throws -> UInt64 {
        let values = try await rows("SELECT last FROM outbox_sequence") { row in
            try RecordCoding.column(Int64.self, of: row)
        }
        guard let last = values.first, last >= 0 else {
            throw StorageError(.corrupted, "the outbox sequence row is missing or negative")
        }
        return UInt64(last)
    }

    /// A stored outbox row's sequence and body.
    private static func decodeEventRow(_ row: PostgresRow) throws -> (UInt64, Data) {
        let (sequence, body): (Int64, Data)
        do {
            (sequence, body) = try row.decode((Int64, Data).self)
        } catch {
            throw StorageError(.corrupted, "an outbox row does not decode: \(error)")
        }
        guard sequence > 0 else { throw StorageError(.corrupted, "outbox sequence \(sequence) is not positive") }
        return (UInt64(sequence), body)
    }

    /// Removes acknowledged events; unknown or already acknowledged sequences are ignored.
    func acknowledge(_ sequences: [UInt64], on connection: PostgresConnection) async throws {
        let stored = sequences.compactMap { Int64(exactly: $0) }
        guard !stored.isEmpty else { return }
        try await execute("DELETE FROM outbox WHERE sequence = ANY(\(stored))", on: connection)
    }

    /// Appends `events` with the next sequences; the last statement of a commit's transaction.
    ///
    /// **Why a reader never skips an event.** The sequences come from the one row of
    /// `outbox_sequence`, advanced by `UPDATE … SET last = last + n RETURNING last` inside the
    /// committing transaction. That `UPDATE` takes the row's lock, held until the transaction
    /// ends, so outbox-writing commits are serialized on it: a second writer blocks until the
    /// first commits (or rolls back) and then reads the committed `last`. Hence
    /// - sequences are gap-free and never reused (a rolled-back writer's increment is undone with
    ///   it, and the next writer continues from the committed value);
    /// - a transaction holding sequence *s* commits after every transaction holding a sequence
    ///   below *s*: PostgreSQL makes a commit visible to new snapshots before it releases the
    ///   transaction's locks, so once the next writer obtains the row, the previous writer's
    ///   events are visible to every snapshot taken from then on.
    ///
    /// A reader (``undeliveredEvents(limit:)``, one statement, one snapshot) therefore sees a
    /// prefix of the sequence: if it sees event *s*, it sees every event below *s* that is not
    /// yet acknowledged. It can never observe *s + 1* while *s* is still in flight, which is how
    /// readers of an identity column (`bigserial`) skip late rows. The lock is taken last in the
    /// transaction, after every other write, so it is held only for the commit itself and cannot
    /// take part in a deadlock (no lock is requested after it).
    func appendEvents(_ events: [PendingEvent], on connection: PostgresConnection) async throws {
        guard !events.isEmpty else { return }
        let count = Int64(events.count)
        let lasts = try await rows(
            "UPDATE outbox_sequence SET last = last + \(count) RETURNING last", on: connection
        ) { row in try RecordCoding.column(Int64.self, of: row) }
        guard let last = lasts.first else { throw StorageError(.corrupted, "the outbox sequence row is missing") }
        var sequences: [Int64] = []
        var bodies: [ByteBuffer] = []
        for (offset, event) in events.enumerated() {
            sequences.append(last - count + 1 + Int64(offset))
            bodies.append(RecordCoding.buffer(try RecordCoding.encode(event)))
        }
        try await execute(
            "INSERT INTO outbox (sequence, body) SELECT * FROM unnest(\(sequences)::bigint[], \(bodies)::bytea[])",
            on: connection)
    }
}
