/// Magic numbers, versions, names and the 32-byte header every store file starts with.
///
/// Header layout (little-endian): magic (8 bytes), format version (u32), reserved (u32, 0),
/// sequence (u64: a journal segment's first record, a snapshot's last included record),
/// reserved (u32, 0), masked CRC-32C of the first 28 bytes (u32).
enum FileFormat {
    /// The newest format version this build writes and reads.
    ///
    /// Version 2 added journal records of kind 2 (binary history, see ``RecordCodec``) and the
    /// write-start flag on frame tags (``Frame/writeStart``); version 3 added snapshot ticket
    /// chunks with binary history (section kind 4, see ``SnapshotCodec``); version 4 frames journal
    /// records with a checksummed header, a scrambled payload and a footer (``RecordFrame``), so
    /// a write that never completed can be told from damage to an acknowledged one. Files of
    /// versions 1–3 are still read; a store's last segment of an older version is left as it is
    /// and the journal continues in a new segment.
    static let version: UInt32 = 4
    /// Size of the file header; records and sections start at this (8-aligned) offset.
    static let headerSize = 32

    /// The kind of a store file, identified by its magic number.
    enum Kind: UInt64 {
        /// A journal segment: `HDKJOURN`.
        case journal = 0x4E52_554F_4A4B_4448
        /// A snapshot: `HDKSNAPS`.
        case snapshot = 0x5350_414E_534B_4448
        /// The lock file: `HDKLOCK_`.
        case lock = 0x5F4B_434F_4C4B_4448
    }

    /// Name of the lock file.
    static let lockName = "LOCK"
    /// Suffix of files being written; they are ignored and deleted on open.
    static let temporarySuffix = ".tmp"

    /// File name of the journal segment whose first record is `sequence`.
    static func journalName(_ sequence: UInt64) -> String { "journal-\(hex(sequence)).log" }

    /// File name of the snapshot including records up to `sequence`.
    static func snapshotName(_ sequence: UInt64) -> String { "snapshot-\(hex(sequence)).snap" }

    /// The sequence in a journal or snapshot file name of `kind`, or `nil` for other names.
    static func sequence(inName name: String, kind: Kind) -> UInt64? {
        let (prefix, suffix) = kind == .journal ? ("journal-", ".log") : ("snapshot-", ".snap")
        guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count == prefix.count + 16 + suffix.count
        else { return nil }
        return UInt64(name.dropFirst(prefix.count).dropLast(suffix.count), radix: 16)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The header of a file of `kind` carrying `sequence`.
    static func header(_ kind: Kind, sequence: UInt64) -> [UInt8] {
        var w = ByteWriter()
        w.u64(kind.rawValue)
        w.u32(version)
        w.u32(0)
        w.u64(sequence)
        w.u32(0)
        w.u32(CRC32C.mask(CRC32C.checksum(w.bytes)))
        return w.bytes
    }

    /// What a file header says.
    struct Header {
        /// The format version the file was written in.
        var version: UInt32
        /// A journal segment's first record, a snapshot's last included record.
        var sequence: UInt64
    }

    /// Checks the header of `bytes` (the content of `file`) and returns what it says.
    static func readHeader(_ bytes: [UInt8], kind: Kind, file: String) throws(FileStoreError) -> Header {
        guard bytes.count >= 12 else {
            throw .corrupted(file: file, offset: 0, reason: "file is shorter than its header")
        }
        return try withBytes(bytes) { buffer throws(FileStoreError) in
            var r = ByteReader(buffer)
            do {
                guard bytes.count >= headerSize else {
                    guard try r.u64() == kind.rawValue else { throw FileStoreError.notAStore(file: file) }
                    throw FileStoreError.corrupted(file: file, offset: 0, reason: "file is shorter than its header")
                }
                // The checksum before any field: a damaged magic number or version is damage, not
                // another kind of file or a newer format.
                let stored = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
                let actual = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[0..<28]))
                let magic = try r.u64()
                guard CRC32C.unmask(stored) == actual else {
                    // A magic number a few flipped bits away is a damaged store file; anything
                    // else was never one.
                    guard (magic ^ kind.rawValue).nonzeroBitCount <= 4 else {
                        throw FileStoreError.notAStore(file: file)
                    }
                    throw FileStoreError.corrupted(file: file, offset: 0, reason: "header checksum mismatch")
                }
                guard magic == kind.rawValue else { throw FileStoreError.notAStore(file: file) }
                let found = try r.u32()
                guard found <= version, found >= 1 else {
                    throw FileStoreError.unsupportedVersion(file: file, version: found, supported: version)
                }
                _ = try r.u32()
                let sequence = try r.u64()
                return Header(version: found, sequence: sequence)
            } catch let error as FileStoreError {
                throw error
            } catch {
                throw FileStoreError.corrupted(file: file, offset: 0, reason: "unreadable header")
            }
        }
    }
}
