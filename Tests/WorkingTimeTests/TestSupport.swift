import Foundation
import SeededRandom

@testable import WorkingTime

/// Parses an ISO 8601 instant with an explicit offset, e.g. `2026-03-29T03:00:00+02:00`.
func at(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else { fatalError("bad test instant \(text)") }
    return date
}

/// Shorthand for a parsed interval list, e.g. `ivs("09:00-13:00 14:00-18:00")`.
func ivs(_ text: String) -> [LocalInterval] {
    text.split(separator: " ").map { try! LocalInterval(parsing: String($0)) }
}

/// Shorthand for a date.
func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

func zone(_ identifier: String) -> TimeZone { TimeZone(identifier: identifier)! }

/// Monday-Friday 09:00-13:00 and 14:00-18:00.
let officeWeek = WeeklySchedule(weekdays: Weekday.workweek, intervals: ivs("09:00-13:00 14:00-18:00"))

func office(_ zoneID: String = "Europe/Berlin", _ exceptions: [CalendarException] = []) -> BusinessCalendar {
    try! BusinessCalendar(timeZone: zone(zoneID), schedule: officeWeek, exceptions: exceptions)
}

extension WorkingDuration {
    static func hm(_ h: Int64, _ m: Int64 = 0) -> WorkingDuration { .seconds(h * 3_600 + m * 60) }
}

/// The URL of a file in the test bundle's Fixtures folder.
func fixtureURL(_ name: String) -> URL {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
        fatalError("missing fixture \(name)")
    }
    return url
}
