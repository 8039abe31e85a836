/// The SHA-256 digest that names a blob in a ``BlobStore``: 32 bytes, shown as 64 lowercase hex
/// digits, and written in an ``Attachment`` as the checksum `sha256:<hex>`.
public struct BlobDigest: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The digest as four big-endian 64-bit words (cheap to hash and compare).
    private let words: (UInt64, UInt64, UInt64, UInt64)

    /// The 32 digest bytes, or `nil` when `bytes` does not hold exactly 32.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var words: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.enumerated() {
            words[index / 8] = words[index / 8] << 8 | UInt64(byte)
        }
        self.words = (words[0], words[1], words[2], words[3])
    }

    /// Parses 64 hex digits (either case); `nil` for anything else.
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        var index = 0
        while index < 64 {
            guard let high = Self.nibble(utf8[index]), let low = Self.nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.init(bytes: bytes)
    }

    /// Parses a checksum `sha256:<64 hex digits>` (the prefix in lower case); `nil` for any other form.
    public init?(checksum: String) {
        guard checksum.hasPrefix(Self.checksumPrefix) else { return nil }
        self.init(hex: String(checksum.dropFirst(Self.checksumPrefix.count)))
    }

    /// The prefix of an attachment checksum that names a SHA-256 blob.
    public static let checksumPrefix = "sha256:"

    /// The 32 digest bytes.
    public var bytes: [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(32)
        for word in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 56, through: 0, by: -8) {
                result.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return result
    }

    /// The attachment checksum `sha256:<hex>`.
    public var checksum: String { Self.checksumPrefix + description }

    /// 64 lowercase hex digits.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public static func == (lhs: BlobDigest, rhs: BlobDigest) -> Bool {
        lhs.words == rhs.words
    }

    public static func < (lhs: BlobDigest, rhs: BlobDigest) -> Bool {
        lhs.words < rhs.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// Decodes the 64 hex digits of ``description``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let digest = BlobDigest(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not 64 hex digits: \(text)")
        }
        self = digest
    }

    /// Encodes the 64 hex digits of ``description``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The value of one hex digit.
    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
