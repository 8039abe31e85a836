import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// What opening a store tells its host, and the files that hold no data.
@Suite("Recovery report, LOCK and repair")
struct RecoveryReportTests {
    @Test func aDamagedLockIsRebuiltAndSaidSo() async throws {
        let directory = freshDirectory("lock")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        try await store.commit(smallUnit(0))
        await store.close()
        let lock = directory.appendingPathComponent(FileFormat.lockName)
        for damage in [{ (bytes: inout [UInt8]) in bytes[9] ^= 0x04 }, { bytes in bytes = Array(bytes.prefix(7)) }] {
            var bytes = [UInt8](try Data(contentsOf: lock))
            damage(&bytes)
            try Data(bytes).write(to: lock)
            let reopened = try await FileStore.open(at: directory)
            #expect(reopened.recovery.rebuiltLock)
            #expect(reopened.recovery.lines.contains { $0.contains("LOCK") })
            #expect(reopened.recovery.lastSequence == 1)
            await reopened.close()
            let again = try await FileStore.open(at: directory)
            #expect(!again.recovery.rebuiltLock)
            await again.close()
        }
    }

    @Test func aNewerLockStillRefusesTheStore() async throws {
        let directory = freshDirectory("newer-lock")
        defer { removeDirectory(directory) }
        await (try await FileStore.open(at: directory)).close()
        var header = FileFormat.header(.lock, sequence: 0)
        header[8] = UInt8(FileFormat.version + 1)
        withUnsafeBytes(of: CRC32C.mask(CRC32C.checksum(Array(header[0..<28]))).littleEndian) { crc in
            for index in 0..<4 { header[28 + index] = crc[index] }
        }
        try Data(header).write(to: directory.appendingPathComponent(FileFormat.lockName))
        await #expect(throws: FileStoreError.self) { _ = try await FileStore.open(at: directory) }
    }

    @Test func aCutTailIsReportedWithItsBytesAndTheLastRecordKept() async throws {
        let directory = freshDirectory("report")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        for index in 0..<3 { try await store.commit(smallUnit(index)) }
        await store.close()
        let segment = try newestSegment(in: directory)
        let bytes = [UInt8](try Data(contentsOf: segment))
        let last = try #require(try JournalScan(bytes, file: "s").records.last)
        try Data(bytes[..<(last.payload.lowerBound + 5)]).write(to: segment)
        let reopened = try await FileStore.open(at: directory)
        let report = reopened.recovery
        #expect(!report.isClean && report.lastSequence == 2 && report.replayedRecords == 2)
        #expect(report.truncatedTail?.offset == last.offset)
        #expect(report.truncatedTail?.discardedBytes == last.payload.lowerBound + 5 - last.offset)
        #expect(report.lines.count == 2)
        #expect(report.lines[1].contains("never acknowledged") && report.lines[1].contains("record 2"))
        await reopened.close()
        let clean = try await FileStore.open(at: directory)
        #expect(clean.recovery.isClean)
        await clean.close()
    }

    @Test func aCorruptionNamesTheRepairAndWhatItLoses() {
        let journal = FileStoreError.corrupted(file: FileFormat.journalName(1), offset: 208, reason: "x")
        #expect(
            journal.message.contains(
                "FileStore.discardJournal(in: directory, from: \"journal-0000000000000001.log\", at: 208)"))
        #expect(journal.message.contains("lost"))
        let snapshot = FileStoreError.corrupted(file: FileFormat.snapshotName(9), offset: 0, reason: "x")
        #expect(snapshot.message.contains("backup"))
    }
}
