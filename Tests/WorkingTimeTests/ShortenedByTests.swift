import Foundation
import Testing

@testable import WorkingTime

/// The `-HH:MM` cut: the usual day made shorter at its end.
@Suite struct ShortenedByTests {
    @Test func csvAndJSONRoundTrip() throws {
        let text = """
            2026-11-03,shortened,-01:00,Pre-holiday day
            2027-02-20,shortened,-00:30:15
            """
        let list = try ExceptionFile.parseCSV(text)
        #expect(list[0].kind == .shortenedBy(.hours(1)))
        #expect(list[1].kind == .shortenedBy(.seconds(1_815)))
        #expect(try ExceptionFile.parseCSV(ExceptionFile.formatCSV(list)) == list)
        let data = try JSONEncoder().encode(list)
        #expect(String(decoding: data, as: UTF8.self).contains(#""shortenedBy":"01:00""#))
        #expect(try ExceptionFile.parseJSON(data) == list)
    }

    @Test(arguments: ["2026-11-03,holiday,-01:00", "2026-11-03,working,-01:00", "2026-11-03,shortened,-25:00",
                      "2026-11-03,shortened,-1h", "2026-11-03,shortened,- 01:00 09:00-10:00"])
    func rejectsBadCuts(line: String) {
        #expect(throws: WorkingTimeError.self) { try ExceptionFile.parseCSV(line) }
    }

    @Test func cutsFromTheEndOfTheUsualDay() throws {
        func cut(_ minutes: Int64, _ intervals: String) -> [LocalInterval] {
            LocalInterval.removing(.minutes(minutes), fromEndOf: ivs(intervals))
        }
        #expect(cut(60, "09:00-13:00 14:00-18:00") == ivs("09:00-13:00 14:00-17:00"))
        #expect(cut(300, "09:00-13:00 14:00-18:00") == ivs("09:00-12:00"))
        #expect(cut(240, "09:00-13:00 14:00-18:00") == ivs("09:00-13:00"))
        #expect(cut(480, "09:00-13:00 14:00-18:00") == [])
        #expect(cut(0, "09:00-13:00") == ivs("09:00-13:00"))
        #expect(cut(60, "22:00-06:00") == ivs("22:00-05:00"))
        #expect(cut(420, "22:00-06:00") == ivs("22:00-23:00"))
        #expect(cut(360, "22:00-06:00") == ivs("22:00-24:00"))
        #expect(cut(60, "09:00-17:00 12:00-18:00") == ivs("09:00-17:00 12:00-17:00"))
        #expect(cut(60, "00:00-24:00 20:00-02:00") == ivs("00:00-24:00 20:00-01:00"))
    }

    @Test func aWorkingSaturdayUsesTheStandardDayAndCalendarsRejectBadCuts() throws {
        let saturday = CalendarException(date: day("2027-02-20"), kind: .shortenedBy(.hours(1)))
        let calendar = office("Europe/Moscow", [saturday])
        #expect(try calendar.workingTime(from: at("2027-02-20T00:00:00+03:00"), to: at("2027-02-21T00:00:00+03:00")) == .hours(7))
        #expect(throws: WorkingTimeError.negativeDuration(.seconds(-1))) {
            try BusinessCalendar(timeZone: zone("UTC"), schedule: officeWeek,
                                 exceptions: [CalendarException(date: day("2027-02-20"), kind: .shortenedBy(.seconds(-1)))])
        }
        #expect(throws: WorkingTimeError.invalidTimeOfDay(seconds: 86_401)) {
            try BusinessCalendar(timeZone: zone("UTC"), schedule: officeWeek,
                                 exceptions: [CalendarException(date: day("2027-02-20"), kind: .shortenedBy(.seconds(86_401)))])
        }
    }

    @Test func rezoningKeepsScheduleAndExceptions() throws {
        let moscow = try BusinessCalendar.russianFiveDay()
        let yekaterinburg = moscow.inTimeZone(zone("Asia/Yekaterinburg"))
        #expect(yekaterinburg.schedule == moscow.schedule && yekaterinburg.exceptions == moscow.exceptions)
        #expect(yekaterinburg.isWorking(at: at("2026-11-03T16:30:00+05:00")))
        #expect(!yekaterinburg.isWorking(at: at("2026-11-03T17:00:00+05:00")))
        #expect(!yekaterinburg.isWorking(at: at("2026-11-04T10:00:00+05:00")))
    }
}
