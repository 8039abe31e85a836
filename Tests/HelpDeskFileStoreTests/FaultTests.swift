import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

@Suite("Torn writes, bit flips and interrupted snapshots")
struct FaultTests {
    /// A store with `records` small commits; returns the images before and after the last one.
    private func makeStore(_ directory: URL, records: Int) async throws -> (beforeLast: StoreImage, all: StoreImage) {
        let store = try await FileStore.open(at: directory)
        for index in 0..<(records - 1) { try await store.commit(smallUnit(index)) }
        let beforeLast = try store.image()
        var last = UnitOfWork()
        last.acknowledgedEvents = [7]
        try await store.commit(last)
        let all = try store.image()
        await store.close()
        return (beforeLast, all)
    }

    /// Offset of the last record of a segment's bytes.
    private func lastRecordOffset(_ bytes: [UInt8]) throws -> Int {
        try #require(try JournalScan(bytes, file: "segment").records.last).offset
    }

    /// Offset just after the last record's frame: the writer's preallocated zeros start there.
    private func lastRecordEnd(_ bytes: [UInt8]) throws -> Int {
        let last = try #require(try JournalScan(bytes, file: "segment").records.last)
        return last.offset + RecordFrame.size(payload: last.payload.count)
    }

    /// Where the checks of every byte stop, and a few offsets deep in the preallocated zeros.
    private func offsetsToDamage(_ bytes: [UInt8]) throws -> [Int] {
        let recordsEnd = try lastRecordEnd(bytes)
        #expect(bytes.count > recordsEnd + 4_096, "the segment should carry preallocated zeros")
        #expect(bytes[recordsEnd...].allSatisfy { $0 == 0 })
        return Array(0..<(recordsEnd + 64)) + [recordsEnd + 1_000, bytes.count / 2, bytes.count - 1]
    }

    /// Cutting the journal at every byte of the last record opens with all earlier commits.
    @Test func truncationAtEveryOffsetOfTheLastRecord() async throws {
        let directory = freshDirectory("truncate")
        defer { removeDirectory(directory) }
        let images = try await makeStore(directory, records: 4)
        let segment = try newestSegment(in: directory)
        let original = [UInt8](try Data(contentsOf: segment))
        let start = try lastRecordOffset(original)
        // A record is whole once its footer is: any shorter cut loses it (it was never acknowledged).
        let recordsEnd = try lastRecordEnd(original)
        for cut in Array(start..<(recordsEnd + 24)) + [original.count / 2, original.count] {
            try Data(original[..<cut]).write(to: segment)
            let store = try await FileStore.open(at: directory)
            let intact = cut >= recordsEnd
            #expect(try store.image() == (intact ? images.all : images.beforeLast), "cut at \(cut)")
            #expect(store.recovery.lastSequence == (intact ? 4 : 3))
            #expect((store.recovery.truncatedTail != nil) == (cut > start && !intact), "cut at \(cut)")
            #expect(store.recovery.truncatedTail?.offset ?? start == start, "cut at \(cut)")
            await store.close()
            // The truncation is permanent: the next open finds a clean journal.
            let again = try await FileStore.open(at: directory)
            #expect(again.recovery.truncatedTail == nil)
            await again.close()
        }
        try Data(original).write(to: segment)
        let whole = try await FileStore.open(at: directory)
        #expect(try whole.image() == images.all)
        await whole.close()
    }

    /// Flipping any bit of the journal is detected: damage to any acknowledged record, the last
    /// one included, refuses to open with the file and offset; a stray bit in the preallocated
    /// zeros after the records is cut off and reported, losing nothing.
    @Test func everyBitFlipInTheJournalIsDetected() async throws {
        let directory = freshDirectory("flip")
        defer { removeDirectory(directory) }
        let images = try await makeStore(directory, records: 4)
        let segment = try newestSegment(in: directory)
        let original = [UInt8](try Data(contentsOf: segment))
        let recordsEnd = try lastRecordEnd(original)
        var random = SplitMix64(seed: 77)
        for position in try offsetsToDamage(original) {
            var damaged = original
            damaged[position] ^= 1 << UInt8(random.next() % 8)
            try Data(damaged).write(to: segment)
            do {
                let store = try await FileStore.open(at: directory)
                #expect(position >= recordsEnd, "flip at \(position) in an acknowledged record went unnoticed")
                #expect(store.recovery.truncatedTail?.offset == recordsEnd, "flip at \(position)")
                #expect(try store.image() == images.all)
                await store.close()
            } catch let error as FileStoreError {
                switch error.reason {
                case .corrupted(let file, let offset, _):
                    #expect(file == segment.lastPathComponent)
                    #expect(offset <= position, "flip at \(position) reported at \(offset)")
                    #expect(position < recordsEnd, "a stray bit at \(position) after the records refused the store")
                case .notAStore, .unsupportedVersion: #expect(position < FileFormat.headerSize)
                default: Issue.record("flip at \(position): unexpected \(error)")
                }
            }
            try Data(original).write(to: segment)
        }
    }

