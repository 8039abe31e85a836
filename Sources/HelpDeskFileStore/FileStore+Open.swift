import Foundation
import HelpDeskKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileStore {
    /// Opens (creating if needed) the store in `directory`: takes the lock, loads the newest
    /// snapshot, replays the journal after it and cuts off a torn tail.
    ///
    /// Throws ``FileStoreError/locked(path:)`` when another handle holds the store,
    /// ``FileStoreError/unsupportedVersion(file:version:supported:)`` for a newer format, and
    /// ``FileStoreError/corrupted(file:offset:reason:)`` for damage anywhere but the journal's tail.
    public static func open(
        at directory: URL, options: FileStoreOptions = FileStoreOptions()
    ) async throws(FileStoreError) -> FileStore {
        let path = directory.standardizedFileURL.path
        try FileIO.makeDirectory(path)
        let (lockFD, rebuiltLock) = try acquireLock(in: path)
        do {
            let blobs = try FileBlobStore(directory: URL(fileURLWithPath: path + "/" + blobDirectoryName))
            var (memory, writer, report) = try await recover(path)
            report.rebuiltLock = rebuiltLock
            return FileStore(
                directory: URL(fileURLWithPath: path, isDirectory: true), options: options, memory: memory,
                blobs: blobs, writer: writer, lockFD: lockFD, recovery: report)
        } catch {
            FileIO.unlockAndClose(lockFD)
            throw error
        }
    }

    /// The directory of the store's blobs, beside the journal.
    public static let blobDirectoryName = "blobs"

    /// Opens and locks `LOCK`, writing its header when the store is new, and checks its version;
    /// an older store's `LOCK` is rewritten at the current version, so that an older build
    /// refuses the store once this one may have written newer records to it. `LOCK` holds no
    /// data: a damaged one is rebuilt (every other file checks its own version), and the second
    /// value says so.
    private static func acquireLock(in directory: String) throws(FileStoreError) -> (Int32, Bool) {
        let lockPath = directory + "/" + FileFormat.lockName
        let fd = try FileIO.open(lockPath, O_RDWR | O_CREAT)
        do {
            guard try FileIO.tryLock(fd, path: lockPath) else { throw FileStoreError.locked(path: directory) }
            let existing = try FileIO.readAll(lockPath)
            let (isCurrent, rebuilt) = try lockState(existing)
            if !isCurrent {
                try withBytes(FileFormat.header(.lock, sequence: 0)) { bytes throws(FileStoreError) in
                    try FileIO.write(fd, bytes, at: 0, path: lockPath)
                }
                try FileIO.truncate(lockPath, to: FileFormat.headerSize)
                try FileIO.syncFile(fd, path: lockPath)
                try FileIO.syncDirectory(directory)
            }
            return (fd, rebuilt)
        } catch let error as FileStoreError {
            FileIO.close(fd)
            throw error
        } catch {
            FileIO.close(fd)
            throw .io(operation: "lock", path: lockPath, errno: 0)
        }
    }

    /// Whether `LOCK`'s content is at the current version, and whether it is damaged (it is then
    /// rebuilt); a newer version still refuses the store.
    private static func lockState(_ existing: [UInt8]) throws(FileStoreError) -> (current: Bool, damaged: Bool) {
        guard !existing.isEmpty else { return (false, false) }
        let header: FileFormat.Header
        do {
            header = try FileFormat.readHeader(existing, kind: .lock, file: FileFormat.lockName)
        } catch {
            guard error.code == .corrupted || error.code == .notAStore else { throw error }
            return (false, true)
        }
        return (header.version == FileFormat.version, false)
    }

    /// Loads the newest snapshot and replays the journal; returns the state, the writer and a report.
    private static func recover(
        _ directory: String
    ) async throws(FileStoreError) -> (InMemoryStore, JournalWriter, RecoveryReport) {
        var report = RecoveryReport()
        var names = try FileIO.list(directory)
        for name in names where name.hasSuffix(FileFormat.temporarySuffix) {
            try FileIO.remove(directory + "/" + name)
            report.removedTemporaryFiles.append(name)
        }
        if !report.removedTemporaryFiles.isEmpty {
            try FileIO.syncDirectory(directory)
            names.removeAll { $0.hasSuffix(FileFormat.temporarySuffix) }
        }
        report.removedTemporaryFiles.sort()

        var image = StoreImage()
        if let newest = names.compactMap({ FileFormat.sequence(inName: $0, kind: .snapshot) }).max() {
            let name = FileFormat.snapshotName(newest)
            let loaded = try SnapshotCodec.decode(try FileIO.readAll(directory + "/" + name), file: name)
            guard loaded.sequence == newest else {
                throw .corrupted(file: name, offset: 0, reason: "header names record \(loaded.sequence)")
            }
            image = loaded.image
            report.snapshotSequence = newest
        }
        let memory = InMemoryStore(image: image)

        let segments = names.compactMap { FileFormat.sequence(inName: $0, kind: .journal) }.sorted()
        var expected = report.snapshotSequence + 1
        var end = FileFormat.headerSize
        var fileSize = FileFormat.headerSize
        var lastVersion = FileFormat.version
        for (position, first) in segments.enumerated() {
            let name = FileFormat.journalName(first)
            let isLast = position == segments.count - 1
            let scan = try JournalScan(try FileIO.readAll(directory + "/" + name), file: name)
            let bytes = scan.bytes
            guard scan.firstSequence == first else {
                throw .corrupted(file: name, offset: 0, reason: "header names record \(scan.firstSequence)")
            }
            guard first <= expected else {
                throw .corrupted(
                    file: name, offset: 0,
                    reason: "segment starts at record \(first) but records \(expected)..<\(first) are missing")
            }
            if let tail = scan.tornTail {
                guard isLast else {
                    throw .corrupted(file: name, offset: tail.offset, reason: tail.reason + " in a sealed segment")
                }
                try FileIO.truncate(directory + "/" + name, to: tail.offset)
                report.truncatedTail = RecoveryReport.TruncatedTail(
                    file: name, offset: tail.offset, discardedBytes: bytes.count - tail.offset, reason: tail.reason)
            }
            for record in scan.records where record.sequence > report.snapshotSequence {
                guard record.sequence == expected else {
                    throw .corrupted(
                        file: name, offset: record.offset,
                        reason: "expected record \(expected), found \(record.sequence)")
                }
                do {
                    let work = try bytes.withUnsafeBytes { buffer throws(MalformedBytes) in
                        try RecordCodec.decode(UnsafeRawBufferPointer(rebasing: buffer[record.payload]))
                    }
                    try await memory.commit(work)
                } catch {
                    throw .corrupted(file: name, offset: record.offset, reason: "record \(record.sequence): \(error)")
                }
                expected += 1
                report.replayedRecords += 1
            }
            end = scan.validEnd
            fileSize = scan.tornTail?.offset ?? bytes.count
            lastVersion = scan.version
        }

        let segment: String
        if let last = segments.last {
            segment = FileFormat.journalName(last)
        } else {
            segment = FileFormat.journalName(expected)
            let header = FileFormat.header(.journal, sequence: expected)
            try JournalWriter.createDurably(segment, header, in: directory)
            (end, fileSize) = (header.count, header.count)
        }
        let file = try SegmentFile(path: directory + "/" + segment, end: end, fileSize: fileSize)
        let writer = JournalWriter(
            directory: directory, file: file, segment: segment, nextSequence: expected,
            snapshotSequence: report.snapshotSequence)
        report.lastSequence = expected - 1
        do {
            // Records are appended in the segment's own format: an older segment is left sealed.
            if lastVersion < FileFormat.version { try writer.startSegment(after: expected - 1) }
            report.removedObsoleteFiles = try writer.removeObsolete()
        } catch {
            writer.close()
            throw error
        }
        return (memory, writer, report)
    }
}
