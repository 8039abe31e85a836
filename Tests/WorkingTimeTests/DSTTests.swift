import Foundation
import SeededRandom
import Testing

@testable import WorkingTime

/// Wall-clock semantics across DST changes: gaps shorten, repeated hours lengthen.
@Suite struct DSTTests {
    let berlin24 = BusinessCalendar.twentyFourSeven(timeZone: zone("Europe/Berlin"))

    @Test func twentyFourSevenCountsRealSecondsOnShortAndLongDays() throws {
        // 2026-03-29: 02:00 -> 03:00 (23 h day); 2026-10-25: 03:00 -> 02:00 (25 h day).
        #expect(
            try berlin24.workingTime(from: at("2026-03-29T00:00:00+01:00"), to: at("2026-03-30T00:00:00+02:00"))
                == .hours(23))
        #expect(
            try berlin24.workingTime(from: at("2026-10-25T00:00:00+02:00"), to: at("2026-10-26T00:00:00+01:00"))
                == .hours(25))
    }

    @Test func holidayOnA23Or25HourDayRemovesTheWholeDay() throws {
        let cal = try berlin24.adding([.holiday(day("2026-03-29")), .holiday(day("2026-10-25"))])
        // Week Mon 2026-10-19 .. Mon 2026-10-26 has 169 real hours; the 25-hour Sunday is off.
        #expect(
            try cal.workingTime(from: at("2026-10-19T00:00:00+02:00"), to: at("2026-10-26T00:00:00+01:00"))
                == .hours(144))
        #expect(
            try cal.workingTime(from: at("2026-03-23T00:00:00+01:00"), to: at("2026-03-30T00:00:00+02:00"))
                == .hours(144))
        #expect(try cal.nextChange(after: at("2026-10-24T12:00:00+02:00")) == at("2026-10-25T00:00:00+02:00"))
        #expect(try cal.nextChange(after: at("2026-10-25T12:00:00+01:00")) == at("2026-10-26T00:00:00+01:00"))
        #expect(
            try cal.deadline(from: at("2026-10-24T23:00:00+02:00"), adding: .hours(2))
                == at("2026-10-26T01:00:00+01:00"))
    }

    @Test func holidayOnFallBackDayTerminates() throws {
        // businesstimedelta loops forever on a holiday that falls on a fall-back day.
        let schedule = WeeklySchedule(weekdays: Weekday.allCases, intervals: ivs("00:30-03:00 09:00-17:00"))
        let cal = try BusinessCalendar(
            timeZoneIdentifier: "America/New_York", schedule: schedule, exceptions: [.holiday(day("2026-11-01"))])
        #expect(
            try cal.deadline(from: at("2026-10-31T16:00:00-04:00"), adding: .hours(2))
                == at("2026-11-02T01:30:00-05:00"))
        #expect(
            try cal.workingTime(from: at("2026-10-31T00:00:00-04:00"), to: at("2026-11-03T00:00:00-05:00")) == .hm(21))
    }

    @Test func intervalInSpringForwardGapIsShortened() throws {
        // New York 2026-03-08: 02:00 -> 03:00.
        let schedule = WeeklySchedule([.sunday: ivs("01:30-03:30 02:15-02:45")])
        let cal = try BusinessCalendar(timeZoneIdentifier: "America/New_York", schedule: schedule)
        #expect(
            try cal.workingTime(from: at("2026-03-08T00:00:00-05:00"), to: at("2026-03-09T00:00:00-04:00")) == .hours(1)
        )
        #expect(
            try cal.deadline(from: at("2026-03-08T01:00:00-05:00"), adding: .minutes(40))
                == at("2026-03-08T03:10:00-04:00"))
        #expect(try cal.nextChange(after: at("2026-03-08T01:45:00-05:00")) == at("2026-03-08T03:30:00-04:00"))
        let gapOnly = try BusinessCalendar(
            timeZoneIdentifier: "America/New_York", schedule: WeeklySchedule([.sunday: ivs("02:00-03:00")]))
        #expect(
            try gapOnly.workingTime(from: at("2026-03-08T00:00:00-05:00"), to: at("2026-03-09T00:00:00-04:00")) == .zero
        )
        #expect(
            try gapOnly.workingTime(from: at("2026-03-01T00:00:00-05:00"), to: at("2026-03-02T00:00:00-05:00"))
                == .hours(1))
    }

    @Test func repeatedFallBackHourCountsTwice() throws {
        // New York 2026-11-01: 02:00 EDT -> 01:00 EST, so 01:00-02:00 happens twice.
        let cal = try BusinessCalendar(
            timeZoneIdentifier: "America/New_York", schedule: WeeklySchedule([.sunday: ivs("01:30-01:45")]))
        #expect(
            try cal.workingTime(from: at("2026-11-01T00:00:00-04:00"), to: at("2026-11-02T00:00:00-05:00"))
                == .minutes(30))
        #expect(
            try cal.workingPeriod(atOrAfter: at("2026-11-01T00:00:00-04:00"))
                == DateInterval(start: at("2026-11-01T01:30:00-04:00"), end: at("2026-11-01T01:45:00-04:00")))
        #expect(
            try cal.workingPeriod(atOrAfter: at("2026-11-01T01:45:00-04:00"))
                == DateInterval(start: at("2026-11-01T01:30:00-05:00"), end: at("2026-11-01T01:45:00-05:00")))
        let spanning = try BusinessCalendar(
            timeZoneIdentifier: "America/New_York", schedule: WeeklySchedule([.sunday: ivs("00:00-04:00")]))
        #expect(
            try spanning.workingTime(from: at("2026-11-01T00:00:00-04:00"), to: at("2026-11-02T00:00:00-05:00"))
                == .hours(5))
        #expect(try spanning.nextChange(after: at("2026-11-01T00:10:00-04:00")) == at("2026-11-01T04:00:00-05:00"))
    }

    @Test func lordHoweThirtyMinuteShift() throws {
        // Australia/Lord_Howe: 2026-04-05 02:00 -> 01:30 (+10:30); 2026-10-04 02:00 -> 02:30 (+11).
        let cal = BusinessCalendar.twentyFourSeven(timeZone: zone("Australia/Lord_Howe"))
        #expect(
            try cal.workingTime(from: at("2026-04-05T00:00:00+11:00"), to: at("2026-04-06T00:00:00+10:30"))
                == .hm(24, 30))
        #expect(
            try cal.workingTime(from: at("2026-10-04T00:00:00+10:30"), to: at("2026-10-05T00:00:00+11:00"))
                == .hm(23, 30))
        let night = try BusinessCalendar(
            timeZoneIdentifier: "Australia/Lord_Howe", schedule: WeeklySchedule([.sunday: ivs("01:00-03:00")]))
        #expect(
            try night.workingTime(from: at("2026-10-04T00:00:00+10:30"), to: at("2026-10-05T00:00:00+11:00"))
                == .hm(1, 30))
        #expect(
            try night.workingTime(from: at("2026-04-05T00:00:00+11:00"), to: at("2026-04-06T00:00:00+10:30"))
                == .hm(2, 30))
    }

    @Test func zoneTableMatchesFoundationOffsets() throws {
        var rng = SplitMix64(seed: 42)
        for id in RandomCalendars.zones + ["Europe/Moscow", "Asia/Tehran", "Africa/Casablanca", "America/Santiago"] {
            let tz = zone(id)
            let table = ZoneTable(timeZone: tz)
            for _ in 0..<300 {
                let t = RandomCalendars.instant(&rng, years: 1901...2398)
                #expect(
                    table.offsets[table.segment(containing: t)] == Int64(tz.secondsFromGMT(for: Date(seconds: t))),
                    "\(id) \(t)")
            }
            for (i, start) in table.starts.enumerated().dropFirst() where start < 4_000_000_000 {
                #expect(table.offsets[i] == Int64(tz.secondsFromGMT(for: Date(seconds: start))), "\(id) at \(start)")
                #expect(
                    table.offsets[i - 1] == Int64(tz.secondsFromGMT(for: Date(seconds: start - 1))),
                    "\(id) before \(start)")
            }
        }
    }
}

