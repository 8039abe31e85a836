import Foundation
import HelpDeskKit
import PostgresNIO

/// Blobs live in the `blobs` table (migration 17), one row per digest, written once.
extension PostgresStore: BlobStore {
    /// Inserts the blob unless its digest is stored (`ON CONFLICT DO NOTHING`); durable once the
    /// statement commits.
    public func put(_ bytes: [UInt8]) async throws -> BlobDigest {
        let digest = SHA256.hash(bytes)
        _ = try await rows(
            """
            INSERT INTO blobs (digest, bytes) VALUES (\(Data(digest.bytes)), \(Data(bytes)))
            ON CONFLICT (digest) DO NOTHING
            """
        ) { _ in () }
        return digest
    }

    /// The blob's bytes, hashed again: a row whose bytes do not match its digest is `.corrupted`.
    public func bytes(_ digest: BlobDigest) async throws -> [UInt8]? {
        let found = try await rows("SELECT bytes FROM blobs WHERE digest = \(Data(digest.bytes))") { row in
            try RecordCoding.column(Data.self, of: row)
        }
        guard let data = found.first else { return nil }
        let bytes = [UInt8](data)
        guard SHA256.hash(bytes) == digest else {
            throw StorageError.corruptedBlob(digest, "the stored row hashes differently")
        }
        return bytes
    }

    /// Whether a row holds `digest`.
    public func contains(_ digest: BlobDigest) async throws -> Bool {
        try await byteCount(digest) != nil
    }

    /// The stored row's `octet_length`.
    public func byteCount(_ digest: BlobDigest) async throws -> Int64? {
        let found = try await rows("SELECT octet_length(bytes) FROM blobs WHERE digest = \(Data(digest.bytes))") {
            row in
            try RecordCoding.column(Int32.self, of: row)
        }
        return found.first.map(Int64.init)
    }
}
