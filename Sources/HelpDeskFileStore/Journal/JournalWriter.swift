import Foundation
import HelpDeskKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The append side of the store's files: the open journal segment, its rotation, and writing
/// snapshot files.
///
/// Not thread-safe: only the store's single active writer (see ``FileStore``'s commit pipeline)
/// touches an instance, and it runs blocking calls on the store's I/O queue. The static snapshot
/// functions touch no open file of the writer; the snapshot queue runs them beside it.
final class JournalWriter: @unchecked Sendable {
    /// The store directory.
    let directory: String
    /// The open segment.
    private(set) var file: SegmentFile
    /// File name of the open segment.
    private(set) var segment: String
    /// Sequence of the next record.
    var nextSequence: UInt64
    /// Sequence of the newest durable snapshot.
    var snapshotSequence: UInt64

    /// Takes over an open segment.
    init(directory: String, file: SegmentFile, segment: String, nextSequence: UInt64, snapshotSequence: UInt64) {
        self.directory = directory
        self.file = file
        self.segment = segment
        self.nextSequence = nextSequence
        self.snapshotSequence = snapshotSequence
    }

    /// Full path of a file in the store directory.
    func path(_ name: String) -> String { directory + "/" + name }

    /// Bytes of journal in the open segment.
    var segmentBytes: Int { file.end }

    /// Appends framed records and makes them durable before returning.
    func append(_ bytes: [UInt8]) throws(FileStoreError) {
        try file.append(bytes)
    }

    /// Creates a file durably: written under a temporary name, synced, renamed, directory synced.
    static func createDurably(_ name: String, _ bytes: [UInt8], in directory: String) throws(FileStoreError) {
        let target = directory + "/" + name
        let temporary = target + FileFormat.temporarySuffix
        let fd = try FileIO.open(temporary, O_WRONLY | O_CREAT | O_TRUNC)
        do {
            try withBytes(bytes) { buffer throws(FileStoreError) in try FileIO.write(fd, buffer, at: 0, path: temporary)
            }
            try FileIO.syncFile(fd, path: temporary)
        } catch {
            FileIO.close(fd)
            throw error
        }
        FileIO.close(fd)
        try FileIO.rename(temporary, target)
        try FileIO.syncDirectory(directory)
    }

    /// Seals the open segment after record `sequence` and continues the journal in a new segment
    /// `sequence + 1`, created durably; the sealed segments stay until a snapshot replaces them.
    func startSegment(after sequence: UInt64) throws(FileStoreError) {
        let next = FileFormat.journalName(sequence + 1)
        let header = FileFormat.header(.journal, sequence: sequence + 1)
        try Self.createDurably(next, header, in: directory)
        let newFile = try SegmentFile(path: path(next), end: header.count, fileSize: header.count)
        file.close()
        file = newFile
        segment = next
    }

    /// Writes `snapshot` (the encoded state after record `sequence`) durably, then deletes the
    /// segments and snapshots it makes obsolete, keeping the open `segment`; returns their names.
    ///
    /// Touches no open file of the writer, so it may run beside it once the writer has started
    /// `segment` after `sequence`.
    static func writeSnapshot(
        _ snapshot: [UInt8], sequence: UInt64, in directory: String, keeping segment: String
    ) throws(FileStoreError) -> [String] {
        try createDurably(FileFormat.snapshotName(sequence), snapshot, in: directory)
        return try removeObsolete(in: directory, snapshotSequence: sequence, keeping: segment)
    }

    /// Deletes segments and snapshots older than the newest snapshot; returns their names.
    @discardableResult
    func removeObsolete() throws(FileStoreError) -> [String] {
        try Self.removeObsolete(in: directory, snapshotSequence: snapshotSequence, keeping: segment)
    }

    /// Deletes, in `directory`, the segments whose records all precede snapshot `snapshotSequence`
    /// (all but `segment`, the open one) and the older snapshots; returns their names.
    static func removeObsolete(
        in directory: String, snapshotSequence: UInt64, keeping segment: String
    ) throws(FileStoreError) -> [String] {
        var removed: [String] = []
        for name in try FileIO.list(directory) {
            if let first = FileFormat.sequence(inName: name, kind: .journal), first <= snapshotSequence,
                name != segment
            {
                removed.append(name)
            } else if let last = FileFormat.sequence(inName: name, kind: .snapshot), last < snapshotSequence {
                removed.append(name)
            }
        }
        guard !removed.isEmpty else { return [] }
        for name in removed { try FileIO.remove(directory + "/" + name) }
        try FileIO.syncDirectory(directory)
        return removed.sorted()
    }

    /// Closes the segment.
    func close() {
        file.close()
    }
}
