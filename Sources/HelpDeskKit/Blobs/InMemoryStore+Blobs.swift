/// The in-memory store offers its ``InMemoryStore/blobStore`` as the store's ``BlobStore``.
extension InMemoryStore: BlobStore {
    public func put(_ bytes: [UInt8]) async throws -> BlobDigest {
        try await blobStore.put(bytes)
    }

    public func bytes(_ digest: BlobDigest) async throws -> [UInt8]? {
        try await blobStore.bytes(digest)
    }

    public func contains(_ digest: BlobDigest) async throws -> Bool {
        try await blobStore.contains(digest)
    }

    public func byteCount(_ digest: BlobDigest) async throws -> Int64? {
        try await blobStore.byteCount(digest)
    }
}
