import Foundation
import HelpDeskKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The append side of the store's files: the open journal segment and snapshot rotation.
///
/// Not thread-safe: only the store's single active writer (see ``FileStore``'s commit pipeline)
/// touches it, and it runs blocking calls on the store's I/O queue.
final class JournalWriter: @unchecked Sendable {
    /// The store directory.
    let directory: String
    /// The open segment.
    private(set) var file: SegmentFile
    /// File name of the open segment.
    private(set) var segment: String
    /// Sequence of the next record.
    var nextSequence: UInt64
    /// Sequence of the newest snapshot.
    private(set) var snapshotSequence: UInt64

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

    /// Writes `snapshot` (the encoded state after record `sequence`), starts segment `sequence + 1`,
    /// and only then deletes older segments and snapshots.
    func rotate(snapshot: [UInt8], sequence: UInt64) throws(FileStoreError) {
        try Self.createDurably(FileFormat.snapshotName(sequence), snapshot, in: directory)
        let next = FileFormat.journalName(sequence + 1)
        let header = FileFormat.header(.journal, sequence: sequence + 1)
        try Self.createDurably(next, header, in: directory)
        let newFile = try SegmentFile(path: path(next), end: header.count, fileSize: header.count)
        file.close()
        file = newFile
        segment = next
        snapshotSequence = sequence
        try removeObsolete()
    }

    /// Deletes segments and snapshots older than the newest snapshot; returns their names.
    @discardableResult
    func removeObsolete() throws(FileStoreError) -> [String] {
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
        for name in removed { try FileIO.remove(path(name)) }
        try FileIO.syncDirectory(directory)
        return removed.sorted()
    }

    /// Closes the segment.
    func close() {
        file.close()
    }
}
