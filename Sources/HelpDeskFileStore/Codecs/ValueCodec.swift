import Foundation
import HelpDeskKit

/// Binary forms of the small values that tickets, comments, audit entries and events share.
///
/// Composite values are written as *groups* (``ByteWriter/group(_:)``): a 4-byte length, then
/// the fields in a fixed order. Fields are only ever appended to a group, never reordered or
/// removed. A decoder reads a field added later only when the group has bytes left
/// (``ByteReader/isAtEnd``) and gives it its default otherwise, so records written before the
/// field existed still load; a newer writer's extra fields are skipped with the rest of the group.
extension ByteWriter {
    /// Appends a group: a 4-byte length, then whatever `body` writes.
    mutating func group(_ body: (inout ByteWriter) -> Void) {
        let start = bytes.count
        u32(0)
        body(&self)
        let length = UInt32(truncatingIfNeeded: bytes.count - start - 4)
        withUnsafeBytes(of: length.littleEndian) { lengthBytes in
            for index in 0..<4 { bytes[start + index] = lengthBytes[index] }
        }
    }

    /// Appends a presence byte and, when present, the identifier's 16 bytes.
    mutating func optionalID<Entity>(_ id: Identifier<Entity>?) {
        guard let id else { return u8(0) }
        u8(1)
        uuid(id.rawValue)
    }

    /// Appends a varint count and each identifier's 16 bytes.
    mutating func ids<Entity>(_ ids: [Identifier<Entity>]) {
        varint(UInt64(ids.count))
        for id in ids { uuid(id.rawValue) }
    }

    /// Appends a presence byte and, when present, the string.
    mutating func optionalString(_ value: String?) {
        guard let value else { return u8(0) }
        u8(1)
        string(value)
    }

    /// Appends who performed an action.
    mutating func performer(_ performer: Performer) {
        switch performer {
        case .employee(let id):
            u8(0)
            uuid(id.rawValue)
        case .contact(let id):
            u8(1)
            uuid(id.rawValue)
        case .client(let name):
            u8(2)
            string(name)
        case .system:
            u8(3)
        }
    }

    /// Appends who asked for the work.
    mutating func requester(_ requester: Requester) {
        switch requester {
        case .contact(let id):
            u8(0)
            uuid(id.rawValue)
        case .freeText(let text):
            u8(1)
            string(text)
        }
    }

    /// Appends a varint count and each attachment's metadata.
    mutating func attachments(_ files: [Attachment]) {
        varint(UInt64(files.count))
        for file in files {
            string(file.fileName)
            string(file.mediaType)
            int(Int(file.byteCount))
            string(file.checksum)
        }
    }
}

extension ByteReader {
    /// Reads a group's length and returns a reader of just its fields, advancing past the group.
    mutating func group() throws(MalformedBytes) -> ByteReader {
        let lengthOffset = position
        let count = Int(try u32())
        guard count <= remaining else {
            throw MalformedBytes(
                offset: lengthOffset, reason: "group of \(count) bytes runs past the end")
        }
        let start = position
        position += count
        return ByteReader(UnsafeRawBufferPointer(rebasing: buffer[..<(start + count)]), position: start)
    }

    /// `true` when the group has no more fields (they were added after it was written).
    var isAtEnd: Bool { remaining == 0 }

    /// Reads an identifier.
    mutating func id<Entity>(_: Entity.Type = Entity.self) throws(MalformedBytes) -> Identifier<
        Entity
    > {
        Identifier(try uuid())
    }

    /// Reads an identifier written by ``ByteWriter/optionalID(_:)``.
    mutating func optionalID<Entity>(_: Entity.Type = Entity.self) throws(MalformedBytes)
        -> Identifier<Entity>?
    {
        try presence() ? Identifier(try uuid()) : nil
    }

    /// Reads identifiers written by ``ByteWriter/ids(_:)``.
    mutating func ids<Entity>(_: Entity.Type = Entity.self) throws(MalformedBytes) -> [Identifier<
        Entity
    >] {
        let count = try length()
        var result: [Identifier<Entity>] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(Identifier(try uuid())) }
        return result
    }

    /// Reads a string written by ``ByteWriter/optionalString(_:)``.
    mutating func optionalString() throws(MalformedBytes) -> String? {
        try presence() ? try string() : nil
    }

    /// Reads a string-backed enumeration value.
    mutating func raw<Value: RawRepresentable<String>>(_: Value.Type = Value.self)
        throws(MalformedBytes) -> Value
    {
        let start = position
        let text = try string()
        guard let value = Value(rawValue: text) else {
            throw MalformedBytes(offset: start, reason: "unknown \(Value.self) \"\(text)\"")
        }
        return value
    }

    /// Reads a performer written by ``ByteWriter/performer(_:)``.
    mutating func performer() throws(MalformedBytes) -> Performer {
        let start = position
        switch try u8() {
        case 0: return .employee(try id())
        case 1: return .contact(try id())
        case 2: return .client(name: try string())
        case 3: return .system
        case let kind: throw MalformedBytes(offset: start, reason: "unknown performer kind \(kind)")
        }
    }

    /// Reads a requester written by ``ByteWriter/requester(_:)``.
    mutating func requester() throws(MalformedBytes) -> Requester {
        let start = position
        switch try u8() {
        case 0: return .contact(try id())
        case 1: return .freeText(try string())
        case let kind: throw MalformedBytes(offset: start, reason: "unknown requester kind \(kind)")
        }
    }

    /// Reads attachments written by ``ByteWriter/attachments(_:)``.
    mutating func attachments() throws(MalformedBytes) -> [Attachment] {
        var files: [Attachment] = []
        for _ in 0..<(try length()) {
            files.append(
                Attachment(
                    fileName: try string(), mediaType: try string(), byteCount: Int64(try int()),
                    checksum: try string()))
        }
        return files
    }

    /// Reads a presence byte: 0 or 1, anything else is damage.
    mutating func presence() throws(MalformedBytes) -> Bool {
        let start = position
        switch try u8() {
        case 0: return false
        case 1: return true
        case let flag: throw MalformedBytes(offset: start, reason: "bad presence flag \(flag)")
        }
    }
}
