import Foundation
import HelpDeskKit

extension SnapshotCodec {
    /// Reads a snapshot file's content; any damage is a ``FileStoreError/corrupted(file:offset:reason:)``
    /// naming the section's offset (a renamed snapshot was synced whole, so nothing is "torn").
    static func decode(_ bytes: [UInt8], file: String) throws(FileStoreError) -> (sequence: UInt64, image: StoreImage) {
        let sequence = try FileFormat.readHeader(bytes, kind: .snapshot, file: file)
        return try withBytes(bytes) { buffer throws(FileStoreError) in
            var chunks: [Frame.Found] = []
            var directory: Frame.Found?
            var end: Frame.Found?
            var offset = FileFormat.headerSize
            while offset < buffer.count, end == nil {
                let frame: Frame.Found
                do {
                    frame = try Frame.read(buffer, at: offset)
                } catch {
                    throw .corrupted(file: file, offset: offset, reason: "snapshot section: \(error)")
                }
                switch Section(rawValue: frame.tag) {
                case .tickets: chunks.append(frame)
                case .directory: directory = frame
                case .end: end = frame
                case nil: break  // A section kind from a later minor revision: skipped.
                }
                offset = frame.end
            }
            guard let end, let directory else {
                throw .corrupted(file: file, offset: offset, reason: "snapshot ends before its end section")
            }
            var r = ByteReader(buffer, position: end.payload.lowerBound)
            guard let ticketCount = try? r.varint(), let chunkCount = try? r.varint(), chunkCount == chunks.count
            else {
                throw .corrupted(file: file, offset: end.offset, reason: "snapshot end section disagrees with its chunks")
            }
            let decoded = Parallel.map(chunks.count) { index in
                Result { () throws(MalformedBytes) in try decodeChunk(buffer, chunks[index]) }
            }
            var image: StoreImage
            do {
                let json = Data(UnsafeRawBufferPointer(rebasing: buffer[directory.payload]))
                image = try JSONDecoder().decode(StoreImage.self, from: json)
            } catch {
                throw .corrupted(file: file, offset: directory.offset, reason: "undecodable directory section: \(error)")
            }
            image.tickets.reserveCapacity(Int(ticketCount))
            image.comments.reserveCapacity(Int(ticketCount))
            image.audit.reserveCapacity(Int(ticketCount))
            for (index, result) in decoded.enumerated() {
                switch result {
                case .success(let chunk):
                    image.tickets += chunk.tickets
                    image.comments += chunk.comments
                    image.audit += chunk.audit
                case .failure(let failure):
                    throw .corrupted(
                        file: file, offset: failure.offset, reason: "ticket chunk at \(chunks[index].offset): \(failure.reason)")
                }
            }
            guard image.tickets.count == ticketCount else {
                throw .corrupted(file: file, offset: end.offset, reason: "snapshot holds \(image.tickets.count) tickets, not \(ticketCount)")
            }
            return (sequence, image)
        }
    }

    private struct Chunk {
        var tickets: [Ticket] = []
        var comments: [[Comment]] = []
        var audit: [[AuditEntry]] = []
    }

    private static func decodeChunk(_ buffer: UnsafeRawBufferPointer, _ frame: Frame.Found) throws(MalformedBytes) -> Chunk {
        let payload = UnsafeRawBufferPointer(rebasing: buffer[..<frame.payload.upperBound])
        var r = ByteReader(payload, position: frame.payload.lowerBound)
        let count = try r.length()
        var chunk = Chunk()
        chunk.tickets.reserveCapacity(count)
        for _ in 0..<count { chunk.tickets.append(try TicketCodec.decode(from: &r)) }
        chunk.comments = Array(repeating: [], count: count)
        chunk.audit = Array(repeating: [], count: count)
        let jsonStart = r.position
        let json = try r.bytes(try r.length())
        if !json.isEmpty {
            guard let threads = try? JSONDecoder().decode([Thread].self, from: Data(json)) else {
                throw MalformedBytes(offset: jsonStart, reason: "undecodable comments and audit entries")
            }
            for thread in threads where thread.index >= 0 && thread.index < count {
                chunk.comments[thread.index] = thread.comments
                chunk.audit[thread.index] = thread.audit
            }
        }
        return chunk
    }
}
