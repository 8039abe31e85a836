import Foundation
import HelpDeskKit

/// The payload of a journal record: a kind byte, then one encoded unit of work.
///
/// Kind 1: a varint count of ticket writes, each a presence byte and zigzag varint for the
/// expected revision followed by the ticket in ``TicketCodec`` form; then a varint length and the
/// JSON of the rest of the unit (``UnitOfWork/withoutTicketWrites``: comments, audit entries,
/// events, directory, clients, labor, ratings, acknowledgements and any list added later), or
/// length 0 when it is empty.
enum RecordCodec {
    /// The kind byte of a unit of work.
    static let unitOfWork: UInt8 = 1

    /// Encodes `work` as a record payload.
    static func encode(_ work: UnitOfWork) throws(StorageError) -> [UInt8] {
        var w = ByteWriter()
        var scratch = ByteWriter()
        w.u8(unitOfWork)
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
        let rest = work.withoutTicketWrites
        if rest.isEmpty {
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
        var writes: [TicketWrite] = []
        for _ in 0..<(try r.length()) {
            let expected: Int? = try r.u8() == 0 ? nil : try r.int()
            writes.append(TicketWrite(ticket: try TicketCodec.decode(from: &r), expectedRevision: expected))
        }
        let jsonStart = r.position
        let json = try r.bytes(try r.length())
        var work = UnitOfWork()
        if !json.isEmpty {
            do {
                work = try JSONDecoder().decode(UnitOfWork.self, from: Data(json))
            } catch {
                throw MalformedBytes(offset: jsonStart, reason: "undecodable unit of work: \(error)")
            }
        }
        for write in writes { work.save(write.ticket, expectedRevision: write.expectedRevision) }
        return work
    }
}
