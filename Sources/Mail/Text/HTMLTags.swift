/// One tag of an HTML body, as ``HTMLText`` reads it.
struct Tag {
    /// The element name as a ``key(_:)``, or `nil` for a comment, a declaration or a processing instruction.
    var name: UInt64?
    /// Where the name is in the input.
    var nameRange: Range<Int> = 0..<0
    /// `true` for an end tag `</p>`.
    var isEnd: Bool
    /// The index after the tag's `>` (or the end of the input).
    var end: Int

    /// The tag starting at `start` (a `<`), or `nil` when the `<` starts no tag (it is text then).
    static func parse(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Tag? {
        let count = input.count
        var index = start &+ 1
        guard index < count else { return nil }
        let first = input[index]
        if first == UInt8(ascii: "!") {
            if index &+ 2 < count && input[index &+ 1] == UInt8(ascii: "-") && input[index &+ 2] == UInt8(ascii: "-") {
                return Tag(name: nil, isEnd: false, end: commentEnd(input, from: index &+ 3))
            }
            return Tag(name: nil, isEnd: false, end: closing(input, from: index))
        }
        if first == UInt8(ascii: "?") { return Tag(name: nil, isEnd: false, end: closing(input, from: index)) }
        var isEnd = false
        if first == UInt8(ascii: "/") {
            isEnd = true
            index &+= 1
        }
        guard index < count, isLetter(input[index]) else { return nil }
        let nameStart = index
        while index < count,
            HTMLText.isAlphanumeric(input[index]) || input[index] == UInt8(ascii: ":")
                || input[index] == UInt8(ascii: "-")
        {
            index &+= 1
        }
        let name = key(UnsafeBufferPointer(rebasing: input[nameStart..<index]))
        return Tag(name: name, nameRange: nameStart..<index, isEnd: isEnd, end: closing(input, from: index))
    }

    /// A name folded into a number without allocating: its length and its first 7 bytes lowercased.
    static func key(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key = UInt64(min(name.count, 255)) << 56
        var shift: UInt64 = 0
        for byte in name.prefix(7) {
            key |= UInt64(ByteScan.lower(byte)) << shift
            shift &+= 8
        }
        return key
    }

    /// The key of a lowercase name.
    static func key(_ name: String) -> UInt64 { Array(name.utf8).withUnsafeBufferPointer { key($0) } }

    /// The index after the `>` that closes a tag, skipping quoted attribute values; the end of the input
    /// when there is none.
    private static func closing(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = input.count
        var index = start
        var quote: UInt8 = 0
        var quoteStart = 0
        while index < count {
            let byte = input[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: ">") {
                return index &+ 1
            } else if (byte == 0x22 || byte == 0x27) && index > start && isAttributeValueStart(input, index) {
                quote = byte
                quoteStart = index
            }
            index &+= 1
        }
        // An unclosed quote: read again from it, taking the first `>`.
        if quote != 0, let end = ByteScan.find(UInt8(ascii: ">"), in: input, from: quoteStart, to: count) {
            return end &+ 1
        }
        return count
    }

    /// `true` when the quote at `index` follows `=` (allowing blanks), so it opens an attribute value.
    private static func isAttributeValueStart(_ input: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var before = index &- 1
        while before > 0 && ByteScan.isSpace(input[before]) { before &-= 1 }
        return input[before] == UInt8(ascii: "=")
    }

    /// The index after the `-->` that ends a comment, or the end of the input.
    private static func commentEnd(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while let dash = ByteScan.find(UInt8(ascii: ">"), in: input, from: index, to: input.count) {
            if dash >= start &+ 2 && input[dash &- 1] == UInt8(ascii: "-") && input[dash &- 2] == UInt8(ascii: "-") {
                return dash &+ 1
            }
            index = dash &+ 1
        }
        return input.count
    }

    /// The index after the end tag `</name …>` that closes a dropped element, or the end of the input.
    static func skipContent(of tag: Tag, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = input.count
        let nameBytes = input[tag.nameRange].map(ByteScan.lower)
        var index = start
        while let open = ByteScan.find(UInt8(ascii: "<"), in: input, from: index, to: count) {
            index = open &+ 1
            guard open &+ 1 < count, input[open &+ 1] == UInt8(ascii: "/") else { continue }
            let nameEnd = open &+ 2 &+ nameBytes.count
            guard nameEnd <= count else { break }
            var matches = true
            for (offset, byte) in nameBytes.enumerated() where ByteScan.lower(input[open &+ 2 &+ offset]) != byte {
                matches = false
                break
            }
            if matches && (nameEnd == count || !HTMLText.isAlphanumeric(input[nameEnd])) {
                return closing(input, from: nameEnd)
            }
        }
        return count
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool {
        let lowered = byte | 0x20
        return lowered >= 0x61 && lowered <= 0x7A
    }
}
