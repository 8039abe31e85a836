/// Reading RFC 5322 `mailbox-list` and `address-list` values: display names quoted, encoded or plain,
/// comments, groups flattened to their members, angle-addr and bare addr-spec, obsolete routes; garbage
/// is tolerated and reported as ``MailProblem/Kind/invalidAddress``.
struct AddressParser {
    /// Decodes display names (encoded-words, raw 8-bit bytes).
    var decoder: HeaderTextDecoder

    /// One lexical unit of an address header.
    private enum Token {
        case word([UInt8])
        case quoted([UInt8])
        case comment([UInt8])
        case special(UInt8)
        case space
    }

    /// The mailboxes in `value`, problems reported under `field`.
    func addresses(_ value: [UInt8], field: String, problems: inout [MailProblem]) -> [MailAddress] {
        let tokens = value.withUnsafeBufferPointer(Self.tokens)
        var result: [MailAddress] = []
        var current: [Token] = []
        var invalid = false
        var inGroup = false
        var inAngle = false
        for token in tokens {
            if case .special(let byte) = token {
                if byte == UInt8(ascii: "<") { inAngle = true }
                if byte == UInt8(ascii: ">") { inAngle = false }
                if inAngle && byte != UInt8(ascii: "<") {
                    current.append(token)
                    continue
                }
                if byte == UInt8(ascii: ",") || (byte == UInt8(ascii: ";") && inGroup) {
                    if !mailbox(current, into: &result) { invalid = true }
                    current = []
                    if byte == UInt8(ascii: ";") { inGroup = false }
                    continue
                }
                if byte == UInt8(ascii: ":") && !inGroup && !current.contains(where: Self.isAngle) {
                    inGroup = true  // a group's display name: dropped, its members follow
                    current = []
                    continue
                }
            }
            current.append(token)
        }
        if !mailbox(current, into: &result) { invalid = true }
        if invalid { problems.append(MailProblem(.invalidAddress, field)) }
        return result
    }

    /// Appends the mailbox `tokens` spell; `false` when they were not a valid mailbox (what could be
    /// read is still appended).
    private func mailbox(_ tokens: [Token], into result: inout [MailAddress]) -> Bool {
        guard
            tokens.contains(where: { if case .space = $0 { false } else if case .comment = $0 { false } else { true } })
        else { return true }  // empty list element: allowed (obs-mbox-list)
        if let open = tokens.firstIndex(where: Self.isAngle) {
            let close = tokens[open...].firstIndex { if case .special(UInt8(ascii: ">")) = $0 { true } else { false } }
            var inner = Array(tokens[(open &+ 1)..<(close ?? tokens.endIndex)])
            if let colon = inner.lastIndex(where: { if case .special(UInt8(ascii: ":")) = $0 { true } else { false } })
            {
                inner = Array(inner[(colon &+ 1)...])  // obsolete route @a,@b:
            }
            let address = addrSpec(inner)
            let name = displayName(Array(tokens[..<open]))
            guard !address.isEmpty else { return name == nil }
            result.append(MailAddress(name: name, address: address))
            return close != nil && address.utf8.contains(UInt8(ascii: "@"))
        }
        let address = addrSpec(tokens)
        guard !address.isEmpty else { return false }
        // An old-style name in a trailing comment: `ivan@example.ru (Иван Петров)`.
        var name: String?
        for case .comment(let text) in tokens.reversed() {
            name = decodedName(text)
            break
        }
        result.append(MailAddress(name: name, address: address))
        return address.utf8.contains(UInt8(ascii: "@")) && !address.utf8.contains(0x20)
    }

    /// The address from addr-spec tokens: words joined without the white space around dots and `@`.
    private func addrSpec(_ tokens: [Token]) -> String {
        var bytes: [UInt8] = []
        var spaceBetweenWords = false
        var lastWasWord = false
        for token in tokens {
            switch token {
            case .word(let text), .quoted(let text):
                let dotted = bytes.last == UInt8(ascii: ".") || text.first == UInt8(ascii: ".")
                if spaceBetweenWords && lastWasWord && !dotted { bytes.append(0x20) }
                if case .quoted = token {
                    bytes.append(UInt8(ascii: "\""))
                    bytes.append(contentsOf: text)
                    bytes.append(UInt8(ascii: "\""))
                } else {
                    bytes.append(contentsOf: text)
                }
                lastWasWord = true
                spaceBetweenWords = false
            case .special(let byte):
                if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: ",") { continue }
                bytes.append(byte)
                lastWasWord = false
            case .space: spaceBetweenWords = true
            case .comment: continue
            }
        }
        var ignored: [MailProblem] = []  // the header's decoded value reports decoding problems
        return bytes.withUnsafeBufferPointer { decoder.decode($0, field: "", problems: &ignored) }
    }

    /// The display name before an angle-addr: words and quoted strings joined by single spaces, then
    /// decoded (adjacent encoded-words joined, also inside quotes); `nil` when empty.
    private func displayName(_ tokens: [Token]) -> String? {
        var bytes: [UInt8] = []
        var pendingSpace = false
        for token in tokens {
            switch token {
            case .word(let text), .quoted(let text):
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                bytes.append(contentsOf: text)
                pendingSpace = false
            case .special(let byte):
                bytes.append(byte)
            case .space, .comment: pendingSpace = true
            }
        }
        return decodedName(bytes)
    }

    /// `bytes` decoded and trimmed; `nil` when nothing is left.
    private func decodedName(_ bytes: [UInt8]) -> String? {
        var ignored: [MailProblem] = []  // the header's decoded value reports decoding problems
        let name = bytes.withUnsafeBufferPointer { decoder.decode(ByteScan.trimmed($0), field: "", problems: &ignored) }
        let trimmed = name.trimmingBlanks()
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func isAngle(_ token: Token) -> Bool {
        if case .special(UInt8(ascii: "<")) = token { true } else { false }
    }

    /// Splits an address header into tokens.
    private static func tokens(_ input: UnsafeBufferPointer<UInt8>) -> [Token] {
        var result: [Token] = []
        var scanner = TokenScanner(input: input)
        let count = input.count
        while scanner.index < count {
            let byte = input[scanner.index]
            if ByteScan.isSpace(byte) {
                while scanner.index < count && ByteScan.isSpace(input[scanner.index]) { scanner.index &+= 1 }
                result.append(.space)
            } else if byte == UInt8(ascii: "\"") {
                result.append(.quoted(scanner.quotedString()))
            } else if byte == UInt8(ascii: "(") {
                let start = scanner.index
                scanner.skipComment()
                let end = min(scanner.index, count)
                let inner = UnsafeBufferPointer(rebasing: input[min(start &+ 1, end)..<max(start &+ 1, end &- 1)])
                result.append(.comment(Array(inner)))
            } else if isAddressSpecial(byte) {
                result.append(.special(byte))
                scanner.index &+= 1
            } else {
                let start = scanner.index
                while scanner.index < count, !ByteScan.isSpace(input[scanner.index]),
                    !isAddressSpecial(input[scanner.index]), input[scanner.index] != UInt8(ascii: "\""),
                    input[scanner.index] != UInt8(ascii: "(")
                {
                    scanner.index &+= 1
                }
                result.append(.word(Array(UnsafeBufferPointer(rebasing: input[start..<scanner.index]))))
            }
        }
        return result
    }

    /// The specials that structure an address (a `.` stays inside words).
    @inline(__always)
    private static func isAddressSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
            UInt8(ascii: "@"):
            true
        default: false
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
