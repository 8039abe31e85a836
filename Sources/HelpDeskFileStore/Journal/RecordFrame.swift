/// The framing of journal records from format version 4, built so that a write which never
/// reached the disk can be told from damage to one that did.
///
/// Layout (little-endian, 8-aligned): payload length (u32), masked CRC-32C of the stored payload
/// (u32), tag (u64: the sequence number and ``Frame/writeStart``), masked CRC-32C of the first 16
/// bytes (u32), a constant marker (u32); the payload, scrambled; zero padding to a multiple of 8;
/// a constant footer (u64, no zero byte).
///
/// Every aligned 512-byte sector that holds any byte of a written record therefore holds a
/// non-zero byte: the header's marker and tag, the footer, or scrambled payload (user text full
/// of NUL characters is stored as noise, never as a run of zeros). A sector of zeros inside a
/// record was never written — the journal is preallocated with zeros — while a flipped bit leaves
/// no such sector. The header has its own checksum, so its length is trusted before it is used.
enum RecordFrame {
    /// Bytes before the payload.
    static let headerSize = 24
    /// Bytes after the padded payload.
    static let footerSize = 8
    /// The header's constant marker, `HDKR`.
    static let marker: UInt32 = 0x524B_4448
    /// The footer: a constant with no zero byte.
    static let footer: UInt64 = 0xC3A5_96E1_7B5D_2F4B
    /// The sector size whose writes are assumed atomic; the unit of "never written".
    static let sector = 512

    /// Size of a record with a payload of `count` bytes.
    static func size(payload count: Int) -> Int { headerSize + ((count + 7) & ~7) + footerSize }

    /// Appends a record holding `payload` under `tag` to `w`.
    static func append(tag: UInt64, payload: UnsafeRawBufferPointer, to w: inout ByteWriter) {
        let start = w.bytes.count
        w.u32(UInt32(payload.count))
        w.u32(0)
        w.u64(tag)
        w.u32(0)
        w.u32(marker)
        w.bytes.append(contentsOf: payload)
        w.pad(to: 8)
        w.u64(footer)
        w.bytes.withUnsafeMutableBytes { all in
            let body = UnsafeMutableRawBufferPointer(
                rebasing: all[(start + headerSize)..<(start + headerSize + payload.count)])
            scramble(body, tag: tag)
            all.storeBytes(
                of: CRC32C.mask(CRC32C.checksum(UnsafeRawBufferPointer(body))).littleEndian, toByteOffset: start + 4,
                as: UInt32.self)
            let head = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[start..<(start + 16)]))
            all.storeBytes(of: CRC32C.mask(head).littleEndian, toByteOffset: start + 16, as: UInt32.self)
        }
    }

    /// XORs `bytes` with a keystream drawn from `tag` (SplitMix64); applying it twice restores them.
    static func scramble(_ bytes: UnsafeMutableRawBufferPointer, tag: UInt64) {
        var state = tag ^ 0x5851_F42D_4C95_7F2D
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            bytes.storeBytes(of: (word ^ next()).littleEndian, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        if index < bytes.count {
            var key = next()
            while index < bytes.count {
                bytes[index] ^= UInt8(truncatingIfNeeded: key)
                key >>= 8
                index += 1
            }
        }
    }

    /// One verified record: where it starts, its tag, its (scrambled) payload, where its footer ends.
    typealias Found = Frame.Found

    /// Why no record could be read at an offset, with the bytes that must have been written for
    /// the damage to be anything but a write that never reached the disk.
    enum Problem: Error {
        /// The file ends inside the record (a cut file: the write never completed).
        case truncated(String)
        /// The header fails its checksum; the header's bytes are the evidence.
        case damagedHeader
        /// The header is sound but the body (payload, padding or footer) is not.
        case damagedBody(Range<Int>)

        /// Words for a report.
        var reason: String {
            switch self {
            case .truncated(let what): what
            case .damagedHeader: "record header checksum mismatch"
            case .damagedBody: "record checksum mismatch"
            }
        }
    }

    /// Reads and verifies the record at `offset` of `buffer`.
    static func read(_ buffer: UnsafeRawBufferPointer, at offset: Int) throws(Problem) -> Found {
        guard buffer.count - offset >= headerSize else { throw .truncated("incomplete record header") }
        let head = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + 16)]))
        let storedHead = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self))
        let storedMarker = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 20, as: UInt32.self))
        guard CRC32C.unmask(storedHead) == head, storedMarker == marker else { throw .damagedHeader }
        let length = Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        guard length <= Frame.maximumPayload else { throw .damagedHeader }
        let end = offset + size(payload: length)
        guard end <= buffer.count else { throw .truncated("record of \(length) bytes runs past the end of the file") }
        let payload = (offset + headerSize)..<(offset + headerSize + length)
        let stored = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
        let body = (offset + headerSize)..<end
        guard CRC32C.unmask(stored) == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[payload])),
            buffer[payload.upperBound..<(end - footerSize)].allSatisfy({ $0 == 0 }),
            UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: end - footerSize, as: UInt64.self)) == footer
        else { throw .damagedBody(body) }
        let tag = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        return Found(offset: offset, tag: tag, payload: payload, end: end)
    }

    /// `true` when part of `range` (a record, or its header) shows a sector the write never
    /// reached: the bytes of the range that fall in some aligned sector are all zeros, as the
    /// preallocated file or the previous write left them (bytes past the end of the buffer count
    /// as zeros). A written record has a non-zero byte in every sector it touches.
    static func hasUnwrittenSector(_ buffer: UnsafeRawBufferPointer, in range: Range<Int>) -> Bool {
        var start = range.lowerBound / sector * sector
        while start < range.upperBound {
            let from = max(start, range.lowerBound)
            let to = min(start + sector, range.upperBound, buffer.count)
            if from >= buffer.count || buffer[from..<to].allSatisfy({ $0 == 0 }) { return true }
            start += sector
        }
        return false
    }

    /// `true` when the header bytes at `offset` hold at most two set bits: preallocated zeros with
    /// a stray flip, never a written header (its marker alone has eleven).
    static func isBlankHeader(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var bits = 0
        for index in offset..<min(offset + headerSize, buffer.count) { bits += buffer[index].nonzeroBitCount }
        return bits <= 2
    }

    /// `true` when a valid record that starts a write (``Frame/writeStart``) begins at an aligned
    /// offset after `offset`: the damage lies in a write that was acknowledged before it.
    static func laterWriteStarts(in buffer: UnsafeRawBufferPointer, after offset: Int) -> Bool {
        var candidate = (offset + 8) & ~7
        while candidate + headerSize <= buffer.count {
            let marked =
                UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: candidate + 20, as: UInt32.self)) == marker
            if marked, let found = try? read(buffer, at: candidate), found.tag & Frame.writeStart != 0 { return true }
            candidate += 8
        }
        return false
    }
}
