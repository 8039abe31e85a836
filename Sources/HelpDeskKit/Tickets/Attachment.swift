/// Metadata of an attached file. With a `sha256:` checksum its bytes are in the store's
/// ``BlobStore`` (see ``HelpDesk/uploadAttachment(_:fileName:mediaType:by:idempotencyKey:)``);
/// with another algorithm the host keeps them.
public struct Attachment: Hashable, Sendable, Codable, CustomStringConvertible {
    /// File name as uploaded, without any directory part.
    public var fileName: String
    /// Media type, e.g. `image/png`.
    public var mediaType: String
    /// Size in bytes.
    public var byteCount: Int64
    /// Checksum as `algorithm:hex`, e.g. `sha256:9f86d0…`.
    public var checksum: String

    /// Describes an attached file.
    public init(fileName: String, mediaType: String, byteCount: Int64, checksum: String) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.byteCount = byteCount
        self.checksum = checksum
    }

    public var description: String { "\(fileName) (\(mediaType), \(byteCount) bytes)" }
}
