import Synchronization

/// A ``BlobStore`` in memory: a dictionary behind a mutex. ``InMemoryStore`` keeps one.
public final class InMemoryBlobStore: BlobStore {
    private let blobs = Mutex<[BlobDigest: [UInt8]]>([:])

    /// Creates an empty store.
    public init() {}

    public func put(_ bytes: [UInt8]) async throws -> BlobDigest {
        let digest = SHA256.hash(bytes)
        blobs.withLock { blobs in
            if blobs[digest] == nil { blobs[digest] = bytes }
        }
        return digest
    }

    public func bytes(_ digest: BlobDigest) async throws -> [UInt8]? {
        guard let bytes = blobs.withLock({ $0[digest] }) else { return nil }
        guard SHA256.hash(bytes) == digest else {
            throw StorageError.corruptedBlob(digest, "its bytes hash differently")
        }
        return bytes
    }

    public func contains(_ digest: BlobDigest) async throws -> Bool {
        blobs.withLock { $0[digest] != nil }
    }

    public func byteCount(_ digest: BlobDigest) async throws -> Int64? {
        blobs.withLock { $0[digest].map { Int64($0.count) } }
    }

    /// Number of blobs stored.
    public var count: Int { blobs.withLock { $0.count } }

    /// Replaces the bytes stored under `digest` (tests simulate damage with it); returns whether a
    /// blob was there.
    @discardableResult
    public func overwrite(_ digest: BlobDigest, with bytes: [UInt8]) -> Bool {
        blobs.withLock { blobs in
            guard blobs[digest] != nil else { return false }
            blobs[digest] = bytes
            return true
        }
    }
}
