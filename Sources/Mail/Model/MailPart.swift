/// One node of a message's MIME tree: a multipart with children, or a leaf with a decoded body.
public struct MailPart: Hashable, Sendable {
    /// The part's own header fields (for the root, the message's).
    public var headers: MailHeaders
    /// The media type lowercased, `type/subtype` (`text/plain` when none was given).
    public var mediaType: String
    /// The content-type parameters, names lowercased, values decoded (RFC 2231 continuations joined).
    public var parameters: [String: String]
    /// The charset lowercased as declared (`windows-1251`), or `nil`.
    public var charset: String?
    /// `inline`, `attachment`, or `nil` when no Content-Disposition was given (lowercased).
    public var disposition: String?
    /// The file name from Content-Disposition `filename` or Content-Type `name`, decoded, or `nil`.
    public var fileName: String?
    /// The Content-ID without angle brackets, or `nil`.
    public var contentID: String?
    /// The body after the content-transfer-encoding is undone (bytes, not yet charset-decoded);
    /// empty for a multipart.
    public var body: [UInt8]
    /// The children of a multipart (or the one child of an embedded `message/rfc822`).
    public var children: [MailPart]
    /// `true` when the part could not be parsed and ``body`` holds its raw bytes as written.
    public var isRaw: Bool

    /// Describes a part.
    public init(
        headers: MailHeaders = MailHeaders(), mediaType: String = "text/plain", parameters: [String: String] = [:],
        charset: String? = nil, disposition: String? = nil, fileName: String? = nil, contentID: String? = nil,
        body: [UInt8] = [], children: [MailPart] = [], isRaw: Bool = false
    ) {
        self.headers = headers
        self.mediaType = mediaType
        self.parameters = parameters
        self.charset = charset
        self.disposition = disposition
        self.fileName = fileName
        self.contentID = contentID
        self.body = body
        self.children = children
        self.isRaw = isRaw
    }

    /// `true` for `multipart/*`.
    public var isMultipart: Bool { mediaType.hasPrefix("multipart/") }

    /// This part and every part below it, depth first.
    public var allParts: [MailPart] {
        var result = [self]
        for child in children { result += child.allParts }
        return result
    }
}

/// A file that came with a message: an attachment, or an inline part (an image the HTML shows by `cid:`).
public struct MailAttachment: Hashable, Sendable {
    /// The file name, decoded; a name is made up (`attachment-2.pdf`) when the message gives none.
    public var fileName: String
    /// The media type lowercased.
    public var mediaType: String
    /// The Content-ID without angle brackets, or `nil`.
    public var contentID: String?
    /// `true` for a part shown inline (`Content-Disposition: inline` or referenced by `cid:`).
    public var isInline: Bool
    /// The decoded bytes.
    public var bytes: [UInt8]

    /// Describes an attachment.
    public init(fileName: String, mediaType: String, contentID: String? = nil, isInline: Bool = false, bytes: [UInt8]) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.contentID = contentID
        self.isInline = isInline
        self.bytes = bytes
    }
}
