/// Turning an HTML body into readable text: tags stripped, `<script>`, `<style>`, `<title>` and comments
/// dropped, entities decoded, block structure kept as line breaks (paragraphs and headings as an empty
/// line, list items as `- `), white space collapsed within a line (kept inside `<pre>`), at most one empty
/// line in a row, line ends `\n`.
enum HTMLText {
    /// The text of `html`.
    static func text(of html: String) -> String {
        var html = html
        return html.withUTF8 { input in
            var writer = Writer()
            writer.output.reserveCapacity(input.count / 2)
            convert(input, into: &writer)
            return String(decoding: writer.output, as: UTF8.self)
        }
    }

    /// How a tag breaks the text (`drop`: its content is not text).
    private enum Break: UInt8 { case none, space, line, paragraph, lineBreak, item, drop }

    private static let breaks: KeyTable = {
        var table = KeyTable()
        for (name, kind) in [("br", Break.lineBreak), ("li", .item), ("td", .space), ("th", .space)] {
            table[Tag.key(name)] = kind.rawValue
        }
        for name in ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "pre", "dl"] {
            table[Tag.key(name)] = Break.paragraph.rawValue
        }
        for name in ["script", "style", "title", "template", "xml"] { table[Tag.key(name)] = Break.drop.rawValue }
        for name in [
            "div", "tr", "dt", "dd", "hr", "address", "article", "section", "header", "footer", "nav", "aside",
            "center", "form", "fieldset", "figure", "figcaption", "caption", "main", "tbody", "thead", "tfoot",
            "body", "html",
        ] { table[Tag.key(name)] = Break.line.rawValue }
        return table
    }()

    private static let pre = Tag.key("pre")
    private static let ul = Tag.key("ul")
    private static let ol = Tag.key("ol")

    private static func convert(_ input: UnsafeBufferPointer<UInt8>, into writer: inout Writer) {
        let count = input.count
        var index = 0
        var listDepth = 0
        var preDepth = 0
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: "<") {
                guard let tag = Tag.parse(input, at: index) else {
                    writer.character(byte, pre: preDepth > 0)
                    index &+= 1
                    continue
                }
                index = tag.end
                guard let name = tag.name else { continue }
                var kind = Break(rawValue: breaks[name]) ?? .none
                if kind == .drop {
                    if !tag.isEnd { index = Tag.skipContent(of: tag, in: input, from: index) }
                    continue
                }
                if name == pre { preDepth = max(0, preDepth &+ (tag.isEnd ? -1 : 1)) }
                if name == ul || name == ol { listDepth = max(0, min(listDepth &+ (tag.isEnd ? -1 : 1), 16)) }
                if (name == ul || name == ol) && (listDepth > 1 || (listDepth == 1 && tag.isEnd)) { kind = .line }
                switch kind {
                case .none, .drop: break
                case .space: writer.space()
                case .line: writer.requestBreaks(1)
                case .paragraph: writer.requestBreaks(2)
                case .lineBreak: writer.lineBreak()
                case .item:
                    writer.requestBreaks(1)
                    if !tag.isEnd {
                        writer.prefix = Array(repeating: 0x20, count: max(0, listDepth &- 1) &* 2) + [0x2D, 0x20]
                    }
                }
            } else if byte == UInt8(ascii: "&") {
                let (scalar, end) = entity(input, at: index)
                index = end
                if let scalar {
                    if scalar == 0xA0 {
                        writer.character(0x20, pre: preDepth > 0)
                    } else {
                        writer.scalar(scalar)
                    }
                } else {
                    writer.character(byte, pre: preDepth > 0)
                }
            } else if byte <= 0x20 {
                writer.character(byte, pre: preDepth > 0)
                index &+= 1
            } else if byte == 0xC2 && index &+ 1 < count && input[index &+ 1] == 0xA0 {
                writer.character(0x20, pre: preDepth > 0)  // a raw no-break space counts as a space, as &nbsp; does
                index &+= 2
            } else {
                // A run of visible text, copied at once.
                var end = index &+ 1
                while end < count {
                    let next = input[end]
                    if next == UInt8(ascii: "<") || next == UInt8(ascii: "&") || next <= 0x20 { break }
                    if next == 0xC2 && end &+ 1 < count && input[end &+ 1] == 0xA0 { break }
                    end &+= 1
                }
                writer.run(UnsafeBufferPointer(rebasing: input[index..<end]))
                index = end
            }
        }
    }

    /// The character reference at `start` (`&name;`, `&#123;`, `&#x1F;`) and the index after it, or `nil`
    /// and the index after the `&` when there is none.
    private static func entity(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> (UInt32?, Int) {
        let count = input.count
        var index = start &+ 1
        if index < count && input[index] == UInt8(ascii: "#") {
            index &+= 1
            var radix: UInt32 = 10
            if index < count && (input[index] | 0x20) == UInt8(ascii: "x") {
                radix = 16
                index &+= 1
            }
            var value: UInt32 = 0
            let digitsStart = index
            while index < count, let digit = ByteScan.hexValue(input[index]), UInt32(digit) < radix {
                if value <= 0x10FFFF { value = value &* radix &+ UInt32(digit) }
                index &+= 1
            }
            guard index > digitsStart else { return (nil, start &+ 1) }
            if index < count && input[index] == UInt8(ascii: ";") { index &+= 1 }
            return (HTMLEntities.numeric(value), index)
        }
        let nameStart = index
        while index < count, index &- nameStart < 32, isAlphanumeric(input[index]) { index &+= 1 }
        guard index > nameStart else { return (nil, start &+ 1) }
        let name = HTMLEntities.key(UnsafeBufferPointer(rebasing: input[nameStart..<index]))
        guard let scalar = HTMLEntities.byKey[name] else { return (nil, start &+ 1) }
        if index < count && input[index] == UInt8(ascii: ";") {
            return (scalar, index &+ 1)
        }
        // Without the semicolon only the legacy few, as browsers accept them.
        return legacy.contains(name) ? (scalar, index) : (nil, start &+ 1)
    }

    /// Names browsers accept without the semicolon.
    private static let legacy = Set(["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"].map(HTMLEntities.key))

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        let lowered = byte | 0x20
        return (lowered >= 0x61 && lowered <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Collects the text, collapsing white space and placing the requested line breaks.
    private struct Writer {
        var output: [UInt8] = []
        var pendingSpace = false
        var pendingBreaks = 0
        var prefix: [UInt8] = []

        mutating func space() { if !output.isEmpty { pendingSpace = true } }

        mutating func requestBreaks(_ count: Int) { pendingBreaks = max(pendingBreaks, count) }

        mutating func lineBreak() { pendingBreaks = min(pendingBreaks &+ 1, 2) }

        mutating func character(_ byte: UInt8, pre: Bool) {
            if ByteScan.isSpace(byte) || byte == 0x0B || byte == 0x0C {
                if pre && byte == 0x0A {
                    lineBreak()
                } else if pre && byte != 0x0D {
                    emitPending()
                    output.append(0x20)
                } else {
                    space()
                }
                return
            }
            if pendingSpace || pendingBreaks > 0 || !prefix.isEmpty { emitPending() }
            output.append(byte)
        }

        /// Appends visible text (no white space, no markup).
        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
            if pendingSpace || pendingBreaks > 0 || !prefix.isEmpty { emitPending() }
            output.append(contentsOf: bytes)
        }

        mutating func scalar(_ value: UInt32) {
            guard let scalar = Unicode.Scalar(value) else { return }
            if value < 0x80 {
                character(UInt8(value), pre: false)
                return
            }
            emitPending()
            let value = scalar.value
            switch value {
            case ..<0x800:
                output.append(UInt8(0xC0 | value >> 6))
            case ..<0x10000:
                output.append(UInt8(0xE0 | value >> 12))
                output.append(UInt8(0x80 | (value >> 6) & 0x3F))
            default:
                output.append(UInt8(0xF0 | value >> 18))
                output.append(UInt8(0x80 | (value >> 12) & 0x3F))
                output.append(UInt8(0x80 | (value >> 6) & 0x3F))
            }
            output.append(UInt8(0x80 | value & 0x3F))
        }

        /// Writes the line breaks or the space owed before the next visible character.
        private mutating func emitPending() {
            if pendingBreaks > 0 {
                if !output.isEmpty {
                    for _ in 0..<pendingBreaks { output.append(0x0A) }
                }
                pendingBreaks = 0
                pendingSpace = false
                output.append(contentsOf: prefix)
                prefix = []
            } else if pendingSpace {
                if let last = output.last, last != 0x0A { output.append(0x20) }
                pendingSpace = false
            }
            if output.isEmpty && !prefix.isEmpty {
                output.append(contentsOf: prefix)
                prefix = []
            }
        }
    }
}

/// A small open-addressing table from name keys to one byte (no hashing of the standard library's kind:
/// a tag lookup per tag must cost a multiply and a compare or two).
struct KeyTable {
    private var keys = [UInt64](repeating: 0, count: 256)
    private var values = [UInt8](repeating: 0, count: 256)

    /// The value stored for `key`, 0 when none.
    subscript(key: UInt64) -> UInt8 {
        get {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
            while keys[slot] != 0 {
                if keys[slot] == key { return values[slot] }
                slot = (slot &+ 1) & 255
            }
            return 0
        }
        set {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot &+ 1) & 255 }
            keys[slot] = key
            values[slot] = newValue
        }
    }
}
