import SeededRandom
import Testing

@testable import Mail

@Suite("Mail text: charsets")
struct CharsetTests {
    /// Encodes `text` with `charset`'s table (the reference encoder: the inverse of the table), or `nil`
    /// when some scalar is not representable.
    static func encode(_ text: String, _ charset: MailCharset) -> [UInt8]? {
        guard let table = charset.table else { return Array(text.utf8) }
        var inverse: [UInt32: UInt8] = [:]
        for (offset, scalar) in table.enumerated() where inverse[UInt32(scalar)] == nil {
            inverse[UInt32(scalar)] = UInt8(0x80 + offset)
        }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = inverse[scalar.value] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        return bytes
    }

    /// Random text drawn from ASCII and the scalars `charset` can represent decodes back to itself.
    @Test(arguments: MailCharset.allCases)
    func everyTableRoundTrips(charset: MailCharset) {
        var random = SplitMix64(seed: 0xC4A5_0000 &+ UInt64(charset.rawValue.utf8.count))
        let upper = (charset.table ?? []).map { UInt32($0) }.filter { !(0x80...0x9F).contains($0) }
        for _ in 0..<200 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 60) {
                if charset == .ascii || upper.isEmpty || random.next() % 3 == 0 {
                    let value =
                        charset == .utf8 && random.next() % 2 == 0
                        ? UInt32(0x400 + random.next() % 0x2000) : UInt32(0x20 + random.next() % 0x5F)
                    if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
                } else if let scalar = Unicode.Scalar(upper[Int(random.next() % UInt64(upper.count))]) {
                    scalars.append(scalar)
                }
            }
            let text = String(scalars)
            guard let bytes = Self.encode(text, charset) else {
                Issue.record("\(charset) cannot encode its own table's scalars")
                return
            }
            let decoded = bytes.withUnsafeBufferPointer { charset.decode($0) }
            #expect(decoded == text, "\(charset)")
        }
    }

    @Test func labelsAndAliases() {
        let cases: [(String, MailCharset?)] = [
            ("UTF-8", .utf8), ("utf8", .utf8), ("us-ascii", .ascii), ("ASCII", .ascii), ("cp1251", .windows1251),
            ("Windows-1251", .windows1251), ("win-1251", .windows1251), ("x-cp1251", .windows1251),
            ("KOI8-R", .koi8R), ("koi8r", .koi8R), ("koi8-u", .koi8U), ("latin1", .iso88591),
            ("ISO-8859-1", .iso88591), ("iso_8859-5", .iso88595), ("windows-1252", .windows1252),
            ("iso-8859-15", .iso885915), ("windows-1258", .windows1258), ("windows-1250", .windows1250),
            ("ISO-8859-2", .iso88592), ("cp866", .ibm866), ("x-unknown", nil), ("", nil), ("gb2312", nil),
        ]
        for (label, expected) in cases { #expect(MailCharset.named(label) == expected, "\(label)") }
    }

    @Test func knownLettersDecode() {
        func decode(_ bytes: [UInt8], _ charset: MailCharset) -> String? {
            bytes.withUnsafeBufferPointer { charset.decode($0) }
        }
        #expect(decode([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], .windows1251) == "Привет")
        #expect(decode([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], .koi8R) == "Привет")
        #expect(decode([0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2], .iso88595) == "Привет")
        #expect(decode([0x80, 0x96, 0xE9], .windows1252) == "€–é")
        #expect(decode([0x93, 0xE9, 0x94], .iso88591) == "“é”")  // latin1 labels read as windows-1252
        #expect(decode([0xA4], .iso885915) == "€")
        #expect(decode([0xD0, 0xBF, 0xD1], .utf8) == nil)
        #expect(decode([0xEF, 0xBB, 0xBF, 0x41], .utf8) == "A")  // the byte-order mark is dropped
        #expect(decode([0x41, 0xC3], .ascii) == nil)
    }

    /// Russian text encoded in windows-1251 or KOI8-R is told apart by the letter score.
    @Test func guessTellsWindows1251FromKOI8R() {
        let phrases = [
            "Добрый день! Не работает принтер в бухгалтерии, прошу помочь.",
            "Счёт оплачен", "привет", "Заявка на ремонт", "ВАЖНО: сервер недоступен с утра",
            "Иван Петров", "Отпуск до понедельника",
        ]
        for phrase in phrases {
            for charset in [MailCharset.windows1251, .koi8R] {
                guard let bytes = Self.encode(phrase, charset) else {
                    Issue.record("cannot encode \(phrase)")
                    continue
                }
                let guess = bytes.withUnsafeBufferPointer { CharsetGuess.guess($0) }
                #expect(guess == charset, "\(phrase) in \(charset)")
            }
            let utf8 = Array(phrase.utf8)
            #expect(utf8.withUnsafeBufferPointer { CharsetGuess.guess($0) } == .utf8)
        }
    }

    /// 8-bit bytes inside Latin words read as windows-1252; Russian one-letter words do not.
    @Test func guessTellsLatinFromCyrillic() {
        for phrase in ["café au lait", "Grüße aus Köln", "Søren Ødegård", "naïve façade, élan"] {
            let bytes = Self.encode(phrase, .windows1252) ?? []
            #expect(bytes.withUnsafeBufferPointer { CharsetGuess.guess($0) } == .windows1252, "\(phrase)")
        }
        for phrase in ["Я в офисе", "и я", "Wi-Fi в офисе не работает", "Re: [#1234] Принтер"] {
            let bytes = Self.encode(phrase, .windows1251) ?? []
            #expect(bytes.withUnsafeBufferPointer { CharsetGuess.guess($0) } == .windows1251, "\(phrase)")
        }
    }

    @Test func declaredCharsetTroubles() {
        let cp1251: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        let unknown = cp1251.withUnsafeBufferPointer { TextDecoding.decode($0, label: "x-mac-cyrillic-nope") }
        #expect(unknown.text == "Привет" && unknown.trouble == .unknownCharset)
        let mislabelled = cp1251.withUnsafeBufferPointer { TextDecoding.decode($0, label: "utf-8") }
        #expect(mislabelled.text == "Привет" && mislabelled.trouble == .invalidText)
        let undeclared = cp1251.withUnsafeBufferPointer { TextDecoding.decode($0, label: nil) }
        #expect(undeclared.text == "Привет" && undeclared.trouble == nil)
        // Damaged UTF-8 (a character cut off) stays UTF-8, with a replacement character.
        let cut = (Array("Привет".utf8).dropLast()).withUnsafeBufferPointer { TextDecoding.decode($0, label: "utf-8") }
        #expect(cut.text == "Приве\u{FFFD}" && cut.trouble == .invalidText)
        let fine = Array("Привет".utf8).withUnsafeBufferPointer { TextDecoding.decode($0, label: "UTF-8") }
        #expect(fine.text == "Привет" && fine.trouble == nil)
    }

    /// The validator agrees with the standard library's on random byte strings.
    @Test func utf8ValidationMatchesTheStandardLibrary() {
        var random = SplitMix64(seed: 0x0F8_0001)
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 12) {
                let roll = random.next() % 4
                bytes.append(roll == 0 ? UInt8(random.next() % 0x80) : UInt8(0x80 + random.next() % 0x80))
            }
            let mine = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
            let standard = String(validating: bytes, as: UTF8.self) != nil
            #expect(mine == standard, "\(bytes)")
        }
    }
}
