import Foundation
import HelpDeskKit

extension SnapshotCodec {
    /// Reads a snapshot file's content; any damage is a ``FileStoreError/corrupted(file:offset:reason:)``
    /// naming the section's offset (a renamed snapshot was synced whole, so nothing is "torn").
    static func decode(_ bytes: [UInt8], file: String) throws(FileStoreError) -> (sequence: UInt64, image: StoreImage) {
        let sequence = try FileFormat.readHeader(bytes, kind: .snapshot, file: file).sequence
        return try withBytes(bytes) { buffer throws(FileStoreError) in
            let sections = try Sections(buffer, file: file)
            var image: StoreImage
            do {
                let json = Data(UnsafeRawBufferPointer(rebasing: buffer[sections.directory.payload]))
                image = try JSONDecoder().decode(StoreImage.self, from: json)
            } catch {
                throw .corrupted(
                    file: file, offset: sections.directory.offset, reason: "undecodable directory section: \(error)")
            }
            if let outbox = sections.outbox {
                image.undeliveredEvents = try decodeList(buffer, outbox, file: file, section: "outbox") {
                    (r: inout ByteReader) throws(MalformedBytes) in
                    OutboxEvent(sequence: try r.varint(), pending: try EventCodec.decodePendingEvent(from: &r))
                }
            }
            if let timeEntries = sections.timeEntries {
                image.labor.timeEntries = try decodeList(buffer, timeEntries, file: file, section: "time entries") {
                    (r: inout ByteReader) throws(MalformedBytes) in try TimeEntryCodec.decode(from: &r)
                }
            }
            let (tickets, threads) = try decodeTickets(buffer, sections, file: file)
            image.tickets = tickets
            image.comments = Array(repeating: [], count: tickets.count)
            image.audit = Array(repeating: [], count: tickets.count)
            for (chunk, chunkThreads) in threads.enumerated() {
                for thread in chunkThreads where thread.index >= 0 && thread.index < sections.counts[chunk] {
                    image.comments[sections.starts[chunk] + thread.index] = thread.comments
                    image.audit[sections.starts[chunk] + thread.index] = thread.audit
                }
            }
            return (sequence, image)
        }
    }

