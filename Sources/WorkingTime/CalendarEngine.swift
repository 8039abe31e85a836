import Foundation

/// The compiled, immutable form of a `BusinessCalendar`: UTC whole seconds in, out.
///
/// The working set in UTC is, in each constant-offset zone segment `[T_i, T_i+1)` with
/// offset `o_i`, the local working set shifted by `-o_i`. All loops below advance by whole
/// zone segments (about two per year) or by pauses, never by days or minutes.
final class CalendarEngine: Sendable {
    let timeZone: TimeZone
    let zone: ZoneTable
    let local: LocalTimeline

    init(timeZone: TimeZone, schedule: WeeklySchedule, exceptions: [Int64: [LocalInterval]]) {
        self.timeZone = timeZone
        zone = ZoneTable(timeZone: timeZone)
        local = LocalTimeline(schedule: schedule, exceptions: exceptions)
    }

    /// Whether UTC second `t` is working, ignoring pauses.
    ///
    /// - Complexity: O(log z + log c + log w).
    @inline(__always)
    func isWorking(_ t: Int64) -> Bool {
        local.isWorking(t + zone.offsets[zone.segment(containing: t)])
    }

    /// Working seconds in `[a, b)`, `a <= b`, both within the supported range.
    ///
    /// - Complexity: O(s × (log c + log w)) for s zone segments crossed.
    func working(_ a: Int64, _ b: Int64) -> Int64 {
        var total: Int64 = 0
        var t = a
        var i = zone.segment(containing: a)
        while t < b {
            let segmentEnd = min(zone.end(of: i), b)
            let offset = zone.offsets[i]
            total += local.cumulative(segmentEnd + offset) - local.cumulative(t + offset)
            t = segmentEnd
            i += 1
        }
        return total
    }

    /// The first instant by which `amount > 0` working seconds have passed since `start`.
    ///
    /// - Complexity: O(s × (log c + log w)) for s zone segments crossed.
    func deadline(_ start: Int64, _ amount: Int64) throws(WorkingTimeError) -> Int64 {
        if amount > SupportedRange.upper - start { throw .resultOutOfRange }
        var t = start
        var remaining = amount
        var i = zone.segment(containing: start)
        while true {
            let offset = zone.offsets[i]
            let segmentEnd = zone.end(of: i)
            let from = local.cumulative(t + offset)
            if let bound = local.totalIfBounded, from + remaining > bound { throw .noWorkingTime }
            let target = from + remaining
            let available = local.cumulative(segmentEnd + offset)
            if target <= available, let x = local.firstReaching(target) { return x - offset }
            remaining = target - available
            if segmentEnd >= SupportedRange.upper { throw .resultOutOfRange }
            t = segmentEnd
            i += 1
        }
    }

    /// The latest working second strictly before `end` (its start), or `nil` if none in range.
    ///
    /// - Complexity: O(s × (log c + log w)) for s zone segments crossed backwards.
    func previousWorking(before end: Int64) -> Int64? {
        var b = end
        guard b > SupportedRange.lower else { return nil }
        var i = zone.segment(containing: b - 1)
        while true {
            let offset = zone.offsets[i]
            let segmentStart = zone.start(of: i)
            let upperF = local.cumulative(b + offset)
            if upperF > local.cumulative(segmentStart + offset), let x = local.firstReaching(upperF) {
                return x - 1 - offset
            }
            if i == 0 { return nil }
            b = segmentStart
            i -= 1
        }
    }

    /// The end of the working run containing working second `t`; `nil` if it lasts beyond the range.
    ///
    /// - Complexity: O(s × stretches) for s zone segments the run spans.
    func runEnd(_ t: Int64) -> Int64? {
        var i = zone.segment(containing: t)
        var cursor = t
        while true {
            let offset = zone.offsets[i]
            let segmentEnd = zone.end(of: i)
            let end = local.runEnd(from: cursor + offset, limit: segmentEnd + offset) - offset
            if end < segmentEnd { return end }
            if segmentEnd >= SupportedRange.upper { return nil }
            i += 1
            cursor = segmentEnd
            if !local.isWorking(cursor + zone.offsets[i]) { return cursor }
        }
    }

    // MARK: - With pauses

    /// Whether `t` is working and not paused.
    func isWorking(_ t: Int64, _ pauses: PauseSet) -> Bool {
        pauses.pause(containing: t) == nil && isWorking(t)
    }

    /// Working seconds in `[a, b)` outside pauses, `a <= b`.
    ///
    /// - Complexity: O((p + 1) × s × (log c + log w)) for p pauses overlapping `[a, b)`.
    func working(_ a: Int64, _ b: Int64, _ pauses: PauseSet) -> Int64 {
        var total = working(a, b)
        var k = pauses.firstEnding(after: a)
        while k < pauses.starts.count, pauses.starts[k] < b {
            let s = max(a, pauses.starts[k]), e = min(b, pauses.ends[k])
            if s < e { total -= working(s, e) }
            k += 1
        }
        return total
    }

    /// The deadline for `amount > 0` working seconds from `start`, skipping pauses.
    ///
    /// - Complexity: O((p + 1) × s × (log c + log w)) for p pauses passed.
    func deadline(_ start: Int64, _ amount: Int64, _ pauses: PauseSet) throws(WorkingTimeError) -> Int64 {
        if pauses.isEmpty { return try deadline(start, amount) }
        var t = start
        var remaining = amount
        var k = pauses.firstEnding(after: t)
        while k < pauses.starts.count {
            let pauseStart = pauses.starts[k]
            if pauseStart > t {
                let available = working(t, pauseStart)
                if remaining <= available { return try deadline(t, remaining) }
                remaining -= available
            }
            t = max(t, pauses.ends[k])
            k += 1
        }
        return try deadline(t, remaining)
    }

    /// The first working, unpaused second at or after `t`, or `nil` if none in range.
    func nextWorking(_ t: Int64, _ pauses: PauseSet) -> Int64? {
        var cursor = t
        while cursor < SupportedRange.upper {
            guard let candidate = try? deadline(cursor, 1) else { return nil }
            let c = candidate - 1
            guard let k = pauses.pause(containing: c) else { return c }
            cursor = pauses.ends[k]
        }
        return nil
    }

    /// The last working, unpaused second strictly before `t`, or `nil` if none in range.
    func previousWorking(_ t: Int64, _ pauses: PauseSet) -> Int64? {
        var cursor = t
        while true {
            guard let c = previousWorking(before: cursor) else { return nil }
            guard let k = pauses.pause(containing: c) else { return c }
            cursor = pauses.starts[k]
        }
    }

    /// The first second after `t` whose working state (with pauses) differs from `t`'s.
    func nextChange(_ t: Int64, _ pauses: PauseSet) -> Int64? {
        guard isWorking(t, pauses) else { return nextWorking(t, pauses) }
        let runEnd = runEnd(t) ?? SupportedRange.upper
        let k = pauses.firstEnding(after: t)
        let pauseStart = k < pauses.starts.count ? pauses.starts[k] : SupportedRange.upper
        let change = min(runEnd, pauseStart)
        return change < SupportedRange.upper ? change : nil
    }
}
