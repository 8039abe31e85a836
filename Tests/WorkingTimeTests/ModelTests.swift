import Foundation
import SeededRandom
import Testing

@testable import WorkingTime

/// Value types: parsing, validation, Codable, date arithmetic.
@Suite struct ModelTests {
    @Test func timeOfDayParsingAndValidation() throws {
        #expect(try TimeOfDay(parsing: "09:30").secondsSinceMidnight == 34_200)
        #expect(try TimeOfDay(parsing: "24:00") == .endOfDay)
        #expect(try TimeOfDay(parsing: "7:05:09").description == "07:05:09")
        for bad in ["24:01", "9", "09:60", "ab:cd", "-1:00", "09:00:00:00", ""] {
            #expect(throws: WorkingTimeError.self, "\(bad)") { try TimeOfDay(parsing: bad) }
        }
        #expect(throws: WorkingTimeError.invalidTimeOfDay(seconds: 86_401)) {
            try TimeOfDay(secondsSinceMidnight: 86_401)
        }
    }

    @Test func intervals() throws {
        let night = try LocalInterval(parsing: "22:00-06:00")
        #expect(night.crossesMidnight)
        #expect(night.nominalDuration == .hours(8))
        #expect(try LocalInterval(parsing: "00:00-00:00").nominalDuration == .hours(24))
        #expect(try LocalInterval(parsing: "00:00-24:00") == .fullDay)
        #expect(!LocalInterval.fullDay.crossesMidnight)
        #expect(throws: WorkingTimeError.invalidInterval(start: 86_400, end: 3_600)) {
            try LocalInterval(start: .endOfDay, end: TimeOfDay(hour: 1))
        }
    }

    @Test func localDateMatchesFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone("UTC")
        var rng = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let dayNumber = Int64.random(in: -100_000...200_000, using: &rng)
            let date = LocalDate(dayNumber: dayNumber)
            let c = calendar.dateComponents([.year, .month, .day, .weekday], from: Date(seconds: dayNumber * 86_400))
            #expect((date.year, date.month, date.day) == (c.year!, c.month!, c.day!))
            #expect(date.weekday == NaiveReference.weekday(c.weekday!))
            #expect(date.dayNumber == dayNumber)
        }
        #expect(throws: WorkingTimeError.invalidDate(year: 2027, month: 2, day: 29)) {
            try LocalDate(year: 2027, month: 2, day: 29)
        }
        #expect(try LocalDate(year: 2028, month: 2, day: 29).description == "2028-02-29")
        #expect(day("2027-02-20") < day("2027-03-01"))
    }

    @Test func durations() {
        #expect(WorkingDuration.days(1) == .hours(24))
        #expect(WorkingDuration.hm(8, 5).description == "8:05:00")
        #expect(WorkingDuration.seconds(-61).description == "-0:01:01")
        #expect(WorkingDuration.hours(1) + .minutes(30) - .seconds(1) == .seconds(5_399))
    }

    @Test func calendarCodableRoundTrip() throws {
        let cal = try BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin",
            schedule: WeeklySchedule([.monday: ivs("09:00-13:00 14:00-18:00"), .friday: ivs("22:00-06:00")]),
            exceptions: [
                .holiday(day("2026-12-25"), note: "Christmas"),
                CalendarException(date: day("2026-12-24"), kind: .shortened(ivs("09:00-12:00"))),
                CalendarException(date: day("2026-12-26"), kind: .extraWorkingDay(nil)),
            ])
        let data = try JSONEncoder().encode(cal)
        let decoded = try JSONDecoder().decode(BusinessCalendar.self, from: data)
        #expect(decoded == cal)
        #expect(decoded.hashValue == cal.hashValue)
        #expect(decoded.exceptions.map(\.date) == [day("2026-12-24"), day("2026-12-25"), day("2026-12-26")])
        // Monday 8 h, Thursday 24th shortened to 3 h, Friday 25th off (no night shift), Saturday
        // 26th works the standard (Monday) intervals: the 12th hour ends there at 10:00.
        #expect(
            try decoded.deadline(from: at("2026-12-21T09:00:00+01:00"), adding: .hours(12))
                == at("2026-12-26T10:00:00+01:00"))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"monday\""))
        #expect(text.contains("Europe\\/Berlin") || text.contains("Europe/Berlin"))
        let bad = #"{"timeZone":"Mars/Olympus","schedule":{}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BusinessCalendar.self, from: Data(bad.utf8)) }
        #expect(throws: WorkingTimeError.unknownTimeZone("Mars/Olympus")) {
            try BusinessCalendar(timeZoneIdentifier: "Mars/Olympus", schedule: .empty)
        }
    }

    @Test func overlappingScheduleIntervalsAreUnited() throws {
        let cal = try BusinessCalendar(
            timeZoneIdentifier: "UTC", schedule: WeeklySchedule([.monday: ivs("09:00-12:00 11:00-14:00 13:00-13:30")]))
        #expect(try cal.workingTime(from: at("2026-11-30T00:00:00Z"), to: at("2026-12-01T00:00:00Z")) == .hours(5))
    }
}