    /// The elements of a version 3 list section (a varint count, then each element as `element`
    /// reads it); damage is a corruption error naming the section and the offset.
    private static func decodeList<Element>(
        _ buffer: UnsafeRawBufferPointer, _ frame: Frame.Found, file: String, section: String,
        _ element: (inout ByteReader) throws(MalformedBytes) -> Element
    ) throws(FileStoreError) -> [Element] {
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<frame.payload.upperBound])
        var r = ByteReader(bytes, position: frame.payload.lowerBound)
        do throws(MalformedBytes) {
            var elements: [Element] = []
            for _ in 0..<(try r.length()) { elements.append(try element(&r)) }
            guard r.remaining == 0 else {
                throw MalformedBytes(offset: r.position, reason: "bytes after the last element")
            }
            return elements
        } catch {
            throw .corrupted(file: file, offset: error.offset, reason: "\(section) section: \(error.reason)")
        }
    }

    /// The frames of a snapshot, with each chunk's ticket count and first row. Every frame but the
    /// ticket chunks is verified here; the chunks, nearly all of the file, are verified as they
    /// are decoded, on all cores.
    private struct Sections {
        var chunks: [Frame.Found] = []
        var directory: Frame.Found
        var outbox: Frame.Found?
        var timeEntries: Frame.Found?
        var counts: [Int] = []
        var starts: [Int] = []
        var ticketCount = 0

        init(_ buffer: UnsafeRawBufferPointer, file: String) throws(FileStoreError) {
            var directory: Frame.Found?
            var end: Frame.Found?
            var offset = FileFormat.headerSize
            while offset < buffer.count, end == nil {
                let frame: Frame.Found
                let kind: Section?
                do {
                    frame = try Frame.locate(buffer, at: offset)
                    kind = Section(rawValue: frame.tag)
                    if kind != .tickets, kind != .ticketsWithJSONHistory { try Frame.verify(frame, in: buffer) }
                } catch {
                    throw .corrupted(file: file, offset: offset, reason: "snapshot section: \(error)")
                }
                switch kind {
                case .tickets, .ticketsWithJSONHistory: chunks.append(frame)
                case .directory: directory = frame
                case .outbox: outbox = frame
                case .timeEntries: timeEntries = frame
                case .end: end = frame
                case nil: break  // A section kind from a later minor revision: skipped.
                }
                offset = frame.end
            }
            guard let end, let directory else {
                throw .corrupted(file: file, offset: offset, reason: "snapshot ends before its end section")
            }
            self.directory = directory
            var r = ByteReader(buffer, position: end.payload.lowerBound)
            guard let count = try? r.varint(), let chunkCount = try? r.varint(), chunkCount == chunks.count else {
                throw .corrupted(
                    file: file, offset: end.offset, reason: "snapshot end section disagrees with its chunks")
            }
            for chunk in chunks {
                var reader = ByteReader(buffer, position: chunk.payload.lowerBound)
                guard let chunkCount = try? reader.length(), chunkCount <= chunk.payload.count else {
                    throw .corrupted(file: file, offset: chunk.offset, reason: "ticket chunk without a count")
                }
                starts.append(ticketCount)
                counts.append(chunkCount)
                ticketCount += chunkCount
            }
            guard ticketCount == count else {
                throw .corrupted(
                    file: file, offset: end.offset, reason: "snapshot holds \(ticketCount) tickets, not \(count)")
            }
        }
    }

    /// Decodes every chunk on all cores straight into its rows of one array (no merge copy), and
    /// returns it with each chunk's comment and audit threads.
    private static func decodeTickets(
        _ buffer: UnsafeRawBufferPointer, _ sections: Sections, file: String
    ) throws(FileStoreError) -> ([Ticket], [[Thread]]) {
        var threads: [[Thread]] = []
        var failure: FileStoreError?
        let tickets = [Ticket](unsafeUninitializedCapacity: sections.ticketCount) { slots, initialized in
            let rows = slots
            let outcomes = Parallel.map(sections.chunks.count) { chunk in
                let start = sections.starts[chunk]
                let destination = UnsafeMutableBufferPointer(rebasing: rows[start..<start + sections.counts[chunk]])
                return decodeChunk(buffer, sections.chunks[chunk], into: destination)
            }
            for (chunk, outcome) in outcomes.enumerated() {
                switch outcome {
                case .success(let chunkThreads):
                    threads.append(chunkThreads)
                case .failure(let malformed):
                    failure =
                        failure
                        ?? .corrupted(
                            file: file, offset: malformed.offset,
                            reason: "ticket chunk at \(sections.chunks[chunk].offset): \(malformed.reason)")
                }
            }
            if failure == nil {
                initialized = sections.ticketCount
            } else {
                for (chunk, outcome) in outcomes.enumerated() where (try? outcome.get()) != nil {
                    let start = sections.starts[chunk]
                    UnsafeMutableBufferPointer(rebasing: rows[start..<start + sections.counts[chunk]]).deinitialize()
                }
                initialized = 0
            }
        }
        if let failure { throw failure }
        return (tickets, threads)
    }

    /// Reads a chunk's binary history: the tickets with comments or audit entries, by index.
    private static func decodeThreads(from r: inout ByteReader, ticketCount: Int) throws(MalformedBytes) -> [Thread] {
        var threads: [Thread] = []
        for _ in 0..<(try r.length()) {
            let indexOffset = r.position
            let index = try r.varint()
            guard index < UInt64(ticketCount) else {
                throw MalformedBytes(
                    offset: indexOffset, reason: "history of ticket \(index) in a chunk of \(ticketCount)")
            }
            var thread = Thread(index: Int(index), comments: [], audit: [])
            for _ in 0..<(try r.length()) { thread.comments.append(try EntryCodec.decodeComment(from: &r)) }
            for _ in 0..<(try r.length()) { thread.audit.append(try EntryCodec.decodeAuditEntry(from: &r)) }
            threads.append(thread)
        }
        return threads
    }

    /// Reads a version 1 or 2 chunk's history: a JSON blob of threads, empty when there is none.
    private static func decodeJSONThreads(from r: inout ByteReader) throws(MalformedBytes) -> [Thread] {
        let jsonStart = r.position
        let json = try r.bytes(try r.length())
        guard !json.isEmpty else { return [] }
        guard let threads = try? JSONDecoder().decode([Thread].self, from: Data(json)) else {
            throw MalformedBytes(offset: jsonStart, reason: "undecodable comments and audit entries")
        }
        return threads
    }

    /// Decodes one chunk into `rows` (exactly its ticket count); on failure, the rows it had
    /// initialized are deinitialized again.
    private static func decodeChunk(
        _ buffer: UnsafeRawBufferPointer, _ frame: Frame.Found, into rows: UnsafeMutableBufferPointer<Ticket>
    ) -> Result<[Thread], MalformedBytes> {
        do throws(Frame.Problem) {
            try Frame.verify(frame, in: buffer)
        } catch {
            return .failure(MalformedBytes(offset: frame.offset, reason: "\(error)"))
        }
        let payload = UnsafeRawBufferPointer(rebasing: buffer[..<frame.payload.upperBound])
        var r = ByteReader(payload, position: frame.payload.lowerBound)
        var decoded = 0
        do throws(MalformedBytes) {
            _ = try r.length()  // The count, already read into `rows.count`.
            while decoded < rows.count {
                rows.initializeElement(at: decoded, to: try TicketCodec.decode(from: &r))
                decoded += 1
            }
            let threads =
                frame.tag == Section.tickets.rawValue
                ? try decodeThreads(from: &r, ticketCount: rows.count) : try decodeJSONThreads(from: &r)
            guard r.remaining == 0 else {
                throw MalformedBytes(offset: r.position, reason: "\(r.remaining) bytes after the chunk's history")
            }
            return .success(threads)
        } catch {
            UnsafeMutableBufferPointer(rebasing: rows[..<decoded]).deinitialize()
            return .failure(error)
        }
    }
}
