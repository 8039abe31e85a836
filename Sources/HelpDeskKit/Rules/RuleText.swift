/// What ``RuleCondition/textContains(_:)`` means, exactly: the definition of the ticket title
/// search (``TextMatching``) with ё read as е.
///
/// Both the rule's text and the ticket's title and description are folded to the UTF-8 bytes of
/// `lowercased()` (``TextMatching/folded(_:)``), then every ё (U+0451, and so Ё) becomes е, and a
/// combining diaeresis (U+0308) right after an е is dropped (a decomposed ё is an ё too). The
/// condition holds when the folded text occurs as a contiguous byte run in the folded title or in
/// the folded description (``TextMatching/contains(_:_:)``; not across the two). There is no
/// Unicode normalization and no accent folding: `e` + U+0301 and the precomposed `é` differ, and
/// a plain `e` matches the first byte of `e` + U+0301.
///
/// ``RuleSubject/holds(_:)`` evaluates it this way; the compiled plan (``RuleTextAutomaton``)
/// finds the same texts in one pass over the same bytes.
enum RuleText {
    /// The folded bytes of `text`: ``TextMatching/folded(_:)`` with ё read as е.
    static func folded(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return bytes
    }

    /// Appends the folded bytes of `text` to `bytes`.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        let start = bytes.count
        TextFolding.append(text, to: &bytes)
        readYoAsYe(&bytes, from: start)
    }

    /// `true` when the ticket's title or description contains the folded `needle`.
    static func contains(_ ticket: Ticket, folded needle: [UInt8]) -> Bool {
        contains(ticket.title, folded: needle) || contains(ticket.description, folded: needle)
    }

    /// `true` when `text`, folded, contains the folded `needle` (an empty needle always).
    static func contains(_ text: String, folded needle: [UInt8]) -> Bool {
        let haystack = folded(text)
        return haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { TextMatching.contains(h, $0) } }
    }

    /// Rewrites the folded UTF-8 in `bytes[start...]`: ё (D1 91) becomes е (D0 B5), and U+0308
    /// (CC 88) right after an е is dropped. Both bytes 0xD1 and 0xCC only ever lead a scalar, so
    /// the pairs are always whole scalars.
    private static func readYoAsYe(_ bytes: inout [UInt8], from start: Int) {
        // Most texts have neither lead byte: leave them as they are.
        guard let first = bytes[start...].firstIndex(where: { $0 == 0xD1 || $0 == 0xCC }) else { return }
        let end = bytes.count
        let kept = bytes.withUnsafeMutableBufferPointer { buffer in
            var read = first
            var write = first
            while read < end {
                let byte = buffer[read]
                if read + 1 < end {
                    let next = buffer[read + 1]
                    if byte == 0xD1, next == 0x91 {
                        buffer[write] = 0xD0
                        buffer[write + 1] = 0xB5
                        read += 2
                        write += 2
                        continue
                    }
                    if byte == 0xCC, next == 0x88, write - start >= 2, buffer[write - 2] == 0xD0,
                        buffer[write - 1] == 0xB5
                    {
                        read += 2
                        continue
                    }
                }
                buffer[write] = byte
                read += 1
                write += 1
            }
            return write
        }
        bytes.removeSubrange(kept..<end)
    }
}
