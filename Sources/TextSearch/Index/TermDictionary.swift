/// Terms interned to dense 32-bit numbers, with a sorted view for prefix ranges.
///
/// The sorted view is a few sorted runs of term numbers (sizes roughly halving, like a binary
/// counter): a new term is a run of one, merged with the last run while that is no larger, so
/// interning costs O(log V) amortized and a prefix lookup is one binary search per run. Terms
/// sort by their UTF-8 bytes, so a prefix range holds exactly the terms whose bytes start with
/// the prefix's bytes (Unicode scalars, as the analyzer folded them).
struct TermDictionary: Sendable {
    private var numbers: [String: Int32] = [:]
    /// Every term's UTF-8 bytes, back to back; term `i` ends at `ends[i]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var runs: [[Int32]] = []

    /// The number of distinct terms ever interned.
    var count: Int { ends.count }

    /// The number of `term`, if it was ever interned.
    func number(of term: String) -> Int32? { numbers[term] }

    /// The number of `term`, interning it if new; `nil` when the 32-bit numbering is full.
    mutating func intern(_ term: String) -> Int32? {
        if let number = numbers[term] { return number }
        guard let number = Int32(exactly: ends.count) else { return nil }
        numbers[term] = number
        bytes.append(contentsOf: term.utf8)
        ends.append(bytes.count)
        runs.append([number])
        while runs.count >= 2, runs[runs.count - 2].count <= runs[runs.count - 1].count {
            let last = runs.removeLast()
            let previous = runs.removeLast()
            runs.append(merged(previous, last))
        }
        return number
    }

    /// The text of term `number`.
    func term(_ number: Int32) -> String { String(decoding: bytes[range(number)], as: UTF8.self) }

    /// Calls `body` with every term whose UTF-8 bytes start with `prefix`'s.
    func forEachTerm(withPrefix prefix: String, _ body: (Int32) -> Void) {
        let key = Array(prefix.utf8)
        bytes.withUnsafeBufferPointer { all in
            for run in runs {
                var low = 0
                var high = run.count
                while low < high {
                    let middle = (low + high) / 2
                    if compare(all, run[middle], key) < 0 { low = middle + 1 } else { high = middle }
                }
                while low < run.count, hasPrefix(all, run[low], key) {
                    body(run[low])
                    low += 1
                }
            }
        }
    }

    /// Bytes the dictionary holds, roughly (for the benchmark's memory figure).
    var estimatedByteCount: Int {
        let runBytes = runs.reduce(0) { $0 + $1.capacity * 4 }
        return bytes.capacity + ends.capacity * 8 + runBytes + numbers.capacity * 40
    }

    private func range(_ term: Int32) -> Range<Int> {
        let index = Int(term)
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// The sign of term `term` compared with `key`, by bytes.
    private func compare(_ all: UnsafeBufferPointer<UInt8>, _ term: Int32, _ key: [UInt8]) -> Int {
        let range = range(term)
        let shared = min(range.count, key.count)
        for offset in 0..<shared {
            let left = all[range.lowerBound + offset]
            let right = key[offset]
            if left != right { return left < right ? -1 : 1 }
        }
        return range.count == key.count ? 0 : (range.count < key.count ? -1 : 1)
    }

    private func hasPrefix(_ all: UnsafeBufferPointer<UInt8>, _ term: Int32, _ key: [UInt8]) -> Bool {
        let range = range(term)
        guard range.count >= key.count else { return false }
        for offset in 0..<key.count where all[range.lowerBound + offset] != key[offset] { return false }
        return true
    }

    private func precedes(_ all: UnsafeBufferPointer<UInt8>, _ left: Int32, _ right: Int32) -> Bool {
        let a = range(left)
        let b = range(right)
        let shared = min(a.count, b.count)
        for offset in 0..<shared {
            let x = all[a.lowerBound + offset]
            let y = all[b.lowerBound + offset]
            if x != y { return x < y }
        }
        return a.count < b.count
    }

    private func merged(_ left: [Int32], _ right: [Int32]) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(left.count + right.count)
        bytes.withUnsafeBufferPointer { all in
            var i = 0
            var j = 0
            while i < left.count, j < right.count {
                if precedes(all, right[j], left[i]) {
                    result.append(right[j])
                    j += 1
                } else {
                    result.append(left[i])
                    i += 1
                }
            }
            result.append(contentsOf: left[i...])
            result.append(contentsOf: right[j...])
        }
        return result
    }
}
