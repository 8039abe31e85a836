import Foundation

/// Decoding header text: RFC 2047 encoded-words (B and Q, any charset the parser knows) and raw 8-bit
/// bytes (decoded in the header block's guessed charset).
///
/// White space between adjacent encoded-words is dropped, and adjacent words in the same charset have
/// their bytes joined before decoding, so a character split across two words is rebuilt (zammad#2953).
/// Words are recognised anywhere, also inside quoted display names and glued to text, as mailers write them.
struct HeaderTextDecoder {
    /// The charset raw 8-bit bytes are decoded in (the header block's guess).
    var fallback: MailCharset = .utf8

    /// One parsed encoded-word.
    private struct Word {
        var end: Int
        var charset: String
        var bytes: [UInt8]
        var valid: Bool
    }

    /// Decodes `input`, adding what went wrong to `problems` with `field` as the detail.
    func decode(_ input: UnsafeBufferPointer<UInt8>, field: String, problems: inout [MailProblem]) -> String {
        if !Self.mayHoldEncodedWord(input) && !ByteScan.hasEightBit(input) {
            return String(decoding: input, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count &+ 16)
        var run: (charset: String, bytes: [UInt8])?
        var literalStart = 0
        var index = 0
        let count = input.count
        while let equals = ByteScan.find(UInt8(ascii: "="), in: input, from: index, to: count) {
            index = equals &+ 1
            guard equals &+ 1 < count, input[equals &+ 1] == UInt8(ascii: "?") else { continue }
            guard let word = Self.word(in: input, at: equals) else { continue }
            let literal = UnsafeBufferPointer(rebasing: input[literalStart..<equals])
            let onlySpace = literal.allSatisfy(ByteScan.isSpace)
            if run == nil || !onlySpace || !word.valid {
                if let pending = run { flush(pending, into: &output, field: field, problems: &problems) }
                run = nil
                appendLiteral(literal, into: &output)
            }
            if word.valid {
                if run?.charset == word.charset {
                    run?.bytes.append(contentsOf: word.bytes)
                } else {
                    if let pending = run { flush(pending, into: &output, field: field, problems: &problems) }
                    run = (word.charset, word.bytes)
                }
            } else {
                problems.append(MailProblem(.invalidEncodedWord, field))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[equals..<word.end]))
            }
            literalStart = word.end
            index = word.end
        }
        if let pending = run { flush(pending, into: &output, field: field, problems: &problems) }
        appendLiteral(UnsafeBufferPointer(rebasing: input[literalStart..<count]), into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `true` when `=?` occurs in `input`.
    private static func mayHoldEncodedWord(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while let equals = ByteScan.find(UInt8(ascii: "="), in: input, from: index, to: input.count) {
            if equals &+ 1 < input.count && input[equals &+ 1] == UInt8(ascii: "?") { return true }
            index = equals &+ 1
        }
        return false
    }

    /// Appends text outside encoded-words: ASCII as is, 8-bit bytes in the fallback charset (or guessed
    /// when they are not valid in it).
    private func appendLiteral(_ literal: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard ByteScan.hasEightBit(literal) else {
            output.append(contentsOf: literal)
            return
        }
        if fallback.appendUTF8(of: literal, to: &output) { return }
        CharsetGuess.appendGuessing(literal, to: &output)
    }

    /// Appends the joined bytes of adjacent words decoded in their charset.
    private func flush(
        _ run: (charset: String, bytes: [UInt8]), into output: inout [UInt8], field: String,
        problems: inout [MailProblem]
    ) {
        run.bytes.withUnsafeBufferPointer { bytes in
            guard let charset = MailCharset.named(run.charset) else {
                problems.append(MailProblem(.unknownCharset, "\(field): \(run.charset)"))
                CharsetGuess.appendGuessing(bytes, to: &output)
                return
            }
            if charset.appendUTF8(of: bytes, to: &output) { return }
            problems.append(MailProblem(.invalidText, "\(field): \(run.charset)"))
            CharsetGuess.appendGuessing(bytes, to: &output)
        }
    }

    /// The encoded-word `=?charset?B|Q?text?=` starting at `start`, or `nil` when the bytes there do not
    /// have its shape. A word of that shape with an unknown encoding or invalid text is returned invalid.
    private static func word(in input: UnsafeBufferPointer<UInt8>, at start: Int) -> Word? {
        let count = input.count
        var index = start &+ 2
        let charsetStart = index
        while index < count, isCharsetByte(input[index]) { index &+= 1 }
        guard index > charsetStart, index < count, input[index] == UInt8(ascii: "?") else { return nil }
        var charsetEnd = index
        if let star = ByteScan.find(UInt8(ascii: "*"), in: input, from: charsetStart, to: charsetEnd) {
            charsetEnd = star  // RFC 2231 language suffix
        }
        index &+= 1
        guard index &+ 1 < count, input[index &+ 1] == UInt8(ascii: "?") else { return nil }
        let encoding = ByteScan.lower(input[index])
        index &+= 2
        let textStart = index
        while index < count, input[index] != UInt8(ascii: "?"), input[index] > 0x20, input[index] < 0x7F {
            index &+= 1
        }
        guard index &+ 1 < count, input[index] == UInt8(ascii: "?"), input[index &+ 1] == UInt8(ascii: "=") else {
            return nil
        }
        let text = UnsafeBufferPointer(rebasing: input[textStart..<index])
        let end = index &+ 2
        let charset = ByteScan.lowercaseString(UnsafeBufferPointer(rebasing: input[charsetStart..<charsetEnd]))
        switch encoding {
        case UInt8(ascii: "b"):
            let (bytes, valid) = Base64Decoding.decode(text)
            return Word(end: end, charset: charset, bytes: bytes, valid: valid)
        case UInt8(ascii: "q"):
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.count)
            let valid = QuotedPrintableDecoding.decodeQ(text, into: &bytes)
            return Word(end: end, charset: charset, bytes: bytes, valid: valid)
        default:
            return Word(end: end, charset: charset, bytes: [], valid: false)
        }
    }

    /// Bytes allowed in a charset name (RFC 2047 `token`, plus `*` for a language suffix).
    @inline(__always)
    private static func isCharsetByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "*"),
            UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
            UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "~"):
            true
        default: false
        }
    }
}
