/// The working set on the local wall-clock time line, compiled for O(log n) queries.
///
/// Local time is measured in *local seconds*: `utc + offset`, i.e. seconds since
/// 1970-01-01T00:00 as read on the zone's wall clock. The working set there is the weekly
/// pattern repeated forever, except inside *clusters*: the local ranges `[d, d + 2 days)`
/// around each exception date `d` (merged when they touch), which are stored explicitly.
///
/// `cumulative(x)` is the working time from the origin to `x` (negative before it); it is
/// continuous and non-decreasing, so elapsed working time is a difference of two values and
/// a deadline is an inverse (`firstReaching`).
struct LocalTimeline: Sendable {
    static let day: Int64 = 86_400
    static let week: Int64 = 604_800
    /// Local second 0 (1970-01-01, a Thursday) lies 3 days after the week's Monday 00:00.
    static let mondayShift: Int64 = 3 * 86_400

    // Weekly pattern: merged pieces within [0, week) measured from Monday 00:00.
    private let weekStarts: [Int64]
    private let weekEnds: [Int64]
    private let weekCumEnd: [Int64]
    /// Working seconds in one regular week.
    let weekTotal: Int64

    // Clusters, ascending and disjoint: [clusterLo[c], clusterHi[c]).
    private let clusterLo: [Int64]
    private let clusterHi: [Int64]
    /// cumulative(clusterLo[c]).
    private let clusterF: [Int64]
    /// Working seconds inside the cluster.
    private let clusterWork: [Int64]
    /// Sum over clusters 0...c of (actual - regular) working seconds.
    private let deltaAfter: [Int64]
    /// Pieces of cluster c are indices clusterFirst[c] ..< clusterFirst[c + 1].
    private let clusterFirst: [Int]
    private let pieceStarts: [Int64]
    private let pieceEnds: [Int64]
    private let pieceCumEnd: [Int64]

    /// Compiles `schedule` with `exceptions` (keyed by day number, already validated unique).
    ///
    /// - Complexity: O(w log w + e log e) for w weekly intervals and e exceptions.
    init(schedule: WeeklySchedule, exceptions: [Int64: [LocalInterval]]) {
        let day = LocalTimeline.day, week = LocalTimeline.week
        var raw: [(Int64, Int64)] = []
        for weekday in Weekday.allCases {
            for interval in schedule.intervals(on: weekday) {
                let s = Int64(weekday.index) * day + Int64(interval.startSeconds)
                let e = s + Int64(interval.length)
                if e > week {
                    raw.append((s, week))
                    raw.append((0, e - week))
                } else {
                    raw.append((s, e))
                }
            }
        }
        let weekly = LocalTimeline.merge(raw)
        weekStarts = weekly.map(\.0)
        weekEnds = weekly.map(\.1)
        weekCumEnd = LocalTimeline.cumulativeEnds(weekly)
        weekTotal = weekCumEnd.last ?? 0

        // Group exception days into clusters of days [lo, hi), each covering [d, d + 2).
        let days = exceptions.keys.sorted()
        var lo: [Int64] = [], hi: [Int64] = [], f: [Int64] = [], work: [Int64] = [], delta: [Int64] = []
        var first: [Int] = [0], pieces: [(Int64, Int64)] = []
        var index = 0
        var runningDelta: Int64 = 0
        while index < days.count {
            let loDay = days[index]
            var hiDay = loDay + 2
            index += 1
            while index < days.count, days[index] <= hiDay {
                hiDay = max(hiDay, days[index] + 2)
                index += 1
            }
            let loSec = loDay * day, hiSec = hiDay * day
            var local: [(Int64, Int64)] = []
            for d in (loDay - 1)..<hiDay {
                let intervals = exceptions[d] ?? schedule.intervals(on: Weekday(rawValue: LocalDate.weekdayIndex(ofDay: d) + 1)!)
                for interval in intervals {
                    let s = max(d * day + Int64(interval.startSeconds), loSec)
                    let e = min(d * day + Int64(interval.startSeconds) + Int64(interval.length), hiSec)
                    if s < e { local.append((s, e)) }
                }
            }
            let merged = LocalTimeline.merge(local)
            let actual = merged.reduce(0) { $0 + $1.1 - $1.0 }
            let regular = LocalTimeline.regular(loSec, weekStarts, weekEnds, weekCumEnd, weekTotal, hiSec)
            lo.append(loSec)
            hi.append(hiSec)
            f.append(LocalTimeline.regularCumulative(loSec, weekEnds, weekStarts, weekCumEnd, weekTotal) + runningDelta)
            work.append(actual)
            runningDelta += actual - regular
            delta.append(runningDelta)
            pieces += merged
            first.append(pieces.count)
        }
        clusterLo = lo
        clusterHi = hi
        clusterF = f
        clusterWork = work
        deltaAfter = delta
        clusterFirst = first
        pieceStarts = pieces.map(\.0)
        pieceEnds = pieces.map(\.1)
        pieceCumEnd = LocalTimeline.cumulativeEnds(pieces)
    }

