import Foundation
import Testing
import WorkingTime

/// Edge cases of `deadline`, `workingTime` and the navigation operations on fixed calendars.
@Suite struct DeadlineTests {
    let cal = office()  // Europe/Berlin, Mon-Fri 09:00-13:00 + 14:00-18:00; 2026-11-30 is a Monday.

    @Test func eightHoursFromOpeningEndsAtClosingSameDay() throws {
        #expect(try cal.deadline(from: at("2026-11-30T09:00:00+01:00"), adding: .hours(8)) == at("2026-11-30T18:00:00+01:00"))
        #expect(try cal.workingTime(from: at("2026-11-30T09:00:00+01:00"), to: at("2026-11-30T18:00:00+01:00")) == .hours(8))
    }

    @Test func endsAtIntervalEndNotAtNextOpening() throws {
        // 4 h from 14:00 is 18:00 the same day, not 09:00 the next morning.
        #expect(try cal.deadline(from: at("2026-11-30T14:00:00+01:00"), adding: .hours(4)) == at("2026-11-30T18:00:00+01:00"))
        #expect(try cal.deadline(from: at("2026-11-30T10:00:00+01:00"), adding: .hours(3)) == at("2026-11-30T13:00:00+01:00"))
    }

    @Test func startInsideLunchBreakWaitsForTheAfternoon() throws {
        #expect(try cal.deadline(from: at("2026-11-30T13:30:00+01:00"), adding: .hours(1)) == at("2026-11-30T15:00:00+01:00"))
    }

    @Test func intervalsAreHalfOpen() throws {
        #expect(cal.isWorking(at: at("2026-11-30T09:00:00+01:00")))
        #expect(cal.isWorking(at: at("2026-11-30T12:59:59+01:00")))
        #expect(!cal.isWorking(at: at("2026-11-30T13:00:00+01:00")))
        #expect(!cal.isWorking(at: at("2026-11-30T08:59:59+01:00")))
        // Starting exactly at an interval's end behaves like starting in the break.
        #expect(try cal.deadline(from: at("2026-11-30T13:00:00+01:00"), adding: .hours(1)) == at("2026-11-30T15:00:00+01:00"))
    }

    @Test func startOnHolidaySkipsTheHoliday() throws {
        let withHoliday = office("Europe/Berlin", [.holiday(day("2026-12-01"))])
        #expect(try withHoliday.deadline(from: at("2026-11-30T17:00:00+01:00"), adding: .hours(2)) == at("2026-12-02T10:00:00+01:00"))
        #expect(try withHoliday.deadline(from: at("2026-12-01T10:00:00+01:00"), adding: .hours(1)) == at("2026-12-02T10:00:00+01:00"))
        #expect(!withHoliday.isWorking(at: at("2026-12-01T10:00:00+01:00")))
    }

    @Test func zeroDurationReturnsTheStartItself() throws {
        let night = at("2026-11-30T20:00:00+01:00")
        #expect(try cal.deadline(from: night, adding: .zero) == night)
        #expect(try cal.deadline(from: at("2026-11-30T10:00:00+01:00"), adding: .zero) == at("2026-11-30T10:00:00+01:00"))
        // The next working instant is a separate operation.
        #expect(try cal.nextWorkingInstant(atOrAfter: night) == at("2026-12-01T09:00:00+01:00"))
    }

