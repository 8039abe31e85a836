import HelpDeskKit

/// The file store offers its ``FileBlobStore`` (the `blobs` directory beside the journal) as the
/// store's ``BlobStore``; a closed or failed handle refuses blob calls too.
extension FileStore: BlobStore {
    public func put(_ bytes: [UInt8]) async throws -> BlobDigest {
        try checkAvailable()
        return try await blobs.put(bytes)
    }

    public func bytes(_ digest: BlobDigest) async throws -> [UInt8]? {
        try checkAvailable()
        return try await blobs.bytes(digest)
    }

    public func contains(_ digest: BlobDigest) async throws -> Bool {
        try checkAvailable()
        return try await blobs.contains(digest)
    }

    public func byteCount(_ digest: BlobDigest) async throws -> Int64? {
        try checkAvailable()
        return try await blobs.byteCount(digest)
    }
}
