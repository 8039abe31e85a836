/// A Snowball `among` list of suffixes: finds the longest one a word ends with, inside a region.
///
/// Suffixes are bucketed by their last scalar and tried longest first, so a lookup compares only
/// the few candidates that end like the word.
struct SuffixTable: Sendable {
    /// Per bucket (the last scalar's low six bits), longest first: `length, variant, scalars…`.
    private let storage: [UInt32]
    /// Where each bucket's entries start in `storage` (65 offsets).
    private let bucketStarts: [Int]

    /// A table of `(suffix, variant)` pairs; the variant tells the caller which rule matched.
    init(_ entries: [(String, Int)]) {
        var buckets = [[(scalars: [UInt32], variant: Int)]](repeating: [], count: 64)
        for (suffix, variant) in entries {
            let scalars = suffix.unicodeScalars.map(\.value)
            guard let last = scalars.last else { continue }
            buckets[Int(last & 63)].append((scalars, variant))
        }
        var storage: [UInt32] = []
        var bucketStarts: [Int] = []
        for bucket in buckets {
            bucketStarts.append(storage.count)
            for entry in bucket.sorted(by: { $0.scalars.count > $1.scalars.count }) {
                storage.append(UInt32(entry.scalars.count))
                storage.append(UInt32(entry.variant))
                storage.append(contentsOf: entry.scalars)
            }
        }
        bucketStarts.append(storage.count)
        self.storage = storage
        self.bucketStarts = bucketStarts
    }

    /// A table whose suffixes all share one variant.
    init(_ suffixes: [String], variant: Int = 1) {
        self.init(suffixes.map { ($0, variant) })
    }

    /// The longest suffix of `word[..<end]` in the table that starts at or after `start`:
    /// its length and variant.
    @inline(__always) func match(_ word: [UInt32], end: Int, start: Int) -> (length: Int, variant: Int)? {
        guard end > start, end <= word.count else { return nil }
        let available = end &- start
        let bucket = Int(word[end &- 1] & 63)
        var index = bucketStarts[bucket]
        let bucketEnd = bucketStarts[bucket &+ 1]
        while index < bucketEnd {
            let length = Int(storage[index])
            let scalars = index &+ 2
            index = scalars &+ length
            guard length <= available else { continue }
            var offset = 1
            while offset <= length && storage[index &- offset] == word[end &- offset] { offset &+= 1 }
            if offset > length { return (length, Int(storage[scalars &- 1])) }
        }
        return nil
    }

    /// The longest suffix of the whole `word` in the table that starts at or after `start`.
    @inline(__always) func match(_ word: [UInt32], start: Int) -> (length: Int, variant: Int)? {
        match(word, end: word.count, start: start)
    }
}

extension Array where Element == UInt32 {
    /// Whether the scalars end with `suffix`'s (ASCII or any) scalars at `end`.
    @inline(__always) func hasSuffix(_ suffix: [UInt32], end: Int) -> Bool {
        guard suffix.count <= end, end <= count else { return false }
        var offset = 1
        while offset <= suffix.count {
            if suffix[suffix.count &- offset] != self[end &- offset] { return false }
            offset &+= 1
        }
        return true
    }

    /// Replaces the last `length` scalars with `replacement`.
    @inline(__always) mutating func replaceSuffix(_ length: Int, with replacement: [UInt32]) {
        removeLast(Swift.min(length, count))
        append(contentsOf: replacement)
    }
}

/// The scalars of an ASCII or Cyrillic literal (for stemmer tables).
func scalarValues(_ text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value)
}
