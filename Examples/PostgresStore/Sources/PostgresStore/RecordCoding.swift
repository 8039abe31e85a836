import Foundation
import HelpDeskKit
import NIOCore
import PostgresNIO

/// How records travel to and from their `body` columns: the root types' JSON, as `bytea`.
///
/// `bytea` rather than `jsonb`: `jsonb` rejects `\u0000` in strings and normalizes numbers, and a
/// record must read back `==` to what was written.
enum RecordCoding {
    /// The JSON of `record`.
    static func encode(_ record: some Encodable) throws -> Data {
        do {
            return try JSONEncoder().encode(record)
        } catch {
            throw StorageError(.other, "cannot encode \(type(of: record)): \(error)")
        }
    }

    /// The record in `row`'s first column (a JSON `body`).
    static func decode<Record: Decodable>(_ type: Record.Type, from row: PostgresRow) throws -> Record {
        let body: Data
        do {
            body = try row.decode(Data.self)
        } catch {
            throw StorageError(.corrupted, "a stored \(type) has no readable body: \(error)")
        }
        return try decode(type, from: body)
    }

    /// The record in `body`.
    static func decode<Record: Decodable>(_ type: Record.Type, from body: Data) throws -> Record {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            throw StorageError(.corrupted, "a stored \(type) does not decode: \(error)")
        }
    }

    /// A column of `row` decoded as `type`; a failure is `.corrupted`.
    static func column<Value: PostgresDecodable>(_ type: Value.Type, of row: PostgresRow) throws -> Value {
        do {
            return try row.decode(type)
        } catch {
            throw StorageError(.corrupted, "a stored column is not a \(type): \(error)")
        }
    }

    /// `data` as a buffer, for `bytea[]` parameters.
    static func buffer(_ data: Data) -> ByteBuffer {
        ByteBuffer(bytes: data)
    }
}

extension Date {
    /// The instant as stored: seconds since the reference date.
    var storedSeconds: Double { timeIntervalSinceReferenceDate }
}

extension Identifier {
    /// The identifier as a `uuid` parameter.
    var uuid: UUID { rawValue }
}
