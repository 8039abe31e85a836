/// A parsed `Content-Type` or `Content-Disposition` value: the leading value and the parameters.
struct ContentField {
    /// `type/subtype` or the disposition, lowercased; `nil` when unreadable.
    var value: String?
    /// Parameters, names lowercased, values decoded: RFC 2231 sections joined and charset-decoded,
    /// encoded-words in quoted values decoded (as mailers write `name="=?utf-8?B?…?="`).
    var parameters: [String: String] = [:]
    /// The `boundary` parameter's bytes exactly as written (unquoted).
    var boundary: [UInt8]?

    /// One RFC 2231 section: `name*2*=…`.
    private struct Section {
        var number: Int
        var encoded: Bool
        var bytes: [UInt8]
    }

    /// Parses `input`; `isMediaType` asks for `type/subtype` rather than a single token.
    static func parse(
        _ input: UnsafeBufferPointer<UInt8>, isMediaType: Bool, decoder: HeaderTextDecoder, field: String,
        problems: inout [MailProblem]
    ) -> ContentField {
        var result = ContentField()
        var scanner = TokenScanner(input: input)
        scanner.skipSpaceAndComments()
        if let type = scanner.token() {
            if isMediaType {
                scanner.skipSpaceAndComments()
                if scanner.take(UInt8(ascii: "/")) {
                    scanner.skipSpaceAndComments()
                    if let subtype = scanner.token() { result.value = type.lowercased() + "/" + subtype.lowercased() }
                }
            } else {
                result.value = type.lowercased()
            }
        }
        var sections: [String: [Section]] = [:]
        var sectionOrder: [String] = []
        while scanner.skip(past: UInt8(ascii: ";")) {
            scanner.skipSpaceAndComments()
            guard let rawName = scanner.token(allowingStar: true) else { continue }
            scanner.skipSpaceAndComments()
            guard scanner.take(UInt8(ascii: "=")) else { continue }
            scanner.skipSpaceAndComments()
            let valueBytes = scanner.parameterValue()
            var name = rawName.lowercased()
            if let star = name.firstIndex(of: "*") {
                let rest = name[name.index(after: star)...]
                let encoded = rest.hasSuffix("*") || rest.isEmpty
                let digits = rest.hasSuffix("*") ? rest.dropLast() : rest
                let number = digits.isEmpty ? 0 : Int(digits) ?? -1
                name = String(name[..<star])
                guard number >= 0, number < 1_000 else { continue }
                if sections[name] == nil { sectionOrder.append(name) }
                sections[name, default: []].append(Section(number: number, encoded: encoded, bytes: valueBytes))
                continue
            }
            guard result.parameters[name] == nil else { continue }
            if name == "boundary" { result.boundary = valueBytes }
            result.parameters[name] = valueBytes.withUnsafeBufferPointer {
                decoder.decode($0, field: field, problems: &problems)
            }
        }
        for name in sectionOrder {
            guard let parts = sections[name] else { continue }
            result.parameters[name] = joined(parts.sorted { $0.number < $1.number }, decoder: decoder)
            if name == "boundary" { result.boundary = parts.flatMap(\.bytes) }
        }
        return result
    }

    /// The value of RFC 2231 sections: percent escapes undone in encoded sections, decoded in the charset
    /// the first section names (guessed when unknown or absent).
    private static func joined(_ sections: [Section], decoder: HeaderTextDecoder) -> String {
        var bytes: [UInt8] = []
        var charset: String?
        for (position, section) in sections.enumerated() {
            var value = section.bytes[...]
            if position == 0 && section.encoded {
                // charset'language'value
                if let quote = value.firstIndex(of: UInt8(ascii: "'")) {
                    charset = String(decoding: value[..<quote], as: UTF8.self)
                    let afterCharset = value[(quote &+ 1)...]
                    if let secondQuote = afterCharset.firstIndex(of: UInt8(ascii: "'")) {
                        value = value[(secondQuote &+ 1)...]
                    } else {
                        value = afterCharset
                    }
                }
            }
            guard section.encoded else {
                bytes.append(contentsOf: value)
                continue
            }
            var index = value.startIndex
            while index < value.endIndex {
                let byte = value[index]
                if byte == UInt8(ascii: "%"), index &+ 2 < value.endIndex,
                    let high = ByteScan.hexValue(value[index &+ 1]), let low = ByteScan.hexValue(value[index &+ 2])
                {
                    bytes.append(high << 4 | low)
                    index &+= 3
                } else {
                    bytes.append(byte)
                    index &+= 1
                }
            }
        }
        return bytes.withUnsafeBufferPointer { buffer in
            if let charset, let known = MailCharset.named(charset), let text = known.decode(buffer) { return text }
            if !ByteScan.hasEightBit(buffer) {
                var ignored: [MailProblem] = []
                return decoder.decode(buffer, field: "", problems: &ignored)
            }
            return TextDecoding.guessed(buffer)
        }
    }
}

