import Mail
import SeededRandom
import Testing

@Suite struct LegacyTextTests {
    @Test func knownBytes() {
        #expect(LegacyText.encode("Привет, Ёж!", charset: "windows-1251") == [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xA8, 0xE6, 0x21])
        #expect(LegacyText.encode("Привет", charset: "KOI8-R") == [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4])
        #expect(LegacyText.encode("€", charset: "koi8-r") == nil, "no byte for the character")
        #expect(LegacyText.encode("x", charset: "utf-8") == nil, "not a single-byte charset")
    }

    /// Random Cyrillic text written in windows-1251 and KOI8-R reads back through the parser.
    @Test(arguments: ["windows-1251", "koi8-r", "iso-8859-5"])
    func encodedTextParsesBack(charset: String) throws {
        var random = SplitMix64(seed: 22)
        for _ in 0..<200 {
            let letters = (0..<Int(random.next() % 40)).map { _ in
                Character(Unicode.Scalar(UInt32(0x430 + random.next() % 32))!)
            }
            let text = "Текст " + String(letters)
            let body = try #require(LegacyText.encode(text, charset: charset))
            let raw = Array("Content-Type: text/plain; charset=\(charset)\r\n\r\n".utf8) + body
            #expect(MailParser().parse(raw).text == text)
        }
    }
}
