import SeededRandom
import Testing

@testable import Mail

@Suite("Mail text: base64 and quoted-printable")
struct TransferDecodingTests {
    /// A plain reference base64 encoder, wrapped at `lineLength` characters, padded or not.
    static func base64(_ bytes: [UInt8], lineLength: Int = 76, padded: Bool = true) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var text: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                if position <= chunk.count {
                    text.append(alphabet[Int(value >> (18 - 6 * position) & 63)])
                } else if padded {
                    text.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        var wrapped: [UInt8] = []
        for (offset, byte) in text.enumerated() {
            if offset > 0 && offset % lineLength == 0 { wrapped += [0x0D, 0x0A] }
            wrapped.append(byte)
        }
        return wrapped
    }

    /// A plain reference quoted-printable encoder: escapes `=`, 8-bit and control bytes (and blanks at
    /// line ends), soft breaks before 76 columns; line ends as CRLF or LF.
    static func quotedPrintable(_ bytes: [UInt8], crlf: Bool, lowercase: Bool) -> [UInt8] {
        let hex = Array((lowercase ? "0123456789abcdef" : "0123456789ABCDEF").utf8)
        var output: [UInt8] = []
        var column = 0
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A {
                output += crlf ? [0x0D, 0x0A] : [0x0A]
                column = 0
                continue
            }
            let atLineEnd = index + 1 == bytes.count || bytes[index + 1] == 0x0A
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || (byte == 0x20 && !atLineEnd)
            let piece: [UInt8] = literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            if column + piece.count > 75 {
                output += [UInt8(ascii: "=")] + (crlf ? [0x0D, 0x0A] : [0x0A])
                column = 0
            }
            output += piece
            column += piece.count
        }
        return output
    }

    @Test func base64RoundTripsAgainstTheReference() {
        var random = SplitMix64(seed: 0xB64_0001)
        for round in 0..<500 {
            let bytes = (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let encoded = Self.base64(bytes, lineLength: 4 + Int(random.next() % 80), padded: round % 3 != 0)
            let (decoded, valid) = encoded.withUnsafeBufferPointer(Base64Decoding.decode)
            #expect(decoded == bytes)
            #expect(valid)
        }
    }

    @Test func base64ToleratesAndReports() {
        func decode(_ text: String) -> ([UInt8], Bool) {
            Array(text.utf8).withUnsafeBufferPointer(Base64Decoding.decode)
        }
        #expect(decode("SGVsbG8=") == (Array("Hello".utf8), true))
        #expect(decode("SGVs\r\n bG8") == (Array("Hello".utf8), true))  // white space, no padding
        #expect(decode("SGV*sbG8=") == (Array("Hello".utf8), false))  // an invalid character skipped
        #expect(decode("SGVsbG8=A") == (Array("Hello".utf8), false))  // a lone trailing character
        #expect(decode("") == ([], true))
    }

    @Test func quotedPrintableRoundTripsAgainstTheReference() {
        var random = SplitMix64(seed: 0x0F_0001)
        let alphabet = Array("ab =\t.Пр\n".utf8) + [0x00, 0xFF, 0x3D]
        for round in 0..<500 {
            let bytes = (0..<Int(random.next() % 400)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            // Blanks right before a line end are dropped by decoders (RFC 2045), so the reference escapes them.
            let encoded = Self.quotedPrintable(bytes, crlf: round % 2 == 0, lowercase: round % 3 == 0)
            let (decoded, valid) = encoded.withUnsafeBufferPointer(QuotedPrintableDecoding.decode)
            let expected = round % 2 == 0 ? bytes.flatMap { $0 == 0x0A ? [UInt8(0x0D), 0x0A] : [$0] } : bytes
            #expect(decoded == expected)
            #expect(valid)
        }
    }

    @Test func quotedPrintableEdgeCases() {
        func decode(_ text: String) -> (String, Bool) {
            let (bytes, valid) = Array(text.utf8).withUnsafeBufferPointer(QuotedPrintableDecoding.decode)
            return (String(decoding: bytes, as: UTF8.self), valid)
        }
        #expect(decode("caf=C3=A9") == ("café", true))
        #expect(decode("caf=c3=a9") == ("café", true))  // lowercase hex
        #expect(decode("soft=\r\nbreak") == ("softbreak", true))
        #expect(decode("soft= \t\nbreak") == ("softbreak", true))  // blanks after the soft-break `=`
        #expect(decode("trailing   \nline") == ("trailing\nline", true))
        #expect(decode("100=% and =Z9") == ("100=% and =Z9", false))  // invalid escapes kept literally
        #expect(decode("end=") == ("end", true))
    }

    @Test func qEncodingOfEncodedWords() {
        var output: [UInt8] = []
        let valid = Array("a_b=3D=d0=9f".utf8).withUnsafeBufferPointer {
            QuotedPrintableDecoding.decodeQ($0, into: &output)
        }
        #expect(valid)
        #expect(String(decoding: output, as: UTF8.self) == "a b=П")
    }
}
