import Foundation
import HelpDeskKit

/// The payload of a journal record: a kind byte, then one encoded unit of work.
///
/// Kind 1: a varint count of ticket writes, each a presence byte and zigzag varint for the
/// expected revision followed by the ticket in ``TicketCodec`` form; then a varint length and the
/// JSON of the unit's other lists (comments, audit entries, events, directory records,
/// acknowledgements, client-directory changes), or length 0 when they are all empty.
enum RecordCodec {
    /// The kind byte of a unit of work.
    static let unitOfWork: UInt8 = 1

    /// Everything in a unit of work but its ticket writes.
    private struct Rest: Codable {
        var comments: [Comment]
        var auditEntries: [AuditEntry]
        var events: [PendingEvent]
        var employees: [Employee]
        var groups: [SupportGroup]
        var categories: [ServiceCategory]
        var acknowledgedEvents: [UInt64]
        /// Client-directory changes; absent in records written before the directory existed.
        var clients: ClientChanges?
    }

    /// Encodes `work` as a record payload.
    static func encode(_ work: UnitOfWork) throws(StorageError) -> [UInt8] {
        var w = ByteWriter()
        var scratch = ByteWriter()
        w.u8(unitOfWork)
        w.varint(UInt64(work.ticketWrites.count))
        for write in work.ticketWrites {
            if let expected = write.expectedRevision {
                w.u8(1)
                w.int(expected)
            } else {
                w.u8(0)
            }
            TicketCodec.encode(write.ticket, to: &w, scratch: &scratch)
        }
        let rest = Rest(
            comments: work.comments, auditEntries: work.auditEntries, events: work.events, employees: work.employees,
            groups: work.groups, categories: work.categories, acknowledgedEvents: work.acknowledgedEvents,
            clients: work.clients.isEmpty ? nil : work.clients)
        if rest.comments.isEmpty && rest.auditEntries.isEmpty && rest.events.isEmpty && rest.employees.isEmpty
            && rest.groups.isEmpty && rest.categories.isEmpty && rest.acknowledgedEvents.isEmpty && rest.clients == nil
        {
            w.varint(0)
        } else {
            do {
                w.blob(try JSONEncoder().encode(rest))
            } catch {
                throw StorageError(.other, "cannot encode the unit of work: \(error)")
            }
        }
        return w.bytes
    }

    /// Decodes a record payload.
    static func decode(_ payload: UnsafeRawBufferPointer) throws(MalformedBytes) -> UnitOfWork {
        var r = ByteReader(payload)
        guard try r.u8() == unitOfWork else {
            throw MalformedBytes(offset: 0, reason: "unknown record kind \(payload[0])")
        }
        var work = UnitOfWork()
        for _ in 0..<(try r.length()) {
            let expected: Int? = try r.u8() == 0 ? nil : try r.int()
            work.save(try TicketCodec.decode(from: &r), expectedRevision: expected)
        }
        let jsonStart = r.position
        let json = try r.bytes(try r.length())
        if !json.isEmpty {
            do {
                let rest = try JSONDecoder().decode(Rest.self, from: Data(json))
                work.comments = rest.comments
                work.auditEntries = rest.auditEntries
                work.events = rest.events
                work.employees = rest.employees
                work.groups = rest.groups
                work.categories = rest.categories
                work.acknowledgedEvents = rest.acknowledgedEvents
                work.clients = rest.clients ?? ClientChanges()
            } catch {
                throw MalformedBytes(offset: jsonStart, reason: "undecodable unit of work: \(error)")
            }
        }
        return work
    }
}
