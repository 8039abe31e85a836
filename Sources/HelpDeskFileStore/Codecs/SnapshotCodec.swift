import Foundation
import HelpDeskKit

/// The content of a snapshot file: a ``StoreImage`` in checksummed sections.
///
/// After the 32-byte header come frames (see ``Frame``) tagged by section kind:
/// - `1` ticket chunk: up to ``chunkSize`` tickets as a varint count and ``TicketCodec`` values,
///   then a varint length and the JSON of the chunk's non-empty comment and audit lists;
/// - `2` directory: JSON of the ``StoreImage`` without its tickets, comments and audit entries
///   (employees, groups, categories, clients, the outbox, and any section added later);
/// - `3` end: varint ticket count and chunk count, so a cut-off snapshot is detected.
/// Chunks are encoded and decoded on all cores.
enum SnapshotCodec {
    /// Tickets per chunk section.
    static let chunkSize = 8_192

    enum Section: UInt64 {
        case tickets = 1, directory = 2, end = 3
    }

    /// Comments and audit entries of one ticket of a chunk.
    struct Thread: Codable {
        var index: Int
        var comments: [Comment]
        var audit: [AuditEntry]
    }

    /// The whole snapshot file for `image` after record `sequence`.
    static func encode(_ image: StoreImage, sequence: UInt64) throws(StorageError) -> [UInt8] {
        let chunkCount = (image.tickets.count + chunkSize - 1) / chunkSize
        let chunks = Parallel.map(chunkCount) { chunk in encodeChunk(image, chunk: chunk) }
        var w = ByteWriter(bytes: FileFormat.header(.snapshot, sequence: sequence))
        w.bytes.reserveCapacity(chunks.reduce(64) { $0 + ($1?.count ?? 0) + 24 })
        for chunk in chunks {
            guard let chunk else { throw StorageError(.other, "cannot encode comments for a snapshot") }
            chunk.withUnsafeBytes { Frame.append(tag: Section.tickets.rawValue, payload: $0, to: &w) }
        }
        var directory = image
        directory.tickets = []
        directory.comments = []
        directory.audit = []
        guard let json = try? StoreJSON.encode(directory) else {
            throw StorageError(.other, "cannot encode the directory for a snapshot")
        }
        json.withUnsafeBytes { Frame.append(tag: Section.directory.rawValue, payload: $0, to: &w) }
        var end = ByteWriter()
        end.varint(UInt64(image.tickets.count))
        end.varint(UInt64(chunkCount))
        end.bytes.withUnsafeBytes { Frame.append(tag: Section.end.rawValue, payload: $0, to: &w) }
        return w.bytes
    }

    private static func encodeChunk(_ image: StoreImage, chunk: Int) -> [UInt8]? {
        let range = (chunk * chunkSize)..<min(image.tickets.count, (chunk + 1) * chunkSize)
        var w = ByteWriter()
        var scratch = ByteWriter()
        w.bytes.reserveCapacity(range.count * 192)
        w.varint(UInt64(range.count))
        var threads: [Thread] = []
        for index in range {
            TicketCodec.encode(image.tickets[index], to: &w, scratch: &scratch)
            let comments = index < image.comments.count ? image.comments[index] : []
            let audit = index < image.audit.count ? image.audit[index] : []
            if !comments.isEmpty || !audit.isEmpty {
                threads.append(Thread(index: index - range.lowerBound, comments: comments, audit: audit))
            }
        }
        if threads.isEmpty {
            w.varint(0)
        } else {
            guard let json = try? StoreJSON.encode(threads) else { return nil }
            w.blob(json)
        }
        return w.bytes
    }
}
