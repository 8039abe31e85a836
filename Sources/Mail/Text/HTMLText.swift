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

    /// How a tag breaks the text.
    private enum Break { case none, space, line, paragraph, lineBreak, item }

    private static let breaks: [String: Break] = {
        var table: [String: Break] = ["br": .lineBreak, "li": .item, "td": .space, "th": .space]
        for name in ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "pre", "dl"] {
            table[name] = .paragraph
        }
        for name in [
            "div", "tr", "dt", "dd", "hr", "address", "article", "section", "header", "footer", "nav", "aside",
            "center", "form", "fieldset", "figure", "figcaption", "caption", "main", "tbody", "thead", "tfoot",
            "body", "html",
        ] { table[name] = .line }
        return table
    }()

    /// Elements whose content is not text.
    private static let dropped: Set<String> = ["script", "style", "title", "template", "xml"]

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
                if !tag.isEnd && dropped.contains(name) {
                    index = Tag.skipContent(of: name, in: input, from: index)
                    continue
                }
                if name == "pre" { preDepth = max(0, preDepth &+ (tag.isEnd ? -1 : 1)) }
                if name == "ul" || name == "ol" { listDepth = max(0, min(listDepth &+ (tag.isEnd ? -1 : 1), 16)) }
                var kind = breaks[name] ?? .none
                if (name == "ul" || name == "ol") && (listDepth > 1 || (listDepth == 1 && tag.isEnd)) { kind = .line }
                switch kind {
                case .none: break
                case .space: writer.space()
                case .line: writer.requestBreaks(1)
                case .paragraph: writer.requestBreaks(2)
                case .lineBreak: writer.lineBreak()
                case .item:
                    writer.requestBreaks(1)
                    if !tag.isEnd { writer.prefix = Array(repeating: 0x20, count: max(0, listDepth &- 1) &* 2) + [0x2D, 0x20] }
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
            } else {
                writer.character(byte, pre: preDepth > 0)
                index &+= 1
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
        let name = String(decoding: UnsafeBufferPointer(rebasing: input[nameStart..<index]), as: UTF8.self)
        guard let scalar = HTMLEntities.named[name] else { return (nil, start &+ 1) }
        if index < count && input[index] == UInt8(ascii: ";") {
            return (scalar, index &+ 1)
        }
        // Without the semicolon only the legacy few, as browsers accept them.
        return legacy.contains(name) ? (scalar, index) : (nil, start &+ 1)
    }

    /// Names browsers accept without the semicolon.
    private static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

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
            emitPending()
            output.append(byte)
        }

        mutating func scalar(_ value: UInt32) {
            guard let scalar = Unicode.Scalar(value) else { return }
            if value < 0x80 {
                character(UInt8(value), pre: false)
                return
            }
            emitPending()
            output.append(contentsOf: String(Character(scalar)).utf8)
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
