/// Something wrong with a message that the parser worked around: a message is never rejected,
/// its problems are listed instead.
public struct MailProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The message is larger than ``MailLimits/maximumMessageBytes``; the rest is not parsed.
        case messageTooLarge
        /// More header fields or a longer header block than the limits allow; the rest are dropped.
        case tooManyHeaders
        /// A header line without a colon, or a field name with invalid characters; skipped.
        case malformedHeader
        /// Raw 8-bit bytes in a header; decoded by guessing the charset.
        case rawEightBitHeader
        /// An encoded-word that could not be decoded; kept as written.
        case invalidEncodedWord
        /// A charset the parser does not know; the text was decoded by guessing.
        case unknownCharset
        /// Bytes invalid in the declared charset; decoded by guessing or with replacement characters.
        case invalidText
        /// A multipart without a boundary parameter, or whose boundary never occurs; kept as one raw part.
        case missingBoundary
        /// A multipart whose closing boundary is missing; parts up to the end were kept.
        case unterminatedMultipart
        /// Parts nested deeper than ``MailLimits/maximumDepth``; the deeper part is kept raw.
        case tooDeep
        /// More parts than ``MailLimits/maximumParts``; the rest are dropped.
        case tooManyParts
        /// Base64 with invalid characters or length; decoded as far as possible.
        case invalidBase64
        /// Quoted-printable with invalid escapes; the escapes kept literally.
        case invalidQuotedPrintable
        /// An unknown content-transfer-encoding; the body is kept raw.
        case unknownTransferEncoding
        /// A `Date` header that could not be read.
        case invalidDate
        /// An address header that could not be fully read; what could be read is kept.
        case invalidAddress
        /// A required header (`From`, `Message-ID`, `Date`) is missing.
        case missingHeader
    }

    /// What went wrong.
    public var kind: Kind
    /// Where and what, for a person reading the list (a header name, a part path, a charset).
    public var detail: String

    /// Describes a problem.
    public init(_ kind: Kind, _ detail: String = "") {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { detail.isEmpty ? kind.rawValue : "\(kind.rawValue): \(detail)" }
}

/// Bounds that keep parsing a hostile message fast and small.
public struct MailLimits: Hashable, Sendable {
    /// Bytes parsed at most; a longer message is parsed up to here (``MailProblem/Kind/messageTooLarge``).
    public var maximumMessageBytes: Int
    /// Header fields kept per header block.
    public var maximumHeaderFields: Int
    /// Bytes of one header block.
    public var maximumHeaderBytes: Int
    /// Multipart nesting depth.
    public var maximumDepth: Int
    /// Parts in the whole message.
    public var maximumParts: Int

    /// Describes the limits; the defaults suit a help desk's mailbox.
    public init(
        maximumMessageBytes: Int = 50 << 20, maximumHeaderFields: Int = 1_000, maximumHeaderBytes: Int = 256 << 10,
        maximumDepth: Int = 20, maximumParts: Int = 1_000
    ) {
        self.maximumMessageBytes = maximumMessageBytes
        self.maximumHeaderFields = maximumHeaderFields
        self.maximumHeaderBytes = maximumHeaderBytes
        self.maximumDepth = maximumDepth
        self.maximumParts = maximumParts
    }
}