    @Test func negativeDurationIsRejected() {
        #expect(throws: WorkingTimeError.negativeDuration(.seconds(-1))) {
            try cal.deadline(from: at("2026-11-30T10:00:00+01:00"), adding: .seconds(-1))
        }
    }

    @Test func durationSpanningManyWeeks() throws {
        // 400 h = 10 weeks of 40 h, November to February (no DST change in between).
        #expect(try cal.deadline(from: at("2026-11-30T09:00:00+01:00"), adding: .hours(400)) == at("2027-02-05T18:00:00+01:00"))
        // 30 × 24 h of working time = 18 weeks; crosses the spring DST change.
        let end = try cal.deadline(from: at("2026-11-30T09:00:00+01:00"), adding: .days(30))
        #expect(end == at("2027-04-02T18:00:00+02:00"))
        #expect(try cal.workingTime(from: at("2026-11-30T09:00:00+01:00"), to: end) == .days(30))
    }

    @Test func workingTimeIsOrderInsensitive() throws {
        let a = at("2026-11-30T11:00:00+01:00"), b = at("2026-12-02T15:30:00+01:00")
        #expect(try cal.workingTime(from: a, to: b) == .hm(19, 30))
        #expect(try cal.workingTime(from: b, to: a) == .hm(19, 30))
        #expect(try cal.workingTime(from: a, to: a) == .zero)
    }

    @Test func subSecondPartsAreTruncatedTowardThePast() throws {
        #expect(!cal.isWorking(at: at("2026-11-30T09:00:00+01:00") - 0.3))
        #expect(cal.isWorking(at: at("2026-11-30T09:00:00+01:00") + 0.9))
        #expect(try cal.deadline(from: at("2026-11-30T09:00:00+01:00") + 0.9, adding: .hours(1)) == at("2026-11-30T10:00:00+01:00"))
        #expect(try cal.workingTime(from: at("2026-11-30T09:00:00+01:00") + 0.9, to: at("2026-11-30T09:00:02+01:00") + 0.1) == .seconds(2))
    }

    @Test func navigation() throws {
        let lunch = at("2026-11-30T13:20:00+01:00")
        #expect(try cal.nextWorkingInstant(atOrAfter: lunch) == at("2026-11-30T14:00:00+01:00"))
        #expect(try cal.nextWorkingInstant(atOrAfter: at("2026-11-30T10:00:00+01:00")) == at("2026-11-30T10:00:00+01:00"))
        #expect(try cal.previousWorkingInstant(before: lunch) == at("2026-11-30T12:59:59+01:00"))
        #expect(try cal.previousWorkingInstant(before: at("2026-11-30T10:00:00+01:00")) == at("2026-11-30T09:59:59+01:00"))
        #expect(try cal.nextChange(after: lunch) == at("2026-11-30T14:00:00+01:00"))
        #expect(try cal.nextChange(after: at("2026-11-30T10:00:00+01:00")) == at("2026-11-30T13:00:00+01:00"))
        // Friday evening: the next change is Monday morning.
        #expect(try cal.nextChange(after: at("2026-12-04T18:00:00+01:00")) == at("2026-12-07T09:00:00+01:00"))
        let period = try cal.workingPeriod(atOrAfter: lunch)
        #expect(period == DateInterval(start: at("2026-11-30T14:00:00+01:00"), end: at("2026-11-30T18:00:00+01:00")))
    }

    @Test func nightShiftCrossingMidnightBelongsToItsStartDay() throws {
        let shifts = WeeklySchedule(weekdays: Weekday.workweek, intervals: ivs("22:00-06:00"))
        let plain = try BusinessCalendar(timeZoneIdentifier: "Europe/Berlin", schedule: shifts)
        // Friday's shift runs into Saturday; Sunday has none, so Monday 05:00 is free.
        #expect(plain.isWorking(at: at("2026-12-05T05:00:00+01:00")))
        #expect(!plain.isWorking(at: at("2026-12-07T05:00:00+01:00")))
        #expect(try plain.workingTime(from: at("2026-11-30T00:00:00+01:00"), to: at("2026-12-07T00:00:00+01:00")) == .hours(40))
        // A holiday on Saturday does not cut Friday's shift; a holiday on Friday removes it.
        let saturdayOff = try plain.adding([.holiday(day("2026-12-05"))])
        #expect(saturdayOff.isWorking(at: at("2026-12-05T05:00:00+01:00")))
        let fridayOff = try plain.adding([.holiday(day("2026-12-04"))])
        #expect(!fridayOff.isWorking(at: at("2026-12-05T05:00:00+01:00")))
        #expect(!fridayOff.isWorking(at: at("2026-12-04T23:00:00+01:00")))
        #expect(fridayOff.isWorking(at: at("2026-12-04T05:00:00+01:00")))  // Thursday's shift
        // 10 h from Monday 21:00: 22:00-06:00 (8 h), then Tuesday 22:00-00:00 (2 h).
        #expect(try plain.deadline(from: at("2026-11-30T21:00:00+01:00"), adding: .hours(10)) == at("2026-12-02T00:00:00+01:00"))
    }

    @Test func shiftFrom21To02IsExpressible() throws {
        // chatwoot #5254: business hours 21:00-02:00.
        let late = try BusinessCalendar(
            timeZoneIdentifier: "America/New_York",
            schedule: WeeklySchedule(weekdays: Weekday.allCases, intervals: ivs("21:00-02:00")))
        #expect(try late.deadline(from: at("2026-12-01T20:00:00-05:00"), adding: .hours(3)) == at("2026-12-02T00:00:00-05:00"))
        #expect(try late.deadline(from: at("2026-12-01T20:00:00-05:00"), adding: .hours(5)) == at("2026-12-02T02:00:00-05:00"))
        #expect(try late.deadline(from: at("2026-12-01T20:00:00-05:00"), adding: .hours(6)) == at("2026-12-02T22:00:00-05:00"))
        #expect(late.isWorking(at: at("2026-12-02T01:59:59-05:00")))
        #expect(!late.isWorking(at: at("2026-12-02T02:00:00-05:00")))
    }

    @Test func twentyFourHourDaysAndOvernightJoins() throws {
        let weekend = WeeklySchedule([.saturday: [.fullDay], .sunday: ivs("00:00-00:00")])
        let cal = try BusinessCalendar(timeZoneIdentifier: "Europe/Berlin", schedule: weekend)
        #expect(try cal.workingTime(from: at("2026-11-30T00:00:00+01:00"), to: at("2026-12-07T00:00:00+01:00")) == .hours(48))
        // Saturday 00:00 through Monday 00:00 is one period, with no gap at midnight.
        #expect(try cal.nextChange(after: at("2026-12-05T10:00:00+01:00")) == at("2026-12-07T00:00:00+01:00"))
        #expect(cal.isWorking(at: at("2026-12-05T23:59:59+01:00")))
        #expect(cal.isWorking(at: at("2026-12-06T00:00:00+01:00")))
    }

    @Test func twentyFourSevenHasNoGapAtMidnight() throws {
        // Zammad #3180 closed one minute at midnight; here every second works.
        let always = BusinessCalendar.twentyFourSeven(timeZone: zone("Europe/Berlin"))
        #expect(always.isWorking(at: at("2026-12-01T23:59:59+01:00")))
        #expect(always.isWorking(at: at("2026-12-02T00:00:00+01:00")))
        #expect(try always.workingTime(from: at("2026-12-01T23:00:00+01:00"), to: at("2026-12-02T01:00:00+01:00")) == .hours(2))
        #expect(try always.nextChange(after: at("2026-12-01T12:00:00+01:00")) == nil)
        #expect(try always.deadline(from: at("2026-12-01T23:59:00+01:00"), adding: .minutes(2)) == at("2026-12-02T00:01:00+01:00"))
        #expect(try always.deadline(from: at("2026-12-01T12:00:00+01:00"), adding: .days(365))
            == at("2027-12-01T12:00:00+01:00"))
    }

    @Test func calendarWithoutWorkingTimeThrowsInsteadOfLooping() throws {
        let never = try BusinessCalendar(timeZoneIdentifier: "Europe/Berlin", schedule: .empty)
        let t = at("2026-11-30T10:00:00+01:00")
        #expect(throws: WorkingTimeError.noWorkingTime) { try never.deadline(from: t, adding: .seconds(1)) }
        #expect(throws: WorkingTimeError.noWorkingTime) { try never.nextWorkingInstant(atOrAfter: t) }
        #expect(throws: WorkingTimeError.noWorkingTime) { try never.previousWorkingInstant(before: t) }
        #expect(try never.nextChange(after: t) == nil)
        #expect(try never.workingTime(from: t, to: at("2399-01-01T00:00:00Z")) == .zero)
        // Every weekday a holiday-like empty schedule, but one extra working day.
        let once = try BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin", schedule: .empty,
            exceptions: [CalendarException(date: day("2026-12-05"), kind: .extraWorkingDay(ivs("10:00-12:00")))])
        #expect(try once.deadline(from: t, adding: .hours(2)) == at("2026-12-05T12:00:00+01:00"))
        #expect(throws: WorkingTimeError.noWorkingTime) { try once.deadline(from: t, adding: .hours(3)) }
        #expect(try once.nextChange(after: at("2026-12-05T11:00:00+01:00")) == at("2026-12-05T12:00:00+01:00"))
        #expect(try once.nextChange(after: at("2026-12-05T12:00:00+01:00")) == nil)
    }

    @Test func exceptionKinds() throws {
        let cal = office("Europe/Berlin", [
            CalendarException(date: day("2026-12-05"), kind: .extraWorkingDay(nil)),  // Saturday
            CalendarException(date: day("2026-12-06"), kind: .extraWorkingDay(ivs("10:00-11:00"))),  // Sunday
            CalendarException(date: day("2026-12-04"), kind: .shortened(ivs("09:00-12:00"))),  // Friday
        ])
        #expect(try cal.workingTime(from: at("2026-12-04T00:00:00+01:00"), to: at("2026-12-07T00:00:00+01:00")) == .hours(3 + 8 + 1))
        #expect(cal.isWorking(at: at("2026-12-05T14:30:00+01:00")))
        #expect(!cal.isWorking(at: at("2026-12-05T13:30:00+01:00")))
        #expect(throws: WorkingTimeError.duplicateException(day("2026-12-05"))) {
            try cal.adding([.holiday(day("2026-12-05"))])
        }
    }

    @Test func farYearsAndRangeLimits() throws {
        // 2350: pure weekly arithmetic; 2350-06-07 is a Tuesday.
        #expect(try cal.deadline(from: at("2350-06-07T12:00:00+02:00"), adding: .hours(10)) == at("2350-06-08T15:00:00+02:00"))
        #expect(try cal.deadline(from: at("1901-03-04T09:00:00+01:00"), adding: .hours(8)) == at("1901-03-04T18:00:00+01:00"))
        #expect(throws: WorkingTimeError.instantOutOfRange(at("1899-12-31T00:00:00Z"))) {
            try cal.deadline(from: at("1899-12-31T00:00:00Z"), adding: .hours(1))
        }
        #expect(throws: WorkingTimeError.resultOutOfRange) {
            try cal.deadline(from: at("2399-12-01T00:00:00Z"), adding: .hours(1_000))
        }
        // isWorking stays exact outside the range (the offset then comes from Foundation).
        #expect(cal.isWorking(at: at("2500-06-01T10:00:00+02:00")))  // a Tuesday
        #expect(!cal.isWorking(at: at("2500-06-01T08:00:00+02:00")))
        #expect(!cal.isWorking(at: Date(timeIntervalSince1970: .nan)))
    }

    @Test func pastTheLastExceptionTheWeeklyScheduleContinues() throws {
        let ru = try BusinessCalendar(
            timeZoneIdentifier: "Europe/Moscow", schedule: officeWeek,
            exceptions: try ExceptionFile.parseCSV(contentsOf: fixtureURL("russia-2025-2027.csv")))
        // 2030-01-01 is an ordinary Tuesday for a calendar whose list ends in 2027.
        #expect(try ru.deadline(from: at("2030-01-01T09:00:00+03:00"), adding: .hours(8)) == at("2030-01-01T18:00:00+03:00"))
        // From inside the list to far beyond it: 52 × 40 h from Thursday 2027-12-30; Friday
        // 2027-12-31 is a listed day off, so the year of work ends one day later, on a Thursday.
        let end = try ru.deadline(from: at("2027-12-30T09:00:00+03:00"), adding: .hours(52 * 40))
        #expect(try ru.workingTime(from: at("2027-12-30T09:00:00+03:00"), to: end) == .hours(52 * 40))
        #expect(end == at("2028-12-28T18:00:00+03:00"))
    }
}
