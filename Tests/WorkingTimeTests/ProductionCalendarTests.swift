import Foundation
import Testing

@testable import WorkingTime

/// The shipped Russian production calendars 2024–2027 and their loader.
@Suite struct ProductionCalendarTests {
    static let moscow = try! BusinessCalendar.russianFiveDay()

    /// Non-working holidays of Labour Code art. 112 (fixed dates).
    static func isPublicHoliday(_ date: LocalDate) -> Bool {
        (date.month == 1 && date.day <= 8) || [(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)]
            .contains { $0 == (date.month, date.day) }
    }

    /// Working time on a local date in the Moscow calendar (Moscow has no DST since 2014).
    static func workingTime(on date: LocalDate) throws -> WorkingDuration {
        let midnight = Date(timeIntervalSince1970: Double(date.dayNumber * 86_400 - 3 * 3_600))
        return try moscow.workingTime(from: midnight, to: midnight.addingTimeInterval(86_400))
    }

    static func dates(of year: Int) -> [LocalDate] {
        let first = try! LocalDate(year: year, month: 1, day: 1).dayNumber
        let last = try! LocalDate(year: year, month: 12, day: 31).dayNumber
        return (first...last).map(LocalDate.init(dayNumber:))
    }

    @Test func loadsEveryShippedYearWithoutDuplicates() throws {
        let all = try ProductionCalendar.russia()
        #expect(Set(all.map(\.date)).count == all.count)
        #expect(Set(all.map(\.date.year)) == Set(2024...2027))
        #expect(try ProductionCalendar.russia(years: 2026...2026).allSatisfy { $0.date.year == 2026 })
        #expect(Self.moscow.timeZone.identifier == "Europe/Moscow")
        #expect(Self.moscow.exceptions.count == all.count)
    }

