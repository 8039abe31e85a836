import Foundation
import Testing
import WorkingTime

/// The CSV/JSON exception format and the shipped Russian production calendar.
@Suite struct ExceptionFileTests {
    @Test func parsesTheDocumentedExample() throws {
        let text = """
            # comments and blank lines are ignored

            date,kind,intervals,note
            2027-01-01,holiday,,New Year Holidays
            2027-02-20,working,,Transferred working day
            2027-03-05,shortened,09:00-13:00 14:00-17:00,Pre-holiday day, with a comma
            2027-12-31 , working , 10:00-15:00;16:00-17:30:30
            """
        let list = try ExceptionFile.parseCSV(text)
        #expect(list.count == 4)
        #expect(list[0] == .holiday(day("2027-01-01"), note: "New Year Holidays"))
        #expect(list[1].kind == .extraWorkingDay(nil))
        #expect(list[2].kind == .shortened(ivs("09:00-13:00 14:00-17:00")))
        #expect(list[2].note == "Pre-holiday day, with a comma")
        #expect(list[3].kind == .extraWorkingDay(ivs("10:00-15:00 16:00-17:30:30")))
        #expect(try ExceptionFile.parseCSV(ExceptionFile.formatCSV(list)) == list)
    }

    @Test(arguments: [
        ("2027-01-01,holiday\n2027-02-30,holiday", 2),
        ("date,kind\n2027-01-01,vacation", 2),
        ("2027-01-01,holiday,09:00-10:00", 1),
        ("2027-01-01,shortened,", 1),
        ("# c\n2027-01-01,working,25:00-26:00", 2),
        ("2027-01-01,working,09:00", 1),
        ("2027-01-01", 1),
        ("2027-01-01,holiday\n\n2027-01-01,working", 3),
    ])
    func reportsErrorsWithLineNumbers(text: String, line: Int) {
        do {
            _ = try ExceptionFile.parseCSV(text)
            Issue.record("expected an error for \(text)")
        } catch {
            guard case .malformed(let reported, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(reported == line, "\(error)")
        }
    }

    @Test func jsonRoundTrip() throws {
        let list = [
            CalendarException.holiday(day("2027-01-01"), note: "New Year"),
            CalendarException(date: day("2027-02-20"), kind: .extraWorkingDay(nil)),
            CalendarException(date: day("2027-03-05"), kind: .shortened(ivs("09:00-16:00"))),
        ]
        let data = try JSONEncoder().encode(list)
        #expect(try ExceptionFile.parseJSON(data) == list)
        let json = #"[{"date":"2027-05-03","kind":"working","intervals":["22:00-06:00"]}]"#
        #expect(try ExceptionFile.parseJSON(Data(json.utf8)) == [CalendarException(date: day("2027-05-03"), kind: .extraWorkingDay(ivs("22:00-06:00")))])
        #expect(throws: WorkingTimeError.self) { try ExceptionFile.parseJSON(Data(#"[{"date":"2027-05-03","kind":"nap"}]"#.utf8)) }
    }

    static func russia() throws -> BusinessCalendar {
        let list = try ExceptionFile.parseCSV(contentsOf: fixtureURL("russia-2025-2027.csv"))
        return try BusinessCalendar(timeZoneIdentifier: "Europe/Moscow", schedule: officeWeek, exceptions: list)
    }

    @Test func russianProductionCalendarKnownDates() throws {
        let ru = try Self.russia()
        // Transferred working Saturdays.
        #expect(day("2027-02-20").weekday == .saturday)
        #expect(ru.isWorking(at: at("2027-02-20T10:00:00+03:00")))
        #expect(ru.isWorking(at: at("2025-11-01T10:00:00+03:00")))
        #expect(!ru.isWorking(at: at("2027-02-27T10:00:00+03:00")))  // an ordinary Saturday
        // Holidays and the days off they were moved to.
        #expect(!ru.isWorking(at: at("2027-02-22T10:00:00+03:00")))
        #expect(!ru.isWorking(at: at("2027-02-23T10:00:00+03:00")))
        #expect(!ru.isWorking(at: at("2026-01-09T10:00:00+03:00")))
        #expect(!ru.isWorking(at: at("2025-05-02T10:00:00+03:00")))
        #expect(!ru.isWorking(at: at("2025-12-31T10:00:00+03:00")))
        #expect(ru.isWorking(at: at("2026-01-12T10:00:00+03:00")))
        // After New Year 2027: the first working day is Monday 2027-01-11.
        #expect(try ru.nextWorkingInstant(atOrAfter: at("2026-12-31T00:00:00+03:00")) == at("2027-01-11T09:00:00+03:00"))
    }

    @Test func russianProductionCalendarYearTotals() throws {
        // 247 working days in each of 2025, 2026 and 2027 (5-day week), 8 h each here because
        // shortened pre-holiday days are not in the file.
        let ru = try Self.russia()
        for year in 2025...2027 {
            let total = try ru.workingTime(from: at("\(year)-01-01T00:00:00+03:00"), to: at("\(year + 1)-01-01T00:00:00+03:00"))
            #expect(total == .hours(247 * 8), "\(year)")
        }
    }
}
