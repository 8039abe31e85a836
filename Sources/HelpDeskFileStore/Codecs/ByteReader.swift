import Foundation

/// A read past the end of a buffer or a malformed value, at a byte offset of the buffer.
struct MalformedBytes: Error {
    /// Offset of the value that could not be read.
    var offset: Int
    /// What was wrong.
    var reason: String
}

/// Reads little-endian binary values from a borrowed buffer; valid only inside the closure that
/// lent the buffer.
struct ByteReader {
    /// The buffer being read.
    let buffer: UnsafeRawBufferPointer
    /// The next byte to read.
    var position: Int

    /// A reader of `buffer` starting at `position`.
    init(_ buffer: UnsafeRawBufferPointer, position: Int = 0) {
        self.buffer = buffer
        self.position = position
    }

    /// Bytes left to read.
    var remaining: Int { buffer.count - position }

    private func need(_ count: Int) throws(MalformedBytes) {
        guard count >= 0, count <= buffer.count - position else {
            throw MalformedBytes(offset: position, reason: "value of \(count) bytes runs past the end")
        }
    }

    /// Reads one byte.
    mutating func u8() throws(MalformedBytes) -> UInt8 {
        try need(1)
        defer { position += 1 }
        return buffer[position]
    }

    /// Reads a 32-bit little-endian integer.
    mutating func u32() throws(MalformedBytes) -> UInt32 {
        try need(4)
        defer { position += 4 }
        return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    /// Reads a 64-bit little-endian integer.
    mutating func u64() throws(MalformedBytes) -> UInt64 {
        try need(8)
        defer { position += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    /// Reads an unsigned LEB128 varint.
    mutating func varint() throws(MalformedBytes) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try u8()
            guard shift < 64 else { throw MalformedBytes(offset: position - 1, reason: "varint too long") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// Reads a length that must fit in the remaining bytes.
    mutating func length() throws(MalformedBytes) -> Int {
        let value = try varint()
        guard value <= UInt64(remaining) else {
            throw MalformedBytes(offset: position, reason: "length \(value) runs past the end")
        }
        return Int(value)
    }

    /// Reads a zigzag varint.
    mutating func int() throws(MalformedBytes) -> Int {
        let raw = try varint()
        return Int(truncatingIfNeeded: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    /// Reads a `Double` bit pattern.
    mutating func double() throws(MalformedBytes) -> Double { Double(bitPattern: try u64()) }

    /// Reads a date written by ``ByteWriter/date(_:)``.
    mutating func date() throws(MalformedBytes) -> Date { Date(timeIntervalSinceReferenceDate: try double()) }

    /// Reads 16 UUID bytes.
    mutating func uuid() throws(MalformedBytes) -> UUID {
        try need(16)
        defer { position += 16 }
        return UUID(uuid: buffer.loadUnaligned(fromByteOffset: position, as: uuid_t.self))
    }

    /// Reads a length-prefixed UTF-8 string.
    mutating func string() throws(MalformedBytes) -> String {
        let count = try length()
        defer { position += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[position..<position + count]), as: UTF8.self)
    }

    /// Reads `count` raw bytes as a sub-buffer.
    mutating func bytes(_ count: Int) throws(MalformedBytes) -> UnsafeRawBufferPointer {
        try need(count)
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: buffer[position..<position + count])
    }
}
