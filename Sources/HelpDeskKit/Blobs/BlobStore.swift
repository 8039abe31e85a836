/// Content-addressed storage of byte strings (attachments, raw mail), named by their SHA-256.
///
/// Run `HelpDeskTestSupport`'s `BlobStoreContract` against every adapter. A ``HelpDeskStore``
/// offers one through `feature((any BlobStore).self)`.
public protocol BlobStore: Sendable {
    /// Stores `bytes` and returns their digest. Idempotent (storing the same bytes again changes
    /// nothing and returns the same digest); the blob is durable when this returns.
    func put(_ bytes: [UInt8]) async throws -> BlobDigest

    /// The bytes stored under `digest`, or `nil` when there are none. Verified: a blob whose
    /// bytes no longer hash to `digest` throws ``StorageError`` of kind `.corrupted`, never
    /// returning wrong bytes.
    func bytes(_ digest: BlobDigest) async throws -> [UInt8]?

    /// Whether a blob is stored under `digest`.
    func contains(_ digest: BlobDigest) async throws -> Bool

    /// The size of the blob stored under `digest`, or `nil` when there is none (not verified;
    /// the default reads the bytes, adapters answer from metadata).
    func byteCount(_ digest: BlobDigest) async throws -> Int64?
}

extension BlobStore {
    /// Reads the blob and counts its bytes.
    public func byteCount(_ digest: BlobDigest) async throws -> Int64? {
        try await bytes(digest).map { Int64($0.count) }
    }
}

extension StorageError {
    /// A blob whose stored bytes do not hash to the digest it is stored under.
    public static func corruptedBlob(_ digest: BlobDigest, _ detail: String) -> StorageError {
        StorageError(.corrupted, "blob \(digest) is damaged: \(detail)")
    }
}
