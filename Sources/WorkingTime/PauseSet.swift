import Foundation

/// Paused intervals that do not count as working time (e.g. while a ticket waits for the customer).
///
/// Each pause is half-open `[start, end)`. Input may be unsorted and overlapping; pauses are
/// merged into disjoint ranges. Bounds are truncated to whole seconds toward the past (like
/// every instant in this module) and clamped to the supported range, so an open-ended pause
/// can be given as ending at `Date.distantFuture`. Pauses are measured in the calendar's
/// working time: a pause during the night removes nothing.
public struct PauseSet: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// Merged pause starts, ascending (UTC whole seconds).
    let starts: [Int64]
    /// Merged pause ends, ascending; `ends[i] > starts[i]`.
    let ends: [Int64]

    /// No pauses (the default of every `excluding:` parameter).
    public static let empty = PauseSet([DateInterval]())

    /// Builds the set from any number of intervals.
    ///
    /// - Complexity: O(n log n).
    public init(_ intervals: [DateInterval]) {
        self.init(ranges: intervals.compactMap { interval in
            guard let s = SupportedRange.clampedSeconds(interval.start),
                  let e = SupportedRange.clampedSeconds(interval.end) else { return nil }
            return (s, e)
        })
    }

    /// Builds the set from half-open date ranges.
    public init(_ ranges: [Range<Date>]) {
        self.init(ranges.map { DateInterval(start: $0.lowerBound, end: $0.upperBound) })
    }

    /// Builds the set from an array literal of intervals.
    public init(arrayLiteral elements: DateInterval...) { self.init(elements) }

    init(ranges: [(Int64, Int64)]) {
        var starts: [Int64] = [], ends: [Int64] = []
        for (s, e) in ranges.sorted(by: { $0.0 < $1.0 }) where s < e {
            if let last = ends.last, s <= last {
                ends[ends.count - 1] = max(last, e)
            } else {
                starts.append(s)
                ends.append(e)
            }
        }
        self.starts = starts
        self.ends = ends
    }

    /// `true` when there are no pauses.
    public var isEmpty: Bool { starts.isEmpty }

    /// The merged pauses, ascending and disjoint.
    public var intervals: [DateInterval] {
        zip(starts, ends).map { DateInterval(start: SupportedRange.date($0), end: SupportedRange.date($1)) }
    }

    /// Index of the first pause ending after `t` (`count` if none).
    @inline(__always)
    func firstEnding(after t: Int64) -> Int { upperBound(ends, t) }

    /// The pause containing `t`, if any.
    @inline(__always)
    func pause(containing t: Int64) -> Int? {
        let i = firstEnding(after: t)
        return i < starts.count && starts[i] <= t ? i : nil
    }
}