    @Test(arguments: [2023, 2028])
    func yearsNotShippedAreTypedErrors(year: Int) {
        #expect(throws: ProductionCalendarError.yearNotAvailable(country: "ru", year: year)) {
            try ProductionCalendar.russia(years: min(year, 2024)...max(year, 2024))
        }
    }

    @Test func knownDates() throws {
        // Transferred working Saturdays: a full day, or one hour shorter before a holiday.
        #expect(day("2024-12-28").weekday == .saturday)
        #expect(try Self.workingTime(on: day("2024-12-28")) == .hours(8))
        #expect(try Self.workingTime(on: day("2024-04-27")) == .hours(8))
        #expect(try Self.workingTime(on: day("2024-11-02")) == .hours(7))
        #expect(try Self.workingTime(on: day("2025-11-01")) == .hours(7))
        #expect(try Self.workingTime(on: day("2027-02-20")) == .hours(7))
        #expect(try Self.workingTime(on: day("2027-02-27")) == .zero)  // an ordinary Saturday
        // New Year holidays and the days off moved next to them.
        for year in 2024...2027 {
            for dayOfMonth in 1...8 {
                #expect(try Self.workingTime(on: LocalDate(year: year, month: 1, day: dayOfMonth)) == .zero)
            }
        }
        for off in ["2024-12-30", "2024-12-31", "2025-12-31", "2026-01-09", "2026-12-31", "2027-02-22", "2027-11-05"] {
            #expect(try Self.workingTime(on: day(off)) == .zero, "\(off)")
        }
        // 30 December 2025 precedes a moved day off, not a holiday: a full day (not shortened).
        #expect(try Self.workingTime(on: day("2025-12-30")) == .hours(8))
        // The first working instants after the New Year holidays.
        #expect(try Self.moscow.nextWorkingInstant(atOrAfter: at("2025-12-30T18:00:00+03:00")) == at("2026-01-12T09:00:00+03:00"))
        #expect(try Self.moscow.nextWorkingInstant(atOrAfter: at("2026-12-30T18:00:00+03:00")) == at("2027-01-11T09:00:00+03:00"))
    }

    @Test func preHolidayDaysEndOneHourEarlier() throws {
        // 3 November 2026, the eve of Unity Day: work ends at 17:00; 4 h from 16:30 runs to the 5th.
        #expect(Self.moscow.isWorking(at: at("2026-11-03T16:59:59+03:00")))
        #expect(!Self.moscow.isWorking(at: at("2026-11-03T17:00:00+03:00")))
        #expect(try Self.moscow.deadline(from: at("2026-11-03T16:30:00+03:00"), adding: .hours(4))
            == at("2026-11-05T12:30:00+03:00"))
        // The cut follows the host's schedule: a 10:00–19:00 day without lunch ends at 18:00.
        let long = WeeklySchedule(weekdays: Weekday.workweek, intervals: ivs("10:00-19:00"))
        let host = try BusinessCalendar(
            timeZoneIdentifier: "Europe/Moscow", schedule: long, exceptions: ProductionCalendar.russia())
        #expect(try host.workingTime(from: at("2026-11-03T00:00:00+03:00"), to: at("2026-11-04T00:00:00+03:00")) == .hours(8))
        #expect(!host.isWorking(at: at("2026-11-03T18:00:00+03:00")))
    }

    /// Official norms for the five-day 40-hour week (Ministry of Labour): working days and hours.
    @Test(arguments: [(2024, 248, 1_979), (2025, 247, 1_972), (2026, 247, 1_972), (2027, 247, 1_972)])
    func yearNorms(year: Int, days: Int, hours: Int64) throws {
        var workingDays = 0
        var total = WorkingDuration.zero
        for date in Self.dates(of: year) {
            let time = try Self.workingTime(on: date)
            if time > .zero { workingDays += 1 }
            total = total + time
        }
        #expect(workingDays == days)
        #expect(total == .hours(hours))
    }

    /// Art. 95: every working day right before a non-working holiday is shortened, and every
    /// shortened day is one, except a working Saturday that took over such a day's work.
    @Test(arguments: 2024...2027)
    func shortenedDaysFollowTheRule(year: Int) throws {
        let byDate = Dictionary(uniqueKeysWithValues: try ProductionCalendar.russia().map { ($0.date, $0.kind) })
        var saturdays: [LocalDate] = []
        for date in Self.dates(of: year) {
            let shortened = byDate[date] == .shortenedBy(.hours(1))
            let next = LocalDate(dayNumber: date.dayNumber + 1)
            let working = try Self.workingTime(on: date) > .zero
            if working, Self.isPublicHoliday(next) { #expect(shortened, "\(date) precedes a holiday") }
            guard shortened, !Self.isPublicHoliday(next) else { continue }
            #expect(date.weekday == .saturday, "\(date) is shortened but precedes no holiday")
            // Followed, after days off only, by a holiday within three days.
            let following = (1...3).map { LocalDate(dayNumber: date.dayNumber + $0) }
            let firstHoliday = try #require(following.firstIndex(where: Self.isPublicHoliday), "\(date)")
            for offDay in following[..<firstHoliday] { #expect(try Self.workingTime(on: offDay) == .zero) }
            saturdays.append(date)
        }
        let expected = ["2024-11-02", "2025-11-01", "2027-02-20"].map(day).filter { $0.year == year }
        #expect(saturdays == expected)
    }

    /// The shipped holidays and working days agree with the 2025–2027 fixture taken from PyPI holidays.
    @Test func agreesWithTheHolidaysFixture() throws {
        let shipped = Dictionary(uniqueKeysWithValues: try ProductionCalendar.russia().map { ($0.date, $0.kind) })
        let fixture = try ExceptionFile.parseCSV(contentsOf: fixtureURL("russia-2025-2027.csv"))
        for exception in fixture {
            switch exception.kind {
            case .holiday: #expect(shipped[exception.date] == .holiday, "\(exception.date)")
            default: #expect(try Self.workingTime(on: exception.date) > .zero, "\(exception.date)")
            }
        }
        let fixtureHolidays = Set(fixture.filter { $0.kind == .holiday }.map(\.date))
        let shippedHolidays = Set(shipped.filter { $0.value == .holiday && $0.key.year >= 2025 }.map(\.key))
        #expect(fixtureHolidays == shippedHolidays)
    }

    @Test func loadsAHostsOwnCountry() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "2026-10-03,holiday,,German Unity Day\n".write(
            to: directory.appendingPathComponent("de-2026.csv"), atomically: true, encoding: .utf8)
        try "2027-10-03,holiday\n2027-10-04,vacation\n".write(
            to: directory.appendingPathComponent("de-2027.csv"), atomically: true, encoding: .utf8)
        #expect(try ProductionCalendar.exceptions(country: "de", years: 2026...2026, in: directory)
            == [.holiday(day("2026-10-03"), note: "German Unity Day")])
        #expect(throws: ProductionCalendarError.self) {
            try ProductionCalendar.exceptions(country: "de", years: 2026...2027, in: directory)
        }
        #expect(throws: ProductionCalendarError.yearNotAvailable(country: "de", year: 2025)) {
            try ProductionCalendar.exceptions(country: "de", years: 2025...2026, in: directory)
        }
    }
}
