/// Case-insensitive text matching with one exact definition shared by every adapter.
///
/// Text is folded with `lowercased()` and compared as UTF-8 bytes: a title contains a needle when
/// the needle's folded bytes occur in the title's folded bytes, and titles order by their folded
/// bytes, then by their exact bytes. Byte order is Unicode scalar order, so SQL adapters can match
/// it with a binary collation over a lower-cased column.
public enum TextMatching {
    /// The folded (lower-cased) UTF-8 bytes of `text`.
    public static func folded(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        TextFolding.append(text, to: &bytes)
        return bytes
    }

    /// `true` when `needle` occurs in `haystack` as a contiguous byte run; an empty needle always does.
    ///
    /// - Complexity: O(*n* · *m*) worst case, about O(*n*) for natural text.
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        let lastStart = haystack.count - needle.count
        var start = 0
        while start <= lastStart {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// `true` when `text` contains `needle` ignoring case, by the shared definition.
    public static func contains(_ text: String, foldedNeedle needle: [UInt8]) -> Bool {
        let haystack = folded(text)
        return haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { contains(h, $0) } }
    }

    /// Three-way comparison of byte strings in lexicographic order.
    static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let count = min(lhs.count, rhs.count)
        for index in 0..<count where lhs[index] != rhs[index] {
            return lhs[index] < rhs[index] ? -1 : 1
        }
        return threeWay(lhs.count, rhs.count)
    }

    /// Three-way comparison of two titles: folded bytes first, exact bytes to break ties.
    public static func compareTitles(_ lhs: String, _ rhs: String) -> Int {
        let order = compareBytes(lhs.lowercased(), rhs.lowercased())
        return order != 0 ? order : compareBytes(lhs, rhs)
    }

    /// Three-way comparison of the UTF-8 bytes of two strings.
    static func compareBytes(_ lhs: String, _ rhs: String) -> Int {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let l?, let r?) where l != r: return l < r ? -1 : 1
            default: continue
            }
        }
    }
}
