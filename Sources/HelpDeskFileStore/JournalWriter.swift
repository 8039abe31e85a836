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
    /// Descriptor of the open segment.
    private(set) var fd: Int32
    /// File name of the open segment.
    private(set) var segment: String
    /// Where the next record goes in the open segment.
    private(set) var offset: Int
    /// Size of the open segment's file: records up to `offset`, preallocated zeros after it.
    private(set) var fileSize: Int
    /// Sequence of the next record.
    var nextSequence: UInt64
    /// Sequence of the newest snapshot.
    private(set) var snapshotSequence: UInt64

    /// Zero bytes written ahead of the records each time the segment's file must grow.
    static let preallocationStep = 1 << 20

    /// Takes over an open segment whose file holds `fileSize` bytes.
    init(
        directory: String, fd: Int32, segment: String, offset: Int, fileSize: Int, nextSequence: UInt64,
        snapshotSequence: UInt64
    ) {
        self.directory = directory
        self.fd = fd
        self.segment = segment
        self.offset = offset
        self.fileSize = max(fileSize, offset)
        self.nextSequence = nextSequence
        self.snapshotSequence = snapshotSequence
    }

    /// Full path of a file in the store directory.
    func path(_ name: String) -> String { directory + "/" + name }

    /// Bytes of journal in the open segment.
    var segmentBytes: Int { offset }

    /// Appends framed records and makes them durable before returning.
    ///
    /// Records overwrite zeros written ahead of them (``preallocationStep`` at a time), so most
    /// syncs flush only the records' pages: the file's size, and with it the inode, stays put.
    func append(_ bytes: [UInt8]) throws(FileStoreError) {
        let end = offset + bytes.count
        try withBytes(bytes) { buffer throws(FileStoreError) in
            try FileIO.write(fd, buffer, at: offset, path: path(segment))
        }
        if end > fileSize {
            let grown = (end + Self.preallocationStep) & ~4095
            try withBytes([UInt8](repeating: 0, count: grown - end)) { zeros throws(FileStoreError) in
                try FileIO.write(fd, zeros, at: end, path: path(segment))
            }
            fileSize = grown
        }
        try FileIO.syncData(fd, path: path(segment))
        offset = end
    }

    /// Creates a file durably: written under a temporary name, synced, renamed, directory synced.
    func createDurably(_ name: String, _ bytes: [UInt8]) throws(FileStoreError) {
        let temporary = path(name + FileFormat.temporarySuffix)
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
        try FileIO.rename(temporary, path(name))
        try FileIO.syncDirectory(directory)
    }

    /// Writes `snapshot` (the encoded state after record `sequence`), starts segment `sequence + 1`,
    /// and only then deletes older segments and snapshots.
    func rotate(snapshot: [UInt8], sequence: UInt64) throws(FileStoreError) {
        try createDurably(FileFormat.snapshotName(sequence), snapshot)
        let next = FileFormat.journalName(sequence + 1)
        try createDurably(next, FileFormat.header(.journal, sequence: sequence + 1))
        let newFD = try FileIO.open(path(next), O_WRONLY)
        FileIO.close(fd)
        fd = newFD
        segment = next
        offset = FileFormat.headerSize
        fileSize = FileFormat.headerSize
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
        if fd >= 0 { FileIO.close(fd) }
        fd = -1
    }
}
