import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// A power loss while a group commit's pages are written back can persist any subset of them:
/// the last write may have holes of zeros before records of its own. That write was never
/// acknowledged, so the store opens without it; the same hole in an earlier write, or damage
/// that is not an unwritten sector, stays a corruption error.
@Suite("Interrupted group writes")
struct InterruptedWriteTests {
    /// Units of about 1.5 KB each, so a write of several spans pages.
    private let units: [UnitOfWork] = TicketFixtures(seed: 11).tickets(count: 12, seed: 12).map { ticket in
        var ticket = ticket
        ticket.description = String(repeating: "Cooling unit \(ticket.number) reports a fault. ", count: 32)
        var work = UnitOfWork()
        work.save(ticket, expectedRevision: nil)
        return work
    }

    /// A segment holding `writes` (each a list of unit indices) as the writer frames them,
    /// followed by preallocated zeros; returns the bytes and each record's frame range.
    private func segment(_ writes: [[Int]], version: UInt32 = FileFormat.version) throws -> ([UInt8], [Range<Int>]) {
        var w = ByteWriter()
        w.u64(FileFormat.Kind.journal.rawValue)
        w.u32(version)
        w.u32(0)
        w.u64(1)
        w.u32(0)
        w.u32(CRC32C.mask(CRC32C.checksum(w.bytes)))
        var frames: [Range<Int>] = []
        var sequence: UInt64 = 1
        for write in writes {
            for (position, index) in write.enumerated() {
                let start = w.bytes.count
                let tag = sequence | (position == 0 && version >= 2 ? Frame.writeStart : 0)
                try RecordCodec.encode(units[index]).withUnsafeBytes { payload in
                    if version >= 4 {
                        RecordFrame.append(tag: tag, payload: payload, to: &w)
                    } else {
                        Frame.append(tag: tag, payload: payload, to: &w)
                    }
                }
                frames.append(start..<w.bytes.count)
                sequence += 1
            }
        }
        w.bytes += [UInt8](repeating: 0, count: 65_536 - w.bytes.count % 4_096)
        return (w.bytes, frames)
    }

    /// Zeros the first whole 4 KiB page from the start of frame `record` on (an unwritten page).
    private func losePage(in bytes: inout [UInt8], frames: [Range<Int>], record: Int) throws -> Range<Int> {
        let page = (frames[record].lowerBound + 4_095) / 4_096 * 4_096
        try #require(page + 4_096 < frames[frames.count - 2].upperBound, "whole records must follow the page")
        for index in page..<(page + 4_096) { bytes[index] = 0 }
        return page..<(page + 4_096)
    }

    /// Writes `bytes` as the only segment of a fresh store directory.
    private func store(with bytes: [UInt8]) throws -> URL {
        let directory = freshDirectory("interrupted")
        try Data(bytes).write(to: directory.appendingPathComponent(FileFormat.journalName(1)))
        return directory
    }

    /// The image of the first `count` units applied in order.
    private func image(after count: Int) async throws -> StoreImage {
        let memory = InMemoryStore()
        for work in units.prefix(count) { try await memory.commit(work) }
        return memory.image()
    }

    @Test func unwrittenPageInTheLastWriteIsATornTail() async throws {
        var (bytes, frames) = try segment([[0], [1], Array(2..<9)])
        let lost = try losePage(in: &bytes, frames: frames, record: 3)
        // Records of the last write wholly before the hole survive; the first one touching it does not.
        let survivors = frames.firstIndex { $0.upperBound > lost.lowerBound }!
        #expect(frames.contains { $0.lowerBound >= lost.upperBound }, "valid records follow the hole")
        let directory = try store(with: bytes)
        defer { removeDirectory(directory) }
        let opened = try await FileStore.open(at: directory)
        #expect(opened.recovery.lastSequence == UInt64(survivors))
        #expect(opened.recovery.truncatedTail?.offset == frames[survivors].lowerBound)
        #expect(opened.recovery.truncatedTail?.reason.hasSuffix("the last write never reached these sectors") == true)
        #expect(try opened.image() == (try await image(after: survivors)))
        // The store goes on from there, and a second open finds a clean journal.
        try await opened.commit(units[11])
        await opened.close()
        let again = try await FileStore.open(at: directory)
        #expect(again.recovery.truncatedTail == nil)
        #expect(again.recovery.lastSequence == UInt64(survivors + 1))
        await again.close()
    }

    @Test func unwrittenPageInAnEarlierWriteIsCorruption() async throws {
        var (bytes, frames) = try segment([[0], Array(1..<8), [8]])
        _ = try losePage(in: &bytes, frames: frames, record: 2)
        let directory = try store(with: bytes)
        defer { removeDirectory(directory) }
        await expectCorruption(in: directory)
    }

    @Test func garbageInTheLastWriteIsCorruption() async throws {
        var (bytes, frames) = try segment([[0], Array(1..<9)])
        var random = SplitMix64(seed: 5)
        for index in frames[3].lowerBound + 40..<frames[3].lowerBound + 200 {
            bytes[index] ^= UInt8(random.next() % 255 + 1)
        }
        let directory = try store(with: bytes)
        defer { removeDirectory(directory) }
        await expectCorruption(in: directory)
    }

    @Test func versionOneSegmentsKeepTheStrictRule() async throws {
        var (bytes, frames) = try segment([[0], [1], Array(2..<9)], version: 1)
        _ = try losePage(in: &bytes, frames: frames, record: 3)
        let directory = try store(with: bytes)
        defer { removeDirectory(directory) }
        await expectCorruption(in: directory, reason: "before valid records")
    }

    /// Every record the writer journals starts a write when it commits alone.
    @Test func writerMarksTheStartOfEachWrite() async throws {
        let directory = freshDirectory("marks")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        for work in units.prefix(3) { try await store.commit(work) }
        await store.close()
        let bytes = [UInt8](try Data(contentsOf: try newestSegment(in: directory)))
        let records = try JournalScan(bytes, file: "segment").records
        #expect(records.map(\.sequence) == [1, 2, 3])
        let tags = bytes.withUnsafeBytes { buffer in
            records.map { (try? RecordFrame.read(buffer, at: $0.offset))?.tag }
        }
        #expect(tags == records.map { $0.sequence | Frame.writeStart })
    }

    private func expectCorruption(in directory: URL, reason expected: String = "acknowledged") async {
        do {
            _ = try await FileStore.open(at: directory)
            Issue.record("the damaged store opened")
        } catch {
            guard case .corrupted(let file, _, let reason) = error.reason else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == FileFormat.journalName(1))
            #expect(reason.contains(expected), "\(reason)")
        }
    }
}
