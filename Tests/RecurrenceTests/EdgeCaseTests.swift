import Foundation
import Testing
import WorkingTime

@testable import Recurrence

/// DTSTART, EXDATE, COUNT, impossible rules and DST, case by case.
@Suite struct EdgeCaseTests {
    static let newYork = TimeZone(identifier: "America/New_York")!

    static func schedule(
        _ rule: String, _ y: Int, _ m: Int, _ d: Int, time: TimeOfDay = .midnight,
        exdates: Set<LocalDate> = []
    ) throws -> RecurrenceSchedule {
        try RecurrenceSchedule(
            rule: RecurrenceRule(parsing: rule), start: LocalDate(year: y, month: m, day: d), time: time,
            timeZone: newYork, exceptionDates: exdates)
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { try! LocalDate(year: y, month: m, day: d) }

    @Test func dtstartIsFirstAndCountsEvenWhenTheRuleWouldNotProduceIt() throws {
        // 2026-01-01 is a Thursday; the 2nd Tuesdays follow.
        let s = try Self.schedule("FREQ=MONTHLY;BYDAY=2TU;COUNT=3", 2026, 1, 1)
        #expect(
            s.occurrences(onOrAfter: .first, count: 10).map(\.date) == [
                Self.day(2026, 1, 1), Self.day(2026, 1, 13), Self.day(2026, 2, 10),
            ])
        // EXDATE removes DTSTART but it still counts.
        let x = try Self.schedule("FREQ=MONTHLY;BYDAY=2TU;COUNT=3", 2026, 1, 1, exdates: [Self.day(2026, 1, 1)])
        #expect(
            x.occurrences(onOrAfter: .first, count: 10).map(\.date) == [Self.day(2026, 1, 13), Self.day(2026, 2, 10)])
        // UNTIL before DTSTART: nothing at all.
        let u = try Self.schedule("FREQ=DAILY;UNTIL=20251231", 2026, 1, 1)
        #expect(u.occurrences(onOrAfter: .first, count: 10).isEmpty)
    }

    @Test func weeklySetPositionSeesTheWholeWeek() throws {
        // Week of Mon 2026-01-05: {5, 7, 9}; the 1st is before DTSTART (Wed the 7th) and is dropped.
        let s = try Self.schedule("FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=1", 2026, 1, 7)
        #expect(
            s.occurrences(onOrAfter: .first, count: 3).map(\.date) == [
                Self.day(2026, 1, 7), Self.day(2026, 1, 12), Self.day(2026, 1, 19),
            ])
    }

    @Test func invalidDatesAreSkippedNotRolledOver() throws {
        let s = try Self.schedule("FREQ=MONTHLY", 2026, 1, 31)
        #expect(
            s.occurrences(onOrAfter: .first, count: 4).map(\.date) == [
                Self.day(2026, 1, 31), Self.day(2026, 3, 31), Self.day(2026, 5, 31), Self.day(2026, 7, 31),
            ])
        let leap = try Self.schedule("FREQ=YEARLY;INTERVAL=4", 2096, 2, 29)
        #expect(
            leap.occurrences(onOrAfter: .first, count: 2).map(\.date) == [Self.day(2096, 2, 29), Self.day(2104, 2, 29)])
    }

    /// Rules that can never match after DTSTART end after one 400-year cycle of empty periods, quickly.
    @Test(arguments: [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31",
        "FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31",
        "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=1;BYDAY=5MO", "FREQ=DAILY;INTERVAL=7;BYDAY=TU",
        "FREQ=YEARLY;BYMONTH=2;BYDAY=5MO;BYMONTHDAY=1",
    ])
    func impossibleRulesEnd(_ rule: String) throws {
        let s = try Self.schedule(rule, 2026, 3, 4)  // a Wednesday
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            #expect(s.occurrences(onOrAfter: .first, count: 5).map(\.date) == [Self.day(2026, 3, 4)])
            #expect(Array(s.lazyOccurrences()).count == 1)
            #expect(s.occurrences(from: Self.day(2030, 1, 1), through: .last).isEmpty)
        }
        #expect(elapsed < .seconds(2), "\(rule): \(elapsed)")
    }

    @Test func endsAtTheLastRepresentableYear() throws {
        let s = try Self.schedule("FREQ=YEARLY;INTERVAL=1000", 2026, 6, 1)
        #expect(
            s.occurrences(onOrAfter: .first, count: 100).map(\.date.year) == [
                2026, 3026, 4026, 5026, 6026, 7026, 8026, 9026,
            ])
        let d = try Self.schedule("FREQ=DAILY", 9999, 12, 30)
        #expect(d.occurrences(onOrAfter: .first, count: 5).count == 2)
        let w = try Self.schedule("FREQ=WEEKLY;WKST=SU;BYDAY=SU,SA", 1, 1, 1)
        #expect(
            w.occurrences(onOrAfter: .first, count: 3).map(\.date) == [
                Self.day(1, 1, 1), Self.day(1, 1, 6), Self.day(1, 1, 7),
            ])
    }

    @Test func wallClockAcrossDST() throws {
        // 2026-03-08 02:30 does not exist in New York: it is read as 03:30 EDT (07:30 UTC).
        let spring = try Self.schedule("FREQ=DAILY;COUNT=3", 2026, 3, 7, time: TimeOfDay(hour: 2, minute: 30))
        let s = spring.occurrences(onOrAfter: .first, count: 3)
        #expect(s.map(\.instant.timeIntervalSince1970) == [1_772_868_600, 1_772_955_000, 1_773_037_800])
        #expect(s.allSatisfy { $0.time == (try? TimeOfDay(hour: 2, minute: 30)) })
        // 2026-11-01 01:30 happens twice: the first (EDT, 05:30 UTC).
        let fall = try Self.schedule("FREQ=WEEKLY;COUNT=2", 2026, 10, 25, time: TimeOfDay(hour: 1, minute: 30))
        #expect(
            fall.occurrences(onOrAfter: .first, count: 2).map(\.instant.timeIntervalSince1970) == [
                1_792_906_200, 1_793_511_000,
            ])
    }

    @Test func windowsAndLimits() throws {
        let s = try Self.schedule("FREQ=WEEKLY;BYDAY=TU,TH", 2026, 1, 6)
        #expect(s.occurrences(from: Self.day(2026, 2, 1), through: Self.day(2026, 1, 1)).isEmpty)
        #expect(s.occurrences(from: Self.day(2026, 1, 1), through: .last, limit: 0).isEmpty)
        #expect(s.occurrences(from: Self.day(2026, 1, 1), through: .last, limit: -3).isEmpty)
        #expect(
            s.occurrences(from: Self.day(2026, 2, 1), through: Self.day(2026, 2, 8)).map(\.date) == [
                Self.day(2026, 2, 3), Self.day(2026, 2, 5),
            ])
    }
}

