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

    /// The nearest-rank `percent` percentile (1…100) of ascending `sorted`, or `nil` when empty.
    ///
    /// - Complexity: O(1).
    public static func nearestRank(_ percent: Int, ofSorted sorted: [Int64]) -> Int64? {
        guard !sorted.isEmpty else { return nil }
        let rank = (percent * sorted.count + 99) / 100
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
