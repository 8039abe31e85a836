/// The unguessable secret that lets a client rate one resolution: 192 random bits as 32 URL-safe
/// base64 characters (`A–Z a–z 0–9 - _`, no padding), safe to put in an email link or a portal URL.
public struct RatingToken: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The token text.
    public let rawValue: String

    /// Wraps token text received from a link; unknown or malformed text is simply not found.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Number of random 64-bit words in a token (192 bits).
    static let wordCount = 3

    /// Draws a fresh token from `random`.
    static func draw(from random: inout any RandomSource) -> RatingToken {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var bytes: [UInt8] = []
        for _ in 0..<wordCount {
            let word = random.nextUInt64()
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        var text: [UInt8] = []
        text.reserveCapacity(32)
        for start in stride(from: 0, to: bytes.count, by: 3) {
            let group = UInt32(bytes[start]) << 16 | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2])
            for shift in [18, 12, 6, 0] { text.append(alphabet[Int(group >> UInt32(shift) & 63)]) }
        }
        return RatingToken(String(decoding: text, as: UTF8.self))
    }

    /// The token is a secret: its description is redacted so it does not leak into logs.
    public var description: String { "RatingToken(…\(rawValue.suffix(4)))" }
}
