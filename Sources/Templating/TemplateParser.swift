/// The one-pass parser behind `Template(parsing:limits:)`, over the source's UTF-8 bytes.
///
/// Grammar, scanned left to right:
///
///     template    = { text | "{{{{" | "}}}}" | placeholder }
///     placeholder = "{{" ws path ws [ "|" ws string ws ] "}}"
///     path        = identifier { "." identifier }      identifier = [A-Za-z_][A-Za-z0-9_]*
///     string      = '"' { any but '"' and '\' | '\"' | '\\' } '"'
///     ws          = { " " | "\t" | "\n" | "\r" }
///
/// `{{{{` is a literal `{{`, `}}}}` a literal `}}`; any other `}}` outside a placeholder is an error.
struct TemplateParser {
    /// What a successful parse yields.
    struct Parsed {
        var literals: [String]
        var placeholders: [Template.Placeholder]
    }

    private let bytes: [UInt8]
    private let limits: TemplateLimits
    private var index = 0
    private var tracker: PositionTracker
    private var literal: [UInt8] = []
    private var parsed = Parsed(literals: [], placeholders: [])

    private static let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    private static let bar = UInt8(ascii: "|"), dot = UInt8(ascii: ".")

    /// Parses `source` or throws the first problem.
    static func parse(_ source: String, limits: TemplateLimits) throws(TemplateError) -> Parsed {
        let length = source.utf8.count, maximum = max(limits.maximumBytes, 0)
        if length > maximum {
            let bytes = Array(source.utf8.prefix(maximum + 4))
            var cut = maximum
            while cut > 0, cut < bytes.count, bytes[cut] & 0b1100_0000 == 0b1000_0000 { cut -= 1 }
            var tracker = PositionTracker(bytes)
            throw TemplateError(.templateTooLong, at: tracker.position(at: cut),
                                "the template is \(length) bytes long; at most \(maximum) are allowed")
        }
        var parser = TemplateParser(bytes: Array(source.utf8), limits: limits)
        return try parser.run()
    }

    private init(bytes: [UInt8], limits: TemplateLimits) {
        self.bytes = bytes
        self.limits = limits
        self.tracker = PositionTracker(bytes)
    }

    private func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func isPair(_ brace: UInt8, at offset: Int) -> Bool { byte(offset) == brace && byte(offset + 1) == brace }

    private mutating func run() throws(TemplateError) -> Parsed {
        while index < bytes.count {
            let current = bytes[index]
            if current != Self.open && current != Self.close {
                var end = index + 1
                while end < bytes.count, bytes[end] != Self.open, bytes[end] != Self.close { end += 1 }
                literal.append(contentsOf: bytes[index..<end])
                index = end
            } else if !isPair(current, at: index) {
                literal.append(current)  // a lone `{` or `}` is text
                index += 1
            } else if isPair(current, at: index + 2) {
                literal.append(contentsOf: [current, current])  // `{{{{` or `}}}}`
                index += 4
            } else if current == Self.close {
                throw TemplateError(.strayClosingBraces, at: tracker.position(at: index),
                                    "'}}' outside a placeholder (write '}}}}' for a literal '}}')")
            } else {
                try placeholder()
            }
        }
        parsed.literals.append(String(decoding: literal, as: UTF8.self))
        return parsed
    }

    private mutating func skipWhitespace() {
        while let current = byte(index), current == 0x20 || current == 0x09 || current == 0x0A || current == 0x0D {
            index += 1
        }
    }

