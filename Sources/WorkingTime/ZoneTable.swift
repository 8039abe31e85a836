import Foundation

/// A time zone's UTC offsets over the supported range, as constant-offset segments.
///
/// Segment `i` covers UTC seconds `[starts[i], starts[i + 1])` (the last one ends at
/// `SupportedRange.upper`) during which local time is `utc + offsets[i]`. Built once from
/// `TimeZone.nextDaylightSavingTimeTransition(after:)`, which reports every offset change
/// (DST and changes of standard time alike); adjacent segments with equal offsets are merged.
struct ZoneTable: Sendable {
    let starts: [Int64]
    let offsets: [Int64]

    /// - Complexity: O(number of transitions in 1900 ..< 2400), about 1 000 for DST zones (~1 ms).
    init(timeZone: TimeZone) {
        var starts: [Int64] = [SupportedRange.lower]
        var offsets: [Int64] = [Int64(timeZone.secondsFromGMT(for: SupportedRange.date(SupportedRange.lower)))]
        var cursor = SupportedRange.date(SupportedRange.lower)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor) {
            let t = Int64(next.timeIntervalSince1970.rounded(.down))
            guard t < SupportedRange.upper, next > cursor else { break }
            let offset = Int64(timeZone.secondsFromGMT(for: next))
            if offset != offsets[offsets.count - 1] {
                if t <= starts[starts.count - 1] {
                    offsets[offsets.count - 1] = offset
                } else {
                    starts.append(t)
                    offsets.append(offset)
                }
            }
            cursor = next
        }
        self.starts = starts
        self.offsets = offsets
    }

    /// The segment containing UTC second `t` (`t` within the supported range).
    ///
    /// - Complexity: O(log n) binary search.
    @inline(__always)
    func segment(containing t: Int64) -> Int { max(0, upperBound(starts, t) - 1) }

    /// The exclusive end of segment `i`.
    @inline(__always)
    func end(of i: Int) -> Int64 { i + 1 < starts.count ? starts[i + 1] : SupportedRange.upper }

    /// The start of segment `i`.
    @inline(__always)
    func start(of i: Int) -> Int64 { starts[i] }
}
