import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

@testable import HelpDeskFileStore

@Suite("Checksums and codecs")
struct CodecTests {
    @Test func crc32cMatchesKnownVectors() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        let text = Array("The quick brown fox jumps over the lazy dog, twice over.".utf8)
        let split = CRC32C.checksum(
            Array(text[17...]).withUnsafeBytes { $0 }, continuing: CRC32C.checksum(Array(text[..<17])))
        #expect(split == CRC32C.checksum(text))
        #expect(CRC32C.unmask(CRC32C.mask(0xDEAD_BEEF)) == 0xDEAD_BEEF)
    }

    /// The ticket codec writes every stored property of `Ticket`: a new field must get a tag.
    @Test func ticketCodecCoversEveryField() {
        let ticket = TicketFixtures(seed: 1).tickets(count: 1, seed: 1)[0]
        #expect(Mirror(reflecting: ticket).children.count == TicketCodec.fieldCount)
    }

    /// The record codec writes the ticket history itself and everything else as JSON, skipped when
    /// ``UnitOfWork/changesOnlyTicketHistory``: a new list must be counted there, or it is lost.
    @Test func recordCodecKnowsEveryListOfAUnit() {
        let lists = Mirror(reflecting: UnitOfWork()).children.compactMap(\.label)
        #expect(
            lists == [
                "ticketWrites", "comments", "auditEntries", "events", "employees", "groups", "categories",
                "acknowledgedEvents", "clients", "billing",
                "capabilities", "preconditions", "notes", "writeIndex",
            ], "add the new list to UnitOfWork.changesOnlyTicketHistory, then here")
        // Preconditions are checked at commit and notes acted on before it; neither is journaled:
        // they need no place there.
    }

    @Test func ticketsRoundTripExactly() throws {
        var tickets = TicketFixtures(seed: 3).tickets(count: 300, seed: 4)
        var ids = SeededIdentifierSource(seed: 9)
        tickets[0].description = "Line one\nline «two» — 🖨️"
        tickets[0].watcherIDs = [ids.next(), ids.next()]
        tickets[0].attachments = [Attachment(fileName: "a.png", mediaType: "image/png", byteCount: -1, checksum: "x")]
        tickets[0].customFields = [
            "t": .text("v"), "i": .integer(.min), "f": .flag(false), "d": .instant(Date(timeIntervalSince1970: 1.125)),
        ]
        tickets[0].links = [TicketLink(.parent, to: ids.next())]
        tickets[0].postponedUntil = Date(timeIntervalSinceReferenceDate: 0.1)
        tickets[0].closedAt = Date(timeIntervalSinceReferenceDate: -5)
        var writer = ByteWriter()
        var scratch = ByteWriter()
        for ticket in tickets { TicketCodec.encode(ticket, to: &writer, scratch: &scratch) }
        let decoded = try writer.bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            return try (0..<tickets.count).map { _ in try TicketCodec.decode(from: &reader) }
        }
        #expect(decoded == tickets)
    }

    /// Unknown tags (from a newer writer) are skipped; missing optional tags take their defaults.
    @Test func ticketCodecEvolves() throws {
        let ticket = TicketFixtures(seed: 3).tickets(count: 1, seed: 5)[0]
        var writer = ByteWriter()
        writer.varint(99 << 2 | 2)  // An unknown, length-delimited field first.
        writer.string("from the future")
        writer.varint(98 << 2 | 3)
        writer.uuid(UUID(uuid: (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)))
        var scratch = ByteWriter()
        TicketCodec.encode(ticket, to: &writer, scratch: &scratch)
        let decoded = try writer.bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            return try TicketCodec.decode(from: &reader)
        }
        #expect(decoded == ticket)

        // An "old" ticket written without the optional fields decodes with defaults.
        var old = ByteWriter()
        old.varint(TicketCodec.Tag.id.rawValue << 2 | 3)
        old.uuid(ticket.id.rawValue)
        old.varint(TicketCodec.Tag.number.rawValue << 2)
        old.int(5)
        for (tag, text) in [(TicketCodec.Tag.title, "Old"), (.channel, "email"), (.status, "new")] {
            old.varint(tag.rawValue << 2 | 2)
            old.string(text)
        }
        old.varint(TicketCodec.Tag.requester.rawValue << 2 | 2)
        old.blob([1, 3] + Array("Ivo".utf8))
        old.varint(TicketCodec.Tag.createdAt.rawValue << 2 | 1)
        old.date(Date(timeIntervalSinceReferenceDate: 10))
        old.varint(0)
        let minimal = try old.bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            return try TicketCodec.decode(from: &reader)
        }
        #expect(minimal.title == "Old" && minimal.priority == .normal && minimal.revision == 1)
        #expect(minimal.updatedAt == minimal.createdAt && minimal.watcherIDs.isEmpty && minimal.description.isEmpty)
    }

    /// A snapshot image round-trips through the snapshot codec, comments and audit included.
    @Test func snapshotCodecRoundTrips() async throws {
        let memory = InMemoryStore()
        try await runRandomCommands(on: memory, seed: 11, count: 120)
        let image = memory.image()
        #expect(!image.undeliveredEvents.isEmpty && image.audit.contains { !$0.isEmpty })
        let bytes = try SnapshotCodec.encode(image, sequence: 42)
        let decoded = try SnapshotCodec.decode(bytes, file: "test")
        #expect(decoded.sequence == 42)
        #expect(decoded.image == image)
    }

    /// Binary history round-trips in full chunks, for tickets early and late in a chunk (whose
    /// index can exceed the bytes left after it) and across chunk boundaries.
    @Test func snapshotHistoryRoundTripsAcrossFullChunks() throws {
        let count = SnapshotCodec.chunkSize + 1_500
        let tickets = TicketFixtures(seed: 13).tickets(count: count, seed: 13)
        var image = StoreImage()
        image.tickets = tickets
        image.comments = Array(repeating: [], count: count)
        image.audit = Array(repeating: [], count: count)
        var ids = SeededIdentifierSource(seed: 14)
        for index in [0, 1, 700, SnapshotCodec.chunkSize - 1, SnapshotCodec.chunkSize, count - 2, count - 1] {
            let ticket = tickets[index]
            image.audit[index] = [
                AuditEntry(
                    id: ids.next(), ticketID: ticket.id, field: .created, oldValue: nil,
                    newValue: ticket.number.description, performer: .system, at: ticket.createdAt)
            ]
            if index % 2 == 1 {
                image.comments[index] = [
                    Comment(
                        id: ids.next(), ticketID: ticket.id, author: .system, body: "Row \(index)",
                        visibility: .internal,
                        createdAt: ticket.createdAt)
                ]
            }
        }
        let decoded = try SnapshotCodec.decode(try SnapshotCodec.encode(image, sequence: 9), file: "test")
        #expect(decoded.image == image)
    }

    /// Time entries round-trip through a snapshot's binary section (all field values both ways),
    /// and the codec writes every stored property of `TimeEntry`.
    @Test func snapshotTimeEntriesRoundTrip() throws {
        var random = SplitMix64(seed: 15)
        var ids = SeededIdentifierSource(seed: 15)
        let start = Date(timeIntervalSinceReferenceDate: 800_000_000)
        var image = StoreImage()
        for index in 0..<500 {
            image.labor.timeEntries.append(
                try Self.timeEntry(index, spent: Int(random.next() % 600), ids: &ids, start: start))
        }
        #expect(Mirror(reflecting: image.labor.timeEntries[0]).children.count == TimeEntryCodec.fieldCount)
        let decoded = try SnapshotCodec.decode(try SnapshotCodec.encode(image, sequence: 3), file: "test")
        #expect(decoded.image == image)
    }

    /// Time entry number `index` of a varied list: both billable values, empty and non-ASCII text.
    private static func timeEntry(
        _ index: Int, spent: Int, ids: inout SeededIdentifierSource, start: Date
    ) throws -> TimeEntry {
        let workDate = try LocalDate(year: 2025 + index % 3, month: 1 + index % 12, day: 1 + index % 28)
        let activity = index % 3 == 0 ? "" : "Site visit №\(index)"
        let comment = index % 5 == 0 ? "Замена картриджа, \(index)" : ""
        let createdAt = start.addingTimeInterval(Double(index) * 61.5)
        return TimeEntry(
            id: ids.next(), ticketID: ids.next(), employeeID: ids.next(), workDate: workDate, spentMinutes: spent,
            chargedMinutes: spent + index % 15, billable: index % 2 == 0, activity: activity, comment: comment,
            createdAt: createdAt, updatedAt: createdAt.addingTimeInterval(Double(index % 7) * 30),
            revision: 1 + index % 4)
    }

    /// A checksummed but undecodable ticket chunk after a good one is a corruption error naming
    /// that chunk (the rows decoded in parallel before the failure are released again).
    @Test func undecodableSecondChunkIsNamed() async throws {
        let memory = InMemoryStore()
        try await runRandomCommands(on: memory, seed: 12, count: 60)
        let image = memory.image()
        let good = try SnapshotCodec.encode(image, sequence: 7)
        var frames: [(tag: UInt64, payload: [UInt8])] = []
        var offset = FileFormat.headerSize
        while offset < good.count {
            let frame = try good.withUnsafeBytes { try Frame.read($0, at: offset) }
            frames.append((frame.tag, Array(good[frame.payload])))
            offset = frame.end
        }
        let chunk = try #require(frames.first { $0.tag == SnapshotCodec.Section.tickets.rawValue }).payload
        let directory = try #require(frames.first { $0.tag == SnapshotCodec.Section.directory.rawValue }).payload
        var damaged = chunk
        for index in (chunk.count / 3)..<chunk.count { damaged[index] = 0xFF }

        var w = ByteWriter(bytes: FileFormat.header(.snapshot, sequence: 7))
        chunk.withUnsafeBytes { Frame.append(tag: SnapshotCodec.Section.tickets.rawValue, payload: $0, to: &w) }
        let secondChunkOffset = w.bytes.count
        damaged.withUnsafeBytes { Frame.append(tag: SnapshotCodec.Section.tickets.rawValue, payload: $0, to: &w) }
        directory.withUnsafeBytes { Frame.append(tag: SnapshotCodec.Section.directory.rawValue, payload: $0, to: &w) }
        var end = ByteWriter()
        end.varint(UInt64(image.tickets.count * 2))
        end.varint(2)
        end.bytes.withUnsafeBytes { Frame.append(tag: SnapshotCodec.Section.end.rawValue, payload: $0, to: &w) }

        do {
            _ = try SnapshotCodec.decode(w.bytes, file: "damaged.snap")
            Issue.record("an undecodable chunk was accepted")
        } catch let error {
            guard case .corrupted(let file, let at, let reason) = error.reason else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == "damaged.snap")
            #expect(at > secondChunkOffset && at < secondChunkOffset + Frame.size(payload: damaged.count))
            #expect(reason.hasPrefix("ticket chunk at \(secondChunkOffset):"))
        }
    }

    /// A record payload is read exactly: trailing bytes and presence flags other than 0 or 1 are damage.
    @Test func recordPayloadIsReadExactly() throws {
        var work = UnitOfWork()
        work.save(TicketFixtures(seed: 2).tickets(count: 1, seed: 3)[0], expectedRevision: 4)
        let payload = try RecordCodec.encode(work)
        #expect(try payload.withUnsafeBytes { try RecordCodec.decode($0) } == work)
        #expect(throws: MalformedBytes.self) { try (payload + [0]).withUnsafeBytes { try RecordCodec.decode($0) } }
        var badFlag = payload
        #expect(badFlag[2] == 1, "kind, write count, then the expected revision's presence flag")
        badFlag[2] = 2
        #expect(throws: MalformedBytes.self) { try badFlag.withUnsafeBytes { try RecordCodec.decode($0) } }
    }
}