    /// Parses one placeholder starting at its `{{`.
    private mutating func placeholder() throws(TemplateError) {
        let start = index
        let opening = tracker.position(at: start)
        index += 2
        skipWhitespace()
        guard let first = byte(index) else { throw unclosed(opening) }
        if isPair(Self.close, at: index) {
            throw TemplateError(.emptyPlaceholder, at: opening, "'{{ }}' names no value")
        }
        if !Self.startsIdentifier(first) { throw unexpected(opening, "a placeholder must start with a name") }
        let path = try parsePath(opening)
        skipWhitespace()
        var fallback: String?
        if byte(index) == Self.bar {
            index += 1
            skipWhitespace()
            guard let next = byte(index) else { throw unclosed(opening) }
            guard next == Self.quote else {
                throw TemplateError(.malformedFallback, at: tracker.position(at: index),
                                    "a fallback must be a quoted string, e.g. | \"клиент\"")
            }
            fallback = try parseString()
            skipWhitespace()
            guard byte(index) != nil else { throw unclosed(opening) }
            guard isPair(Self.close, at: index) else {
                throw TemplateError(.malformedFallback, at: tracker.position(at: index),
                                    "expected '}}' after the fallback string")
            }
        } else if byte(index) == nil {
            throw unclosed(opening)
        } else if !isPair(Self.close, at: index) {
            throw unexpected(opening, "expected '.', '|' or '}}' after '\(path)'")
        }
        index += 2
        let maximumPlaceholders = max(limits.maximumPlaceholders, 0)
        if parsed.placeholders.count >= maximumPlaceholders {
            throw TemplateError(.tooManyPlaceholders, at: opening, "more than \(maximumPlaceholders) placeholders")
        }
        parsed.literals.append(String(decoding: literal, as: UTF8.self))
        literal.removeAll(keepingCapacity: true)
        parsed.placeholders.append(Template.Placeholder(path: path, fallback: fallback, position: opening))
    }

    /// Reads `identifier { "." identifier }`; the first byte is known to start an identifier.
    private mutating func parsePath(_ opening: TemplatePosition) throws(TemplateError) -> String {
        let start = index
        while true {
            guard let first = byte(index), Self.startsIdentifier(first) else {
                if byte(index) == nil { throw unclosed(opening) }
                throw unexpected(opening, "expected a name after '.'")
            }
            index += 1
            while let next = byte(index), Self.continuesIdentifier(next) { index += 1 }
            guard byte(index) == Self.dot else { break }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Reads a quoted string at `index` with `\"` and `\\` escapes, returning its value.
    private mutating func parseString() throws(TemplateError) -> String {
        let openingQuote = index
        var value: [UInt8] = []
        index += 1
        while let current = byte(index) {
            if current == Self.quote {
                index += 1
                return String(decoding: value, as: UTF8.self)
            }
            if current == Self.backslash {
                guard let escaped = byte(index + 1) else { break }
                guard escaped == Self.quote || escaped == Self.backslash else {
                    throw TemplateError(.malformedFallback, at: tracker.position(at: index),
                                        "only \\\" and \\\\ may follow '\\' in a fallback")
                }
                value.append(escaped)
                index += 2
            } else {
                value.append(current)
                index += 1
            }
        }
        throw TemplateError(.unclosedFallback, at: tracker.position(at: openingQuote),
                            "the fallback string has no closing '\"'")
    }

    private func unclosed(_ opening: TemplatePosition) -> TemplateError {
        TemplateError(.unclosedPlaceholder, at: opening, "'{{' is never closed by '}}'")
    }

    /// An unexpected byte in a path: reported as an unclosed `{{` when no `}}` follows before
    /// the next `{{` (the likelier mistake), as a malformed path at that byte otherwise.
    private mutating func unexpected(_ opening: TemplatePosition, _ reason: String) -> TemplateError {
        var scan = index
        while scan < bytes.count, !isPair(Self.open, at: scan) {
            if isPair(Self.close, at: scan) {
                return TemplateError(.malformedPath, at: tracker.position(at: index), reason)
            }
            scan += 1
        }
        return unclosed(opening)
    }

    private static func startsIdentifier(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
    }

    private static func continuesIdentifier(_ byte: UInt8) -> Bool {
        startsIdentifier(byte) || (byte >= 0x30 && byte <= 0x39)
    }
}