/// Long walks over many zone segments stay bounded and fast.
@Suite struct LongWalkTests {
    @Test func twentyFourSevenNextChangeFindsAHolidayYearsAhead() throws {
        let cal = try BusinessCalendar.twentyFourSeven(timeZone: zone("Europe/Berlin")).adding([
            .holiday(day("2031-05-01"))
        ])
        let clock = ContinuousClock()
        var change: Date?
        let elapsed = try clock.measure { change = try cal.nextChange(after: at("2026-12-01T12:00:00+01:00")) }
        #expect(change == at("2031-05-01T00:00:00+02:00"))
        #expect(try cal.nextChange(after: at("2031-05-01T10:00:00+02:00")) == at("2031-05-02T00:00:00+02:00"))
        #expect(try cal.nextChange(after: at("2031-05-02T10:00:00+02:00")) == nil)
        #expect(
            try cal.previousWorkingInstant(before: at("2031-05-01T10:00:00+02:00")) == at("2031-04-30T23:59:59+02:00"))
        #expect(elapsed < .seconds(1))
    }

    @Test func emptyCalendarFailsFast() throws {
        let never = try BusinessCalendar(timeZoneIdentifier: "America/New_York", schedule: .empty)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = try? never.previousWorkingInstant(before: at("2399-12-31T00:00:00Z"))
            _ = try? never.nextWorkingInstant(atOrAfter: at("1900-01-02T00:00:00Z"))
            _ = try? never.nextChange(after: at("1900-01-02T00:00:00Z"))
        }
        #expect(elapsed < .seconds(2))
    }
}
