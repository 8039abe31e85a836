import Foundation
import HelpDeskKit

/// The payload of a journal record: a kind byte, then one encoded unit of work.
///
/// Kind 2 (written now): a varint count of ticket writes, each a presence byte and
/// zigzag varint for the expected revision followed by the ticket in ``TicketCodec`` form; then
/// varint-counted comments, audit entries and outbox events in ``EntryCodec`` and
/// ``EventCodec`` form; then a varint length and the JSON of the rest of the unit (directory,
/// clients, labor, ratings, billing, acknowledgements and any list added later), or length 0
/// when it is empty.
///
/// Kind 1 (older stores, still read): the ticket writes as in kind 2, then the JSON of
/// everything else (``UnitOfWork/withoutTicketWrites``).
enum RecordCodec {
    /// The kind byte of a unit of work whose comments, audit entries and events are JSON.
    static let unitOfWorkWithJSONHistory: UInt8 = 1
    /// The kind byte of a unit of work whose comments, audit entries and events are binary.
    static let unitOfWork: UInt8 = 2

    /// Encodes `work` as a record payload.
    static func encode(_ work: UnitOfWork) throws(StorageError) -> [UInt8] {
        var w = ByteWriter()
        // A one-ticket unit with its audit entry and event takes about 450 bytes: growing from
        // empty would reallocate six times.
        w.bytes.reserveCapacity(512)
        var scratch = ByteWriter()
        w.u8(unitOfWork)
        encodeTicketWrites(of: work, to: &w, scratch: &scratch)
        w.varint(UInt64(work.comments.count))
        for comment in work.comments { EntryCodec.encode(comment, to: &w) }
        w.varint(UInt64(work.auditEntries.count))
        for entry in work.auditEntries { EntryCodec.encode(entry, to: &w) }
        w.varint(UInt64(work.events.count))
        for event in work.events { EventCodec.encode(event, to: &w) }
        if work.changesOnlyTicketHistory {
            w.varint(0)
        } else {
            var rest = work.withoutTicketWrites
            rest.comments = []
            rest.auditEntries = []
            rest.events = []
            try encodeJSON(rest, to: &w)
        }
        return w.bytes
    }

    /// Decodes a record payload of either kind.
    static func decode(_ payload: UnsafeRawBufferPointer) throws(MalformedBytes) -> UnitOfWork {
        var r = ByteReader(payload)
        let kind = try r.u8()
        guard kind == unitOfWork || kind == unitOfWorkWithJSONHistory else {
            throw MalformedBytes(offset: 0, reason: "unknown record kind \(kind)")
        }
        var writes: [TicketWrite] = []
        for _ in 0..<(try r.length()) {
            let expected: Int? = try r.presence() ? try r.int() : nil
            writes.append(
                TicketWrite(ticket: try TicketCodec.decode(from: &r), expectedRevision: expected))
        }
        var comments: [Comment] = []
        var auditEntries: [AuditEntry] = []
        var events: [PendingEvent] = []
        if kind == unitOfWork {
            for _ in 0..<(try r.length()) { comments.append(try EntryCodec.decodeComment(from: &r)) }
            for _ in 0..<(try r.length()) {
                auditEntries.append(try EntryCodec.decodeAuditEntry(from: &r))
            }
            for _ in 0..<(try r.length()) { events.append(try EventCodec.decodePendingEvent(from: &r)) }
        }
        var work = try decodeJSON(from: &r)
        guard r.remaining == 0 else {
            throw MalformedBytes(offset: r.position, reason: "\(r.remaining) bytes after the unit of work")
        }
        if kind == unitOfWork {
            work.comments = comments
            work.auditEntries = auditEntries
            work.events = events
        }
        for write in writes { work.save(write.ticket, expectedRevision: write.expectedRevision) }
        return work
    }

    /// Appends the ticket writes of `work`.
    private static func encodeTicketWrites(
        of work: UnitOfWork, to w: inout ByteWriter, scratch: inout ByteWriter
    ) {
        w.varint(UInt64(work.ticketWrites.count))
        for index in work.ticketWrites.indices {
            if let expected = work.ticketWrites[index].expectedRevision {
                w.u8(1)
                w.int(expected)
            } else {
                w.u8(0)
            }
            TicketCodec.encode(work.ticketWrites[index].ticket, to: &w, scratch: &scratch)
        }
    }

    /// Appends the JSON of `rest` as a blob.
    private static func encodeJSON(_ rest: UnitOfWork, to w: inout ByteWriter) throws(StorageError) {
        do {
            w.blob(try StoreJSON.encode(rest))
        } catch {
            throw StorageError(.other, "cannot encode the unit of work: \(error)")
        }
    }

    /// Reads the JSON blob; an empty blob is an empty unit.
    private static func decodeJSON(from r: inout ByteReader) throws(MalformedBytes) -> UnitOfWork {
        let jsonStart = r.position
        let json = try r.bytes(try r.length())
        guard !json.isEmpty else { return UnitOfWork() }
        do {
            return try JSONDecoder().decode(UnitOfWork.self, from: Data(json))
        } catch {
            throw MalformedBytes(offset: jsonStart, reason: "undecodable unit of work: \(error)")
        }
    }
}
