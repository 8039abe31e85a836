import Foundation

/// Day arithmetic and the link between a zone's wall clock and instants.
extension LocalDate {
    /// The first date, 0001-01-01.
    public static let first = LocalDate(dayNumber: LocalDate.firstDayNumber)
    /// The last date, 9999-12-31.
    public static let last = LocalDate(dayNumber: LocalDate.lastDayNumber)

    static let firstDayNumber: Int64 = -719_162
    static let lastDayNumber: Int64 = 2_932_896

    /// The date `days` days after this one (before it when negative); throws beyond years 1...9999.
    public func adding(days: Int) throws(WorkingTimeError) -> LocalDate {
        let target = Int64(days).addingReportingOverflow(dayNumber)
        guard !target.overflow, (LocalDate.firstDayNumber...LocalDate.lastDayNumber).contains(target.partialValue)
        else { throw .invalidDate(year: year, month: month, day: day) }
        return LocalDate(dayNumber: target.partialValue)
    }

    /// Whole days from this date to `other`: negative when `other` is earlier.
    public func days(to other: LocalDate) -> Int { Int(other.dayNumber - dayNumber) }

    /// The date on `zone`'s wall clock at `instant`; throws for an instant that is not finite or
    /// falls outside years 1...9999.
    public init(_ instant: Date, in zone: TimeZone) throws(WorkingTimeError) {
        let seconds = instant.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 3e11 else { throw .instantOutOfRange(instant) }
        let local = Int64(seconds.rounded(.down)) + Int64(zone.secondsFromGMT(for: instant))
        let day = floorDiv(local, 86_400)
        guard (LocalDate.firstDayNumber...LocalDate.lastDayNumber).contains(day) else {
            throw .instantOutOfRange(instant)
        }
        self.init(dayNumber: day)
    }

    /// The instant at which `zone`'s wall clock shows `time` on this date.
    ///
    /// Follows RFC 5545 §3.3.5: a time the clock skips (a spring-forward gap) is read with the
    /// offset in force before the gap, so it lands as much later as the gap is long (02:30 in a
    /// one-hour gap is 03:30); a time the clock shows twice (a fall-back hour) is the first of them.
    public func instant(at time: TimeOfDay, in zone: TimeZone) -> Date {
        let local = dayNumber * 86_400 + Int64(time.secondsSinceMidnight)
        func offset(_ t: Int64) -> Int64 { Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t)))) }
        // Offsets change at most a few hours apart from the wall time; a day either side brackets
        // the transition, if any, that this wall time is near.
        let before = offset(local - 86_400)
        let after = offset(local + 86_400)
        let early = local - max(before, after)
        let late = local - min(before, after)
        let fits = { (t: Int64) in t + offset(t) == local }
        let chosen: Int64
        if fits(early) {
            chosen = early
        } else if fits(late) {
            chosen = late
        } else {
            chosen = local - before
        }
        return Date(timeIntervalSince1970: Double(chosen))
    }
}

/// A calendar's working time by local date.
extension BusinessCalendar {
    /// The working intervals of `date` on the calendar's wall clock, clipped to that day, in order.
    ///
    /// - Throws: `.instantOutOfRange` for dates whose day lies outside 1900 ..< 2400 UTC.
    public func workingIntervals(on date: LocalDate) throws(WorkingTimeError) -> [DateInterval] {
        let start = date.instant(at: .midnight, in: timeZone)
        let end = date.instant(at: .endOfDay, in: timeZone)
        var a = try SupportedRange.seconds(start)
        let b = try SupportedRange.seconds(end)
        var intervals: [DateInterval] = []
        while a < b, let s = engine.nextWorking(a, .empty), s < b {
            let e = min(engine.nextChange(s, .empty) ?? SupportedRange.upper, b)
            intervals.append(DateInterval(start: SupportedRange.date(s), end: SupportedRange.date(e)))
            a = e
        }
        return intervals
    }

    /// The working seconds of `date` on the calendar's wall clock.
    public func workingSeconds(on date: LocalDate) throws(WorkingTimeError) -> Int64 {
        let a = try SupportedRange.seconds(date.instant(at: .midnight, in: timeZone))
        let b = try SupportedRange.seconds(date.instant(at: .endOfDay, in: timeZone))
        return engine.working(a, b)
    }

    /// `true` when `date` has any working time on the calendar's wall clock.
    public func isWorkingDay(_ date: LocalDate) throws(WorkingTimeError) -> Bool {
        try workingSeconds(on: date) > 0
    }
}