    /// Sorts and merges overlapping or touching half-open ranges.
    private static func merge(_ ranges: [(Int64, Int64)]) -> [(Int64, Int64)] {
        var result: [(Int64, Int64)] = []
        for range in ranges.sorted(by: { $0.0 < $1.0 }) where range.0 < range.1 {
            if let last = result.last, range.0 <= last.1 {
                result[result.count - 1].1 = max(last.1, range.1)
            } else {
                result.append(range)
            }
        }
        return result
    }

    private static func cumulativeEnds(_ ranges: [(Int64, Int64)]) -> [Int64] {
        var total: Int64 = 0
        return ranges.map { total += $0.1 - $0.0; return total }
    }

    private static func regularCumulative(
        _ x: Int64, _ ends: [Int64], _ starts: [Int64], _ cum: [Int64], _ total: Int64
    ) -> Int64 {
        let shifted = x + mondayShift
        let q = floorDiv(shifted, week)
        let pos = shifted - q * week
        let idx = upperBound(ends, pos)
        let within: Int64 = idx == ends.count ? total : (idx == 0 ? 0 : cum[idx - 1]) + max(0, pos - starts[idx])
        return q * total + within
    }

    private static func regular(
        _ a: Int64, _ starts: [Int64], _ ends: [Int64], _ cum: [Int64], _ total: Int64, _ b: Int64
    ) -> Int64 {
        regularCumulative(b, ends, starts, cum, total) - regularCumulative(a, ends, starts, cum, total)
    }

    // MARK: - Regular (weekly) pattern

    /// Working seconds of the weekly pattern from the origin to `x`.
    ///
    /// - Complexity: O(log w).
    @inline(__always)
    private func regularCumulative(_ x: Int64) -> Int64 {
        LocalTimeline.regularCumulative(x, weekEnds, weekStarts, weekCumEnd, weekTotal)
    }

    /// The first `x` with `regularCumulative(x) >= y`; requires `weekTotal > 0`.
    ///
    /// - Complexity: O(log w): whole weeks are skipped by division.
    @inline(__always)
    private func regularFirstReaching(_ y: Int64) -> Int64 {
        let q = floorDiv(y - 1, weekTotal)
        let r = y - q * weekTotal
        let i = lowerBound(weekCumEnd, r)
        let before: Int64 = i == 0 ? 0 : weekCumEnd[i - 1]
        return q * LocalTimeline.week + weekStarts[i] + (r - before) - LocalTimeline.mondayShift
    }

    // MARK: - Queries

    /// Working seconds from the local origin to local second `x` (negative for `x < 0`).
    ///
    /// - Complexity: O(log c + log w) for c clusters and w weekly pieces.
    @inline(__always)
    func cumulative(_ x: Int64) -> Int64 {
        let c = upperBound(clusterLo, x) - 1
        if c < 0 { return regularCumulative(x) }
        if x < clusterHi[c] {
            let first = clusterFirst[c], last = clusterFirst[c + 1]
            let idx = min(upperBound(pieceEnds, x), last)
            let partial: Int64 = idx < last ? max(0, x - pieceStarts[idx]) : 0
            return clusterF[c] + cumBefore(idx) - cumBefore(first) + partial
        }
        return regularCumulative(x) + deltaAfter[c]
    }

