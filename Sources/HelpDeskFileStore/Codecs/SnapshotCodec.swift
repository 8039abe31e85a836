import Foundation
import HelpDeskKit

/// The content of a snapshot file: a ``StoreImage`` in checksummed sections.
///
/// After the 32-byte header come frames (see ``Frame``) tagged by section kind:
/// - `4` ticket chunk (format version 3): up to ``chunkSize`` tickets as a varint count and
///   ``TicketCodec`` values, then a varint count of the tickets with history, each a varint index
///   in the chunk, its varint-counted comments and its varint-counted audit entries
///   (``EntryCodec``);
/// - `1` ticket chunk of versions 1 and 2, still read: the tickets as in kind 4, then a varint
///   length and the JSON of the chunk's non-empty comment and audit lists;
/// - `2` directory: JSON of the ``StoreImage`` without its tickets, comments, audit entries and
///   (in version 3) undelivered events and time entries: employees, groups, categories, clients,
///   rates, ratings, billing, the last event sequence, and any section added later;
/// - `5` outbox (version 3): the undelivered events, a varint count, then each event's varint
///   sequence and its ``EventCodec`` form;
/// - `6` time entries (version 3): a varint count, then each entry in ``TimeEntryCodec`` form;
/// - `3` end: varint ticket count and chunk count, so a cut-off snapshot is detected.
/// Chunks are encoded and decoded on all cores.
enum SnapshotCodec {
    /// Tickets per chunk section.
    static let chunkSize = 8_192

    enum Section: UInt64 {
        /// A ticket chunk whose comments and audit entries are JSON (versions 1 and 2).
        case ticketsWithJSONHistory = 1
        case directory = 2, end = 3
        /// A ticket chunk whose comments and audit entries are binary.
        case tickets = 4
        /// The undelivered outbox events, binary.
        case outbox = 5
        /// The time entries, binary.
        case timeEntries = 6
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
        w.bytes.reserveCapacity(chunks.reduce(64) { $0 + $1.count + 24 })
        for chunk in chunks {
            chunk.withUnsafeBytes { Frame.append(tag: Section.tickets.rawValue, payload: $0, to: &w) }
        }
        var directory = image
        directory.tickets = []
        directory.comments = []
        directory.audit = []
        directory.undeliveredEvents = []
        directory.labor.timeEntries = []
        guard let json = try? StoreJSON.encode(directory) else {
            throw StorageError(.other, "cannot encode the directory for a snapshot")
        }
        json.withUnsafeBytes { Frame.append(tag: Section.directory.rawValue, payload: $0, to: &w) }
        var outbox = ByteWriter()
        outbox.varint(UInt64(image.undeliveredEvents.count))
        for event in image.undeliveredEvents {
            outbox.varint(event.sequence)
            EventCodec.encode(event.pending, to: &outbox)
        }
        outbox.bytes.withUnsafeBytes { Frame.append(tag: Section.outbox.rawValue, payload: $0, to: &w) }
        var labor = ByteWriter()
        labor.varint(UInt64(image.labor.timeEntries.count))
        for entry in image.labor.timeEntries { TimeEntryCodec.encode(entry, to: &labor) }
        labor.bytes.withUnsafeBytes { Frame.append(tag: Section.timeEntries.rawValue, payload: $0, to: &w) }
        var end = ByteWriter()
        end.varint(UInt64(image.tickets.count))
        end.varint(UInt64(chunkCount))
        end.bytes.withUnsafeBytes { Frame.append(tag: Section.end.rawValue, payload: $0, to: &w) }
        return w.bytes
    }

    private static func encodeChunk(_ image: StoreImage, chunk: Int) -> [UInt8] {
        let range = (chunk * chunkSize)..<min(image.tickets.count, (chunk + 1) * chunkSize)
        var w = ByteWriter()
        var scratch = ByteWriter()
        w.bytes.reserveCapacity(range.count * 320)
        w.varint(UInt64(range.count))
        var withHistory: [Int] = []
        for index in range {
            TicketCodec.encode(image.tickets[index], to: &w, scratch: &scratch)
            if !comments(image, index).isEmpty || !audit(image, index).isEmpty { withHistory.append(index) }
        }
        w.varint(UInt64(withHistory.count))
        for index in withHistory {
            w.varint(UInt64(index - range.lowerBound))
            let (comments, audit) = (comments(image, index), audit(image, index))
            w.varint(UInt64(comments.count))
            for comment in comments { EntryCodec.encode(comment, to: &w) }
            w.varint(UInt64(audit.count))
            for entry in audit { EntryCodec.encode(entry, to: &w) }
        }
        return w.bytes
    }

    /// The comments on ticket row `index` of `image`.
    private static func comments(_ image: StoreImage, _ index: Int) -> [Comment] {
        index < image.comments.count ? image.comments[index] : []
    }

    /// The audit entries of ticket row `index` of `image`.
    private static func audit(_ image: StoreImage, _ index: Int) -> [AuditEntry] {
        index < image.audit.count ? image.audit[index] : []
    }
}
