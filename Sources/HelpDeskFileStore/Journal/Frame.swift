/// The framing of journal records and snapshot sections.
///
/// A frame starts at an 8-byte-aligned offset: payload length (u32), masked CRC-32C (u32) of the
/// length, tag and payload bytes, tag (u64: a record's sequence number or a section's kind), the
/// payload, then zero padding to the next multiple of 8 (as etcd does), so the 8-byte length/CRC
/// word of the next frame never straddles a sector and cannot be torn.
enum Frame {
    /// Bytes before the payload.
    static let headerSize = 16
    /// Flag in a journal record's tag (format version 2): the record is the first of one write
    /// (one group commit). The rest of the tag is the sequence number.
    static let writeStart: UInt64 = 1 << 63
    /// Largest payload a reader accepts (1 GiB); anything larger is treated as damage.
    static let maximumPayload = 1 << 30

    /// Appends a frame holding `payload` to `writer`.
    static func append(tag: UInt64, payload: UnsafeRawBufferPointer, to w: inout ByteWriter) {
        w.u32(UInt32(payload.count))
        let crcOffset = w.bytes.count
        w.u32(0)
        w.u64(tag)
        w.bytes.append(contentsOf: payload)
        let crc = w.bytes.withUnsafeBytes { all in
            let lengthCRC = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[(crcOffset - 4)..<crcOffset]))
            return CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[(crcOffset + 4)...]), continuing: lengthCRC)
        }
        withUnsafeBytes(of: CRC32C.mask(crc).littleEndian) { crcBytes in
            for index in 0..<4 { w.bytes[crcOffset + index] = crcBytes[index] }
        }
        w.pad(to: 8)
    }

    /// Size of a frame with a payload of `count` bytes, padding included.
    static func size(payload count: Int) -> Int { (headerSize + count + 7) & ~7 }

    /// One frame found in a buffer.
    struct Found {
        /// Offset of the frame's first byte.
        var offset: Int
        /// The frame's tag.
        var tag: UInt64
        /// Range of the payload in the buffer.
        var payload: Range<Int>
        /// Offset just after the frame (its padding, or a record's footer).
        var end: Int
    }

    /// Why no frame could be read at an offset.
    enum Problem: Error {
        /// Fewer bytes remain than a frame header.
        case shortHeader
        /// The length runs past the end of the buffer.
        case lengthBeyondEnd(UInt32)
        /// The checksum does not match.
        case checksumMismatch
    }

    /// Reads and verifies the frame at `offset` of `buffer`.
    static func read(_ buffer: UnsafeRawBufferPointer, at offset: Int) throws(Problem) -> Found {
        let found = try locate(buffer, at: offset)
        try verify(found, in: buffer)
        return found
    }

    /// Reads the frame header at `offset` of `buffer` without checking the checksum: only for a
    /// reader that calls ``verify(_:in:)`` on the frame before trusting anything in it.
    static func locate(_ buffer: UnsafeRawBufferPointer, at offset: Int) throws(Problem) -> Found {
        guard buffer.count - offset >= headerSize else { throw .shortHeader }
        let length = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        guard Int(length) <= maximumPayload, offset + headerSize + Int(length) <= buffer.count else {
            throw .lengthBeyondEnd(length)
        }
        let payload = (offset + headerSize)..<(offset + headerSize + Int(length))
        let tag = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        return Found(offset: offset, tag: tag, payload: payload, end: offset + size(payload: Int(length)))
    }

    /// Checks the checksum and the zero padding of a frame found by ``locate(_:at:)``.
    static func verify(_ frame: Found, in buffer: UnsafeRawBufferPointer) throws(Problem) {
        let offset = frame.offset
        let stored = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
        let lengthCRC = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + 4]))
        let crc = CRC32C.checksum(
            UnsafeRawBufferPointer(rebasing: buffer[(offset + 8)..<frame.payload.upperBound]), continuing: lengthCRC)
        guard CRC32C.unmask(stored) == crc else { throw .checksumMismatch }
        for index in frame.payload.upperBound..<min(frame.end, buffer.count) where buffer[index] != 0 {
            throw .checksumMismatch  // Padding is always zero; anything else is damage.
        }
    }

    /// `true` when some valid frame starts at an 8-aligned offset after `offset`: damage followed
    /// by good data is corruption, not a torn tail.
    static func validFrameExists(in buffer: UnsafeRawBufferPointer, after offset: Int) -> Bool {
        var candidate = (offset + 8) & ~7
        while candidate + headerSize <= buffer.count {
            // An all-zero header is never a valid frame (its checksum would be nonzero): skip
            // preallocated space without checksumming it.
            let head = buffer.loadUnaligned(fromByteOffset: candidate, as: (UInt64, UInt64).self)
            if head != (0, 0), (try? read(buffer, at: candidate)) != nil { return true }
            candidate += 8
        }
        return false
    }

    /// `true` when the frame header at `offset` and everything after it are zero bytes (the
    /// journal writer's preallocated space), checking the rest only when the header is zero.
    static func onlyZeros(in buffer: UnsafeRawBufferPointer, from offset: Int) -> Bool {
        let headerEnd = min(offset + headerSize, buffer.count)
        guard buffer[offset..<headerEnd].allSatisfy({ $0 == 0 }) else { return false }
        var position = headerEnd
        while position + 8 <= buffer.count {
            if buffer.loadUnaligned(fromByteOffset: position, as: UInt64.self) != 0 { return false }
            position += 8
        }
        return buffer[position...].allSatisfy { $0 == 0 }
    }
}
