/// Count, mean, median and 90th percentile of durations in whole seconds.
///
/// Percentiles use the **nearest-rank** method: the *p*-th percentile of *n* sorted values is the
/// value at 1-based rank ⌈*p* × *n* / 100⌉, so it is always one of the observed values (the median
/// of an even count is the lower middle value).
public struct DurationStatistics: Hashable, Sendable, Codable {
    /// Number of measured tickets.
    public var count: Int
    /// Arithmetic mean in seconds; `nil` when nothing was measured.
    public var averageSeconds: Double?
    /// Nearest-rank 50th percentile in seconds.
    public var medianSeconds: Int64?
    /// Nearest-rank 90th percentile in seconds.
    public var p90Seconds: Int64?

    /// Statistics of `values` (any order; the array is sorted in place).
    ///
    /// - Complexity: O(*n* log *n*).
    public init(sorting values: inout [Int64]) {
        count = values.count
        guard !values.isEmpty else { return }
        values.sort()
        var sum = 0.0
        for value in values { sum += Double(value) }
        averageSeconds = sum / Double(values.count)
        medianSeconds = Self.nearestRank(50, ofSorted: values)
        p90Seconds = Self.nearestRank(90, ofSorted: values)
    }

    /// The same statistics as ``init(sorting:)`` by selection instead of a full sort: `values` is
    /// left partially ordered. Deterministic; the average is the
    /// exact integer sum (128-bit, so no count of `Int64` values overflows it) divided once.
    ///
    /// - Complexity: O(*n*) expected.
    public init(selecting values: inout [Int64]) {
        count = values.count
        guard !values.isEmpty else { return }
        var sum: Int128 = 0
        for value in values { sum += Int128(value) }
        averageSeconds = Double(sum) / Double(values.count)
        let p90 = Self.rankIndex(90, count: values.count)
        let median = Self.rankIndex(50, count: values.count)
        Self.select(p90, in: &values, 0..<values.count)
        p90Seconds = values[p90]
        // The p90 smallest values lie before index p90; the median is among them (or is the p90 value).
        if median < p90 { Self.select(median, in: &values, 0..<p90) }
        medianSeconds = values[median]
    }

    /// The 0-based index of the nearest-rank `percent` percentile among `count` sorted values; a
    /// percent outside 0…100 gives the same answer as the nearest bound (the rank is clamped anyway).
    static func rankIndex(_ percent: Int, count: Int) -> Int {
        let percent = Int128(min(max(percent, 0), 100))
        let rank = Int((percent * Int128(count) + 99) / 100)
        return min(max(rank, 1), count) - 1
    }

    /// Moves the `k`-th smallest value of `values[range]` to index `k`, with no greater value before
    /// it and no smaller one after (three-way quickselect, median-of-three pivots).
    static func select(_ k: Int, in values: inout [Int64], _ range: Range<Int>) {
        values.withUnsafeMutableBufferPointer { v in
            var low = range.lowerBound
            var high = range.upperBound - 1
            while low < high {
                let a = v[low]
                let b = v[low + (high - low) / 2]
                let c = v[high]
                let pivot = max(min(a, b), min(max(a, b), c))
                var less = low
                var index = low
                var greater = high
                while index <= greater {
                    if v[index] < pivot {
                        v.swapAt(less, index)
                        less += 1
                        index += 1
                    } else if v[index] > pivot {
                        v.swapAt(index, greater)
                        greater -= 1
                    } else {
                        index += 1
                    }
                }
                if k < less { high = less - 1 } else if k > greater { low = greater + 1 } else { return }
            }
        }
    }

    /// The nearest-rank `percent` percentile (1…100) of ascending `sorted`, or `nil` when empty.
    ///
    /// - Complexity: O(1).
    public static func nearestRank(_ percent: Int, ofSorted sorted: [Int64]) -> Int64? {
        guard !sorted.isEmpty else { return nil }
        return sorted[rankIndex(percent, count: sorted.count)]
    }
}
