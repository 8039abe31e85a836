import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The open journal segment's file: appends records after the last one and makes them durable.
///
/// The file grows in steps of preallocated zeros that later records overwrite, so a sync
/// flushes only the records' pages and never a new file size (with it the inode). The zeros
/// after the last record are the journal's clean end (see ``JournalScan``).
final class SegmentFile {
    /// Path of the segment.
    let path: String
    /// Where the next record goes.
    private(set) var end: Int
    /// Size of the file: records up to `end`, zeros after it.
    private(set) var fileSize: Int
    private var fd: Int32

    /// Zero bytes written ahead of the records each time the file must grow.
    static let preallocationStep = 1 << 20

    /// Opens the segment at `path`, `fileSize` bytes long, for appending at `end`.
    init(path: String, end: Int, fileSize: Int) throws(FileStoreError) {
        self.path = path
        self.end = end
        self.fileSize = max(fileSize, end)
        fd = try FileIO.open(path, O_WRONLY)
    }

    deinit { close() }

    /// Writes `bytes` after the last record and syncs; returns once they are durable.
    func append(_ bytes: [UInt8]) throws(FileStoreError) {
        let newEnd = end + bytes.count
        try withBytes(bytes) { bytes throws(FileStoreError) in try FileIO.write(fd, bytes, at: end, path: path) }
        if newEnd > fileSize {
            let grown = (newEnd + Self.preallocationStep) & ~4095
            try withBytes([UInt8](repeating: 0, count: grown - newEnd)) { zeros throws(FileStoreError) in
                try FileIO.write(fd, zeros, at: newEnd, path: path)
            }
            fileSize = grown
        }
        try FileIO.syncData(fd, path: path)
        end = newEnd
    }

    /// Closes the file; later appends fail.
    func close() {
        if fd >= 0 { FileIO.close(fd) }
        fd = -1
    }
}
