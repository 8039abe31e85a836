import Foundation

/// Working-time arithmetic. Conventions shared by every operation:
///
/// - Instants are truncated to the whole second at or before them (toward the past);
///   results are whole seconds. Working intervals are half-open: `[start, end)`.
/// - Supported instants: 1900-01-01 ..< 2400-01-01 UTC; outside it operations throw
///   `.instantOutOfRange` (inputs) or `.resultOutOfRange` (results).
/// - Pauses (`excluding:`) are removed from working time, measured on this calendar.
extension BusinessCalendar {
    /// Whether `instant` is working time (and not paused).
    ///
    /// Outside the supported range the zone offset comes straight from Foundation, so the
    /// answer is still exact (pauses are clamped to the range).
    /// - Complexity: O(log z + log c + log w + log p).
    public func isWorking(at instant: Date, excluding pauses: PauseSet = .empty) -> Bool {
        if let t = try? SupportedRange.seconds(instant) { return engine.isWorking(t, pauses) }
        let seconds = instant.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e15 else { return false }
        let t = Int64(seconds.rounded(.down))
        return engine.local.isWorking(t + Int64(timeZone.secondsFromGMT(for: instant)))
    }

    /// The instant by which `duration` of working time has passed since `start`.
    ///
    /// Starting in a break, on a holiday or at an interval's end, the clock starts at the
    /// next working instant. A positive duration ends *at the end* of the working second
    /// that completes it (8 h from Monday 09:00 on a 09:00-17:00 schedule is Monday 17:00,
    /// not Tuesday 09:00). A zero duration returns `start` itself (truncated to the second),
    /// even outside working time; this keeps `deadline` additive.
    /// - Throws: `.negativeDuration`, `.instantOutOfRange`, `.noWorkingTime` when the
    ///   calendar runs out of working time, `.resultOutOfRange` past 2400.
    /// - Complexity: O((p + s) × (log c + log w)) for p pauses and s DST changes passed;
    ///   whole weeks between exceptions are skipped arithmetically.
    public func deadline(
        from start: Date, adding duration: WorkingDuration, excluding pauses: PauseSet = .empty
    ) throws(WorkingTimeError) -> Date {
        guard duration.seconds >= 0 else { throw .negativeDuration(duration) }
        let t = try SupportedRange.seconds(start)
        if duration.seconds == 0 { return SupportedRange.date(t) }
        return SupportedRange.date(try engine.deadline(t, duration.seconds, pauses))
    }

    /// The working time between two instants, in either order (the result is never negative).
    ///
    /// - Complexity: O((p + s) × (log c + log w)).
    public func workingTime(
        from start: Date, to end: Date, excluding pauses: PauseSet = .empty
    ) throws(WorkingTimeError) -> WorkingDuration {
        let a = try SupportedRange.seconds(start), b = try SupportedRange.seconds(end)
        return .seconds(engine.working(min(a, b), max(a, b), pauses))
    }

    /// The first working (unpaused) instant at or after `instant`: `instant` itself if working.
    ///
    /// - Throws: `.noWorkingTime` if the calendar has no working time afterwards.
    public func nextWorkingInstant(
        atOrAfter instant: Date, excluding pauses: PauseSet = .empty
    ) throws(WorkingTimeError) -> Date {
        let t = try SupportedRange.seconds(instant)
        guard let next = engine.nextWorking(t, pauses) else {
            throw engine.local.totalIfBounded != nil ? .noWorkingTime : .resultOutOfRange
        }
        return SupportedRange.date(next)
    }

    /// The start of the last working (unpaused) second strictly before `instant`.
    ///
    /// For `instant` in non-working time this is one second before the end of the last
    /// working period; inside working time it is `instant - 1 s`.
    /// - Throws: `.noWorkingTime` if there is no working time before `instant` (since 1900).
    public func previousWorkingInstant(
        before instant: Date, excluding pauses: PauseSet = .empty
    ) throws(WorkingTimeError) -> Date {
        let t = try SupportedRange.seconds(instant)
        guard let previous = engine.previousWorking(t, pauses) else { throw .noWorkingTime }
        return SupportedRange.date(previous)
    }

    /// The first instant after `instant` whose working state differs from that of `instant`:
    /// the end of the current working period, or the start of the next one. `nil` when the
    /// state never changes before 2400 (a 24×7 calendar, or no working time left).
    public func nextChange(
        after instant: Date, excluding pauses: PauseSet = .empty
    ) throws(WorkingTimeError) -> Date? {
        let t = try SupportedRange.seconds(instant)
        return engine.nextChange(t, pauses).map(SupportedRange.date)
    }

    /// The working period containing `instant` or the next one, as `[start, end)`;
    /// `nil` when there is none. A period running past 2400 ends at 2400-01-01.
    public func workingPeriod(
        atOrAfter instant: Date, excluding pauses: PauseSet = .empty
    ) throws(WorkingTimeError) -> DateInterval? {
        let t = try SupportedRange.seconds(instant)
        guard let start = engine.nextWorking(t, pauses) else { return nil }
        let end = engine.nextChange(start, pauses) ?? SupportedRange.upper
        return DateInterval(start: SupportedRange.date(start), end: SupportedRange.date(end))
    }
}
