import SeededRandom
import Testing

@testable import Mail

@Suite("Mail parsing: RFC 2047 encoded-words")
struct EncodedWordTests {
    func decode(_ text: String, fallback: MailCharset = .utf8) -> (String, [MailProblem.Kind]) {
        var problems: [MailProblem] = []
        let value = Array(text.utf8).withUnsafeBufferPointer {
            HeaderTextDecoder(fallback: fallback).decode($0, field: "Subject", problems: &problems)
        }
        return (value, problems.map(\.kind))
    }

    @Test func bAndQInSeveralCharsets() {
        #expect(decode("=?UTF-8?B?0J/RgNC40LLQtdGC?=") == ("Привет", []))
        #expect(decode("=?utf-8?q?caf=C3=A9_au_lait?=") == ("café au lait", []))
        #expect(decode("=?windows-1251?B?z/Do4uXy?=") == ("Привет", []))
        #expect(decode("=?koi8-r?Q?=F0=D2=C9=D7=C5=D4?=") == ("Привет", []))
        #expect(decode("=?ISO-8859-1?Q?Andr=E9?= Pirard") == ("André Pirard", []))
        #expect(decode("=?utf-8*ru?B?0J/RgNC40LLQtdGC?=") == ("Привет", []))  // RFC 2231 language
        #expect(decode("Re: =?utf-8?B?0J/RgNC40LLQtdGC?= there") == ("Re: Привет there", []))
    }

    @Test func spaceBetweenAdjacentWordsIsDropped() {
        #expect(decode("=?utf-8?Q?a?= =?utf-8?Q?b?=") == ("ab", []))
        #expect(decode("=?utf-8?Q?a?=\t  =?iso-8859-1?Q?b?=") == ("ab", []))
        #expect(decode("=?utf-8?Q?a?= x =?utf-8?Q?b?=") == ("a x b", []))
        #expect(decode("=?utf-8?Q?a_?= =?utf-8?Q?b?=") == ("a b", []))
    }

    /// A UTF-8 character split across two words is rebuilt (zammad#2953).
    @Test func splitCharacterIsRebuilt() {
        // "При" is D0 9F D1 80 D0 B8; split inside the second letter.
        #expect(decode("=?UTF-8?Q?=D0=9F=D1?= =?UTF-8?Q?=80=D0=B8?=") == ("При", []))
        #expect(decode("=?UTF-8?B?0J/R?= =?UTF-8?B?gNC4?=") == ("При", []))
    }

    @Test func invalidWordsAreKeptAsWritten() {
        #expect(decode("=?utf-8?X?abc?= tail") == ("=?utf-8?X?abc?= tail", [.invalidEncodedWord]))
        #expect(decode("=?utf-8?B?0J*/R?=") == ("=?utf-8?B?0J*/R?=", [.invalidEncodedWord]))
        #expect(decode("=?utf-8?Q?unterminated") == ("=?utf-8?Q?unterminated", []))
        #expect(decode("=?=?utf-8?Q?x?=") == ("=?x", []))
        #expect(decode("a = b ?= c =?") == ("a = b ?= c =?", []))
    }

    @Test func unknownAndMislabelledCharsets() {
        // windows-1258 (zammad#2224) is known; a made-up charset is guessed, never unprocessable.
        #expect(
            decode("=?windows-1258?Q?Vi=EA=F2t?=").0.unicodeScalars.map(\.value) == [0x56, 0x69, 0xEA, 0x323, 0x74])
        #expect(decode("=?x-made-up?Q?=CF=F0=E8=E2=E5=F2?=") == ("Привет", [.unknownCharset]))
        #expect(decode("=?utf-8?Q?=CF=F0=E8=E2=E5=F2?=") == ("Привет", [.invalidText]))
    }

    @Test func rawEightBitLiteralsUseTheFallback() {
        let bytes = windows1251("Привет ") + Array("=?utf-8?Q?=D0=BC=D0=B8=D1=80?=".utf8)
        var problems: [MailProblem] = []
        let value = bytes.withUnsafeBufferPointer {
            HeaderTextDecoder(fallback: .windows1251).decode($0, field: "Subject", problems: &problems)
        }
        #expect(value == "Привет мир")
    }

    /// Random text in a random charset, encoded as B or Q words split at random byte positions (also
    /// inside characters), decodes to the original.
    @Test(arguments: 0..<4)
    func randomSplitsDecodeToTheOriginal(batch: UInt64) {
        var random = SplitMix64(seed: 0x2047_0000 &+ batch)
        let alphabet = Array("Привет, мир! Заявка №5 ёЁ café — ok ? _ = ".unicodeScalars) + ["😀", "中"]
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<(1 + Int(random.next() % 40)) {
                text.append(alphabet[Int(random.next() % UInt64(alphabet.count))])
            }
            let original = String(text)
            let charsets: [(String, MailCharset)] = [
                ("UTF-8", .utf8), ("windows-1251", .windows1251), ("KOI8-R", .koi8R),
            ]
            var (label, charset) = charsets[Int(random.next() % 3)]
            if CharsetTests.encode(original, charset) == nil { (label, charset) = charsets[0] }
            guard let bytes = CharsetTests.encode(original, charset) else { continue }
            var words: [String] = []
            var index = 0
            while index < bytes.count {
                let length = 1 + Int(random.next() % 12)
                let chunk = Array(bytes[index..<min(index + length, bytes.count)])
                index += length
                if random.next() % 2 == 0 {
                    let text = String(decoding: TransferDecodingTests.base64(chunk, lineLength: 1_000), as: UTF8.self)
                    words.append("=?\(label)?\(random.next() % 2 == 0 ? "B" : "b")?\(text)?=")
                } else {
                    var text = ""
                    for byte in chunk {
                        let isPlain = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                        text += isPlain ? String(UnicodeScalar(byte)) : byte == 0x20 ? "_" : "=" + hex(byte)
                    }
                    words.append("=?\(label)?Q?\(text)?=")
                }
            }
            let separators = [" ", "\t", "  ", " \t "]
            let header = words.enumerated().map {
                $0.offset == 0 ? $0.element : separators[Int(random.next() % 4)] + $0.element
            }.joined()
            let (decoded, problems) = decode(header)
            #expect(decoded == original, "\(header)")
            #expect(problems.isEmpty)
        }
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