    /// Any bit flip in a snapshot refuses to open with a corruption error naming the snapshot.
    @Test func bitFlipsInASnapshotAreDetected() async throws {
        let directory = freshDirectory("snapflip")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        try await runRandomCommands(on: store, seed: 3, count: 30)
        try await store.snapshot()
        await store.close()
        let snapshot = try #require(try newestSnapshot(in: directory))
        let original = [UInt8](try Data(contentsOf: snapshot))
        for position in stride(from: 0, to: original.count, by: max(1, original.count / 400)) {
            var damaged = original
            damaged[position] ^= 0x10
            try Data(damaged).write(to: snapshot)
            await #expect(throws: FileStoreError.self, "flip at \(position)") {
                _ = try await FileStore.open(at: directory)
            }
        }
        try Data(original).write(to: snapshot)
        await (try await FileStore.open(at: directory)).close()
    }

    /// Damage in the middle of the journal names the segment and the damaged record's offset.
    @Test func middleCorruptionNamesFileAndOffset() async throws {
        let directory = freshDirectory("middle")
        defer { removeDirectory(directory) }
        _ = try await makeStore(directory, records: 4)
        let segment = try newestSegment(in: directory)
        var bytes = [UInt8](try Data(contentsOf: segment))
        let records = try JournalScan(bytes, file: "segment").records
        bytes[records[1].payload.lowerBound + 3] ^= 0x01
        try Data(bytes).write(to: segment)
        await #expect(
            throws: FileStoreError.corrupted(
                file: segment.lastPathComponent, offset: records[1].offset,
                reason: "record checksum mismatch in an acknowledged write (a later write follows it)")
        ) { _ = try await FileStore.open(at: directory) }
        // The documented last resort: discard the journal from the damaged record on.
        try FileStore.discardJournal(in: directory, from: segment.lastPathComponent, at: records[1].offset)
        let store = try await FileStore.open(at: directory)
        #expect(store.recovery.lastSequence == 1)
        await store.close()
    }

    /// A crash between writing a snapshot and renaming it leaves the previous state intact.
    @Test(arguments: [false, true])
    func crashBeforeSnapshotRename(complete: Bool) async throws {
        let directory = freshDirectory("snaptmp")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        try await runRandomCommands(on: store, seed: 4, count: 40)
        try await store.snapshot()
        for index in 0..<5 { try await store.commit(smallUnit(index)) }
        let expected = try store.image()
        let last = store.writer.nextSequence - 1
        // What the interrupted snapshot would have written under its temporary name.
        let bytes = try SnapshotCodec.encode(expected, sequence: last)
        await store.close()
        let temporary = directory.appendingPathComponent(FileFormat.snapshotName(last) + ".tmp")
        try Data(complete ? bytes : Array(bytes.prefix(bytes.count / 2))).write(to: temporary)

        let reopened = try await FileStore.open(at: directory)
        #expect(try reopened.image() == expected)
        #expect(reopened.recovery.removedTemporaryFiles == [temporary.lastPathComponent])
        #expect(reopened.recovery.replayedRecords == 5)
        await reopened.close()
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
    }

    /// A crash after the snapshot rename but before old segments are deleted replays nothing twice.
    @Test func crashBeforeOldSegmentsAreDeleted() async throws {
        let directory = freshDirectory("leftover")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        for index in 0..<5 { try await store.commit(smallUnit(index)) }
        let oldSegment = try newestSegment(in: directory)
        let oldBytes = try Data(contentsOf: oldSegment)
        try await store.snapshot()
        try await store.commit(smallUnit(99))
        let expected = try store.image()
        await store.close()
        try oldBytes.write(to: oldSegment)  // As if the deletion never happened.
        let reopened = try await FileStore.open(at: directory)
        #expect(try reopened.image() == expected)
        #expect(reopened.recovery.replayedRecords == 1)
        #expect(reopened.recovery.removedObsoleteFiles == [oldSegment.lastPathComponent])
        await reopened.close()
    }
}