/// The expansion's cached zone offsets give the instants `LocalDate.instant(at:in:)` gives, in zones
/// whose standard offset changed (Moscow 2011 and 2014, Caracas 2007 and 2016, Pyongyang 2015 and 2018,
/// Samoa skipping 2011-12-30, Volgograd 2018 and 2020) as well as ordinary DST zones.
@Suite struct OffsetCacheTests {
    @Test(arguments: [
        "Europe/Moscow", "America/Caracas", "Asia/Pyongyang", "Pacific/Apia", "Europe/Volgograd", "America/New_York",
        "Australia/Lord_Howe", "Europe/Dublin", "UTC",
    ])
    func agreesWithTheDirectComputation(_ zoneName: String) throws {
        let zone = TimeZone(identifier: zoneName)!
        for (rule, hour) in [
            ("FREQ=DAILY", 2), ("FREQ=DAILY", 23), ("FREQ=WEEKLY", 0), ("FREQ=MONTHLY", 1), ("FREQ=YEARLY", 3),
        ] {
            for minute in [0, 30] {
                let time = try TimeOfDay(hour: hour, minute: minute)
                let s = try RecurrenceSchedule(
                    rule: RecurrenceRule(parsing: rule), start: LocalDate(year: 2000, month: 1, day: 1), time: time,
                    timeZone: zone)
                for o in s.occurrences(from: .first, through: try LocalDate(year: 2030, month: 12, day: 31)) {
                    #expect(o.instant == o.date.instant(at: time, in: zone), "\(zoneName) \(rule) \(o.date) \(time)")
                }
            }
        }
    }
}
