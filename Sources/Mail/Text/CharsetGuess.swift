import Foundation

/// Guessing the charset of undeclared or mislabelled 8-bit text: UTF-8 when the bytes are valid UTF-8,
/// else windows-1251 or KOI8-R, whichever decoding reads more like Russian text (both encode Cyrillic in
/// the upper half, with the cases swapped: Russian text is mostly lowercase, and о е а и н т с are common);
/// windows-1252 when the 8-bit bytes are accents inside Latin words.
enum CharsetGuess {
    /// The likeliest charset of `input`.
    static func guess(_ input: UnsafeBufferPointer<UInt8>) -> MailCharset {
        if !ByteScan.hasEightBit(input) || UTF8Validation.isValid(input) { return .utf8 }
        return guessEightBit(input)
    }

    /// Appends `input` decoded in its guessed charset: UTF-8 when valid; UTF-8 with replacement characters
    /// when its valid multi-byte sequences outnumber the invalid bytes (damaged or truncated UTF-8);
    /// else windows-1251 or KOI8-R.
    static func appendGuessing(_ input: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        if !ByteScan.hasEightBit(input) || UTF8Validation.isValid(input) {
            output.append(contentsOf: input)
            return
        }
        let (sequences, invalid) = UTF8Validation.census(input)
        if sequences > invalid {
            output.append(contentsOf: String(decoding: input, as: UTF8.self).utf8)
            return
        }
        _ = guessEightBit(input).appendUTF8(of: input, to: &output)
    }

    /// The charset of 8-bit text that is not UTF-8: windows-1251 or KOI8-R (windows-1251 on a tie); windows-1252 when
    /// the 8-bit bytes sit inside Latin words (most runs of them touch an ASCII letter, as in `café`,
    /// `Grüße`), where Cyrillic words are runs of 8-bit bytes between spaces.
    static func guessEightBit(_ input: UnsafeBufferPointer<UInt8>) -> MailCharset {
        var windows = 0
        var koi = 0
        var runs = 0
        var latinRuns = 0
        var index = 0
        let count = input.count
        while index < count {
            guard input[index] >= 0x80 else {
                index &+= 1
                continue
            }
            let start = index
            while index < count && input[index] >= 0x80 {
                windows &+= windowsScores[Int(input[index] & 0x7F)]
                koi &+= koiScores[Int(input[index] & 0x7F)]
                index &+= 1
            }
            runs &+= 1
            if (start > 0 && isASCIILetter(input[start &- 1])) || (index < count && isASCIILetter(input[index])) {
                latinRuns &+= 1
            }
        }
        if latinRuns &* 2 > runs { return .windows1252 }
        return koi > windows ? .koi8R : .windows1251
    }

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        let lowered = byte | 0x20
        return lowered >= 0x61 && lowered <= 0x7A
    }

    private static let windowsScores = scores(CharsetTables.windows1251)
    private static let koiScores = scores(CharsetTables.koi8R)

    /// Per upper-half byte: 3 for a common lowercase Russian letter, 1 for another lowercase Cyrillic
    /// letter, 0 for an uppercase letter, -1 for anything else (box drawing, punctuation).
    private static func scores(_ table: [UInt16]) -> [Int] {
        table.map { scalar in
            switch scalar {
            case 0x043E, 0x0435, 0x0430, 0x0438, 0x043D, 0x0442, 0x0441: 3  // о е а и н т с
            case 0x0430...0x044F, 0x0451: 1
            case 0x0410...0x042F, 0x0401: 0
            default: -1
            }
        }
    }
}

/// Small byte-level helpers shared by the decoders and the parser.
enum ByteScan {
    /// `true` when some byte of `input` is 0x80 or above.
    @inline(__always)
    static func hasEightBit(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = input.count
        // Eight bytes at a time while they are aligned enough to read as one word.
        if let base = input.baseAddress {
            while count &- index >= 8 {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { return true }
                index &+= 8
            }
        }
        while index < count {
            if input[index] >= 0x80 { return true }
            index &+= 1
        }
        return false
    }

    /// `true` for space and horizontal tab.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// `true` for space, tab, CR and LF.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    /// The ASCII lowercase of `byte`.
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte &+ 32 : byte }

    /// The value of a hexadecimal digit (either case), or `nil`.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte &- 48
        case 65...70: byte &- 55
        case 97...102: byte &- 87
        default: nil
        }
    }

    /// `input` without leading and trailing space, tab, CR and LF.
    static func trimmed(_ input: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = input.count
        while start < end && isSpace(input[start]) { start &+= 1 }
        while end > start && isSpace(input[end &- 1]) { end &-= 1 }
        return UnsafeBufferPointer(rebasing: input[start..<end])
    }

    /// The bytes as a lowercase ASCII string (other bytes kept as Latin-1 scalars).
    static func lowercaseString(_ input: UnsafeBufferPointer<UInt8>) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(input.count)
        for byte in input { result.unicodeScalars.append(Unicode.Scalar(lower(byte))) }
        return result
    }

    /// The index of the first `byte` in `input[from..<to]`, or `nil`.
    @inline(__always)
    static func find(_ byte: UInt8, in input: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = input.baseAddress else { return nil }
        guard let found = memchr(base + from, Int32(byte), to &- from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

/// Decoding text in a declared (or undeclared) charset, never failing.
enum TextDecoding {
    /// What went wrong while decoding, if anything.
    enum Trouble { case unknownCharset, invalidText }

    /// Decodes `input` declared as `label`: an unknown label is guessed (``Trouble/unknownCharset``),
    /// bytes invalid in the declared charset are guessed (``Trouble/invalidText``); with no label,
    /// US-ASCII is assumed and 8-bit text guessed quietly.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, label: String?) -> (text: String, trouble: Trouble?) {
        guard let label, !label.isEmpty else {
            if let text = MailCharset.ascii.decode(input) { return (text, nil) }
            return (guessed(input), nil)
        }
        guard let charset = MailCharset.named(label) else { return (guessed(input), .unknownCharset) }
        if let text = charset.decode(input) { return (text, nil) }
        return (guessed(input), .invalidText)
    }

    /// `input` decoded in its guessed charset.
    static func guessed(_ input: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        CharsetGuess.appendGuessing(input, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
