/// Case folding by the shared definition (``TextMatching/folded(_:)``: the UTF-8 bytes of
/// `lowercased()`), computed byte by byte for the scripts help desks mostly see.
///
/// ASCII, Latin-1, basic Greek and basic Cyrillic fold in place without leaving UTF-8; any other
/// scalar is replaced by its Unicode lowercase mapping, which is what `lowercased()` does (it is
/// context-free: a final capital sigma becomes σ). Titles are folded when a store indexes them, so
/// at a million tickets this decides how fast a store opens.
enum TextFolding {
    /// Appends the folded bytes of `text` to `bytes`.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        var cursor = bytes.count
        bytes.append(contentsOf: text.utf8)
        while true {
            cursor += foldInPlace(&bytes, from: cursor)
            guard cursor < bytes.count else { return }
            // A scalar the table does not know: replace it by its lowercase mapping, then go on.
            let (scalar, length) = decodeScalar(bytes, at: cursor)
            let mapping = scalar.properties.lowercaseMapping
            if mapping.unicodeScalars.count == 1, mapping.unicodeScalars.first == scalar {
                cursor += length
            } else {
                bytes.replaceSubrange(cursor..<cursor + length, with: mapping.utf8)
                cursor += mapping.utf8.count
            }
        }
    }

    /// The scalar whose valid UTF-8 starts at `bytes[index]`, and its length in bytes.
    private static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? lead : lead & (0x7F >> length)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value)!, length)
    }

    /// Folds the valid UTF-8 in `bytes[start...]` in place up to the first scalar the table does
    /// not know; returns how many bytes it folded.
    private static func foldInPlace(_ bytes: inout [UInt8], from start: Int) -> Int {
        bytes.withUnsafeMutableBufferPointer { buffer in
            let utf8 = UnsafeMutableBufferPointer(rebasing: buffer[start...])
            var index = 0
            while index < utf8.count {
                let lead = utf8[index]
                if lead < 0x80 {
                    if lead &- 0x41 < 26 { utf8[index] = lead | 0x20 }
                    index += 1
                    continue
                }
                // Valid UTF-8 puts a continuation byte after every lead byte below 0xE0.
                guard lead < 0xE0, foldTwoBytes(lead, &utf8[index], &utf8[index + 1]) else { return index }
                index += 2
            }
            return index
        }
    }

    /// Folds one two-byte scalar; `false` when the table does not know it.
    private static func foldTwoBytes(_ lead: UInt8, _ first: inout UInt8, _ second: inout UInt8) -> Bool {
        let trail = second
        switch (lead, trail) {
        case (0xC2, _):  // U+0080–U+00BF: nothing to fold.
            return true
        case (0xC3, 0x80...0x9E) where trail != 0x97:  // À–Þ but ×: 0x20 below their small letters.
            second = trail + 0x20
        case (0xC3, _):
            return true
        case (0xCE, 0x91...0x9F):  // Α–Ο → α–ο.
            second = trail + 0x20
        case (0xCE, 0xA0...0xA9) where trail != 0xA2:  // Π–Ω → π–ω (U+03A2 is unassigned).
            first = 0xCF
            second = trail - 0x20
        case (0xCE, 0xB1...0xBF), (0xCF, 0x80...0x89):  // α–ω: already small.
            return true
        case (0xD0, 0x80...0x8F):  // Ѐ–Џ (U+0400–U+040F) → ѐ–џ (U+0450–U+045F).
            first = 0xD1
            second = trail + 0x10
        case (0xD0, 0x90...0x9F):  // А–П → а–п.
            second = trail + 0x20
        case (0xD0, 0xA0...0xAF):  // Р–Я → р–я.
            first = 0xD1
            second = trail - 0x20
        case (0xD0, _), (0xD1, 0x80...0x9F):  // а–я and ѐ–џ: already small.
            return true
        default:
            return false
        }
        return true
    }
}
