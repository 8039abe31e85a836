import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// Damage to an acknowledged write is never taken for an interrupted one: every bit of the last
/// record and of the last group write (comments full of NUL characters) is flipped in turn, and
/// each copy either refuses to open or reopens with every acknowledged record, unchanged.
@Suite("Acknowledged writes survive or refuse, never shrink")
struct AcknowledgedWriteTests {
    /// A ticket, then one write per comment, then one group write of five NUL-heavy comments.
    private static func units() -> [UnitOfWork] {
        var ids = SeededIdentifierSource(seed: 41)
        let ticket = TicketFixtures(seed: 41).tickets(count: 1, seed: 42)[0]
        var create = UnitOfWork()
        create.save(ticket, expectedRevision: nil)
        let bodies = [
            "First reply", String(repeating: "\0", count: 700), "NUL\0\0\0\0 in the middle\0",
            String(repeating: "\0", count: 1_100) + "tail", "\0", String(repeating: "x\0", count: 300),
        ]
        let comments = bodies.enumerated().map { index, body in
            var work = UnitOfWork()
            work.comments = [
                Comment(
                    id: ids.next(), ticketID: ticket.id, author: .system, body: body, visibility: .public,
                    createdAt: Date(timeIntervalSince1970: 1_772_442_000 + Double(index)))
            ]
            return work
        }
        return [create] + comments
    }

    /// A segment with the units framed as `writes`, then preallocated zeros.
    private static func segment(_ units: [UnitOfWork], writes: [[Int]]) throws -> [UInt8] {
        var w = ByteWriter()
        w.bytes = FileFormat.header(.journal, sequence: 1)
        var sequence: UInt64 = 1
        for write in writes {
            for (position, index) in write.enumerated() {
                let tag = sequence | (position == 0 ? Frame.writeStart : 0)
                try RecordCodec.encode(units[index]).withUnsafeBytes {
                    RecordFrame.append(tag: tag, payload: $0, to: &w)
                }
                sequence += 1
            }
        }
        return w.bytes + [UInt8](repeating: 0, count: 16_384)
    }

    /// Flips every bit of `range`, one at a time, and checks each copy with the journal scan (and
    /// every 211th copy with a full open of a store).
    private func flipEveryBit(of original: [UInt8], in range: Range<Int>, records: Int) async throws {
        let baseline = try JournalScan(original, file: "journal")
        let payloads = baseline.records.map { Array(baseline.bytes[$0.payload]) }
        #expect(payloads.count == records)
        var opened = 0
        for position in range {
            for bit in 0..<8 {
                var damaged = original
                damaged[position] ^= 1 << UInt8(bit)
                do {
                    let scan = try JournalScan(damaged, file: "journal")
                    #expect(scan.records.map { Array(scan.bytes[$0.payload]) } == payloads, "flip \(position).\(bit)")
                } catch {
                    guard case .corrupted(_, let offset, _) = error.reason else {
                        Issue.record("flip \(position).\(bit): \(error)")
                        continue
                    }
                    #expect(offset <= position, "flip \(position).\(bit) reported at \(offset)")
                }
                if (position * 8 + bit) % 211 == 0 {
                    opened += 1
                    try await expectOpenAgrees(damaged, records: records)
                }
            }
        }
        #expect(opened > 10)
    }

    /// A store made of `bytes` opens with all `records` or refuses as corrupted.
    private func expectOpenAgrees(_ bytes: [UInt8], records: Int) async throws {
        let directory = freshDirectory("acknowledged")
        defer { removeDirectory(directory) }
        try Data(bytes).write(to: directory.appendingPathComponent(FileFormat.journalName(1)))
        do {
            let store = try await FileStore.open(at: directory)
            #expect(store.recovery.lastSequence == UInt64(records))
            await store.close()
        } catch {
            #expect(error.code == .corrupted)
            #expect(error.message.contains("discardJournal"), "the message names the repair")
        }
    }

    @Test func everyBitOfTheLastRecordAndTheLastGroupWrite() async throws {
        let units = Self.units()
        let bytes = try Self.segment(units, writes: [[0], [1], [2, 3, 4, 5, 6]])
        let scan = try JournalScan(bytes, file: "journal")
        let groupStart = scan.records[2].offset
        let end = scan.validEnd
        #expect(end - groupStart > 2_000, "the group write spans several sectors")
        try await flipEveryBit(of: bytes, in: groupStart..<(end + 64), records: units.count)
    }

    @Test func everyBitOfALoneLastRecord() async throws {
        let units = Self.units()
        let bytes = try Self.segment(units, writes: (0..<units.count).map { [$0] })
        let scan = try JournalScan(bytes, file: "journal")
        try await flipEveryBit(of: bytes, in: scan.records.last!.offset..<(scan.validEnd + 64), records: units.count)
    }

    @Test func nulTextIsStoredAsNoise() throws {
        let units = Self.units()
        let bytes = try Self.segment(units, writes: [[0], [1], [2, 3, 4, 5, 6]])
        let scan = try JournalScan(bytes, file: "journal")
        // Every sector the records touch holds a non-zero byte.
        for start in stride(from: 0, to: scan.validEnd, by: RecordFrame.sector) {
            #expect(
                bytes[start..<min(start + RecordFrame.sector, scan.validEnd)].contains { $0 != 0 }, "sector at \(start)"
            )
        }
    }
}