/// A cursor over structured header bytes: tokens, quoted strings, comments (RFC 5322 CFWS).
struct TokenScanner {
    let input: UnsafeBufferPointer<UInt8>
    var index = 0

    /// `true` when every byte has been read.
    var atEnd: Bool { index >= input.count }

    /// Skips white space and nested comments `(…)` (unterminated comments run to the end).
    mutating func skipSpaceAndComments() {
        let count = input.count
        while index < count {
            let byte = input[index]
            if ByteScan.isSpace(byte) {
                index &+= 1
            } else if byte == UInt8(ascii: "(") {
                skipComment()
            } else {
                return
            }
        }
    }

    /// Skips the comment starting at the current `(`.
    mutating func skipComment() {
        var depth = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: "\\") {
                index &+= 2
                continue
            }
            if byte == UInt8(ascii: "(") { depth &+= 1 }
            if byte == UInt8(ascii: ")") {
                depth &-= 1
                if depth == 0 {
                    index &+= 1
                    return
                }
            }
            index &+= 1
        }
        index = count
    }

    /// Reads `byte` when it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard index < input.count, input[index] == byte else { return false }
        index &+= 1
        return true
    }

    /// Moves past the next `byte` outside quoted strings and comments; `false` at the end.
    mutating func skip(past byte: UInt8) -> Bool {
        let count = input.count
        while index < count {
            let current = input[index]
            if current == byte {
                index &+= 1
                return true
            }
            if current == UInt8(ascii: "\"") {
                _ = quotedString()
            } else if current == UInt8(ascii: "(") {
                skipComment()
            } else {
                index &+= 1
            }
        }
        return false
    }

    /// An RFC 2045 token (with `*` for RFC 2231 names when `allowingStar`), or `nil`.
    mutating func token(allowingStar: Bool = false) -> String? {
        let start = index
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte <= 0x20 || byte >= 0x7F { break }
            if Self.isSpecial(byte) && !(allowingStar && byte == UInt8(ascii: "*")) { break }
            index &+= 1
        }
        guard index > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self)
    }

    /// A parameter value: a quoted string (unescaped), or the bytes up to `;` or white space (tolerating
    /// characters a token may not hold, as in unquoted boundaries with `=` or `/`).
    mutating func parameterValue() -> [UInt8] {
        if index < input.count && input[index] == UInt8(ascii: "\"") { return quotedString() }
        let start = index
        let count = input.count
        while index < count, input[index] != UInt8(ascii: ";"), !ByteScan.isSpace(input[index]) { index &+= 1 }
        return Array(UnsafeBufferPointer(rebasing: input[start..<index]))
    }

    /// The content of the quoted string at the current `"`, escapes undone (unterminated: to the end).
    mutating func quotedString() -> [UInt8] {
        var result: [UInt8] = []
        index &+= 1
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: "\\") && index &+ 1 < count {
                result.append(input[index &+ 1])
                index &+= 2
                continue
            }
            index &+= 1
            if byte == UInt8(ascii: "\"") { return result }
            if byte == 0x0D || byte == 0x0A { continue }
            result.append(byte)
        }
        return result
    }

    /// RFC 2045 `tspecials` and the RFC 5322 specials.
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\\"), UInt8(ascii: "\""),
            UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "?"), UInt8(ascii: "="):
            true
        default: false
        }
    }
}