    @inline(__always)
    private func cumBefore(_ idx: Int) -> Int64 { idx == 0 ? 0 : pieceCumEnd[idx - 1] }

    /// The first local second `x` with `cumulative(x) >= y`, or `nil` if working time never
    /// reaches `y` (no working time left). For `y` above a working stretch's start this is the
    /// end of the stretch's `y`-th second, never the start of a later stretch.
    ///
    /// - Complexity: O(log c + log w).
    @inline(__always)
    func firstReaching(_ y: Int64) -> Int64? {
        let c = lowerBound(clusterF, y) - 1
        if c < 0 { return weekTotal > 0 ? regularFirstReaching(y) : nil }
        if y <= clusterF[c] + clusterWork[c] {
            let r = y - clusterF[c] + cumBefore(clusterFirst[c])
            let idx = lowerBound(pieceCumEnd, r)
            return pieceStarts[idx] + (r - cumBefore(idx))
        }
        return weekTotal > 0 ? regularFirstReaching(y - deltaAfter[c]) : nil
    }

    /// The supremum of `cumulative` when the weekly pattern is empty (`nil` if unbounded).
    var totalIfBounded: Int64? {
        guard weekTotal == 0 else { return nil }
        return deltaAfter.last ?? 0
    }

    /// Whether local second `x` (the second `[x, x + 1)`) is working.
    ///
    /// - Complexity: O(log c + log w).
    func isWorking(_ x: Int64) -> Bool {
        let c = upperBound(clusterLo, x) - 1
        if c >= 0, x < clusterHi[c] {
            let idx = upperBound(pieceEnds, x)
            return idx < clusterFirst[c + 1] && pieceStarts[idx] <= x
        }
        let shifted = x + LocalTimeline.mondayShift
        let pos = shifted - floorDiv(shifted, LocalTimeline.week) * LocalTimeline.week
        let idx = upperBound(weekEnds, pos)
        return idx < weekEnds.count && weekStarts[idx] <= pos
    }

    /// The first working stretch `[s, e)` with `e > x`, clipped to start at or after `x`
    /// (stretches may touch one another); `nil` if there is no working time after `x`.
    ///
    /// - Complexity: O(log c + log w).
    func nextStretch(atOrAfter start: Int64) -> (start: Int64, end: Int64)? {
        var x = start
        while true {
            let c = upperBound(clusterLo, x) - 1
            if c >= 0, x < clusterHi[c] {
                let idx = upperBound(pieceEnds, x)
                if idx < clusterFirst[c + 1] { return (max(pieceStarts[idx], x), pieceEnds[idx]) }
                x = clusterHi[c]
                continue
            }
            let nextLo = c + 1 < clusterLo.count ? clusterLo[c + 1] : Int64.max
            if weekTotal == 0 {
                if nextLo == Int64.max { return nil }
                x = nextLo
                continue
            }
            if weekTotal == LocalTimeline.week { return (x, nextLo) }
            let shifted = x + LocalTimeline.mondayShift
            var weekStart = floorDiv(shifted, LocalTimeline.week) * LocalTimeline.week
            var idx = upperBound(weekEnds, shifted - weekStart)
            if idx == weekEnds.count {
                idx = 0
                weekStart += LocalTimeline.week
            }
            let s = weekStart + weekStarts[idx] - LocalTimeline.mondayShift
            let e = weekStart + weekEnds[idx] - LocalTimeline.mondayShift
            if s >= nextLo {
                x = nextLo
                continue
            }
            return (max(s, x), min(e, nextLo))
        }
    }

    /// The end of the working run containing working second `x`, or `limit` if the run
    /// reaches it (touching stretches are joined).
    ///
    /// - Complexity: O((log c + log w) × stretches joined), at most a few per week before `limit`.
    func runEnd(from x: Int64, limit: Int64) -> Int64 {
        var end = x
        while end < limit {
            guard let stretch = nextStretch(atOrAfter: end), stretch.start == end else { return end }
            end = stretch.end
        }
        return limit
    }
}
