import Foundation
import SeededRandom

@testable import WorkingTime

/// Seeded random calendars for property tests.
enum RandomCalendars {
    static let zones = [
        "UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
        "Europe/Moscow", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Chatham",
    ]

    /// A random interval at whole minutes: short, long, crossing midnight or a full day.
    static func interval(_ rng: inout SplitMix64) -> LocalInterval {
        let start = Int.random(in: 0..<1_440, using: &rng)
        let length: Int
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: length = 1_440
        case 1...3: length = Int.random(in: 1...60, using: &rng)
        default: length = Int.random(in: 30...720, using: &rng)
        }
        var end = (start + length) % 1_440
        if end == 0, Bool.random(using: &rng) { end = 1_440 }
        return try! LocalInterval(
            start: TimeOfDay(secondsSinceMidnight: start * 60), end: TimeOfDay(secondsSinceMidnight: end * 60))
    }

    static func intervals(_ rng: inout SplitMix64, max: Int = 3) -> [LocalInterval] {
        (0..<Int.random(in: 1...max, using: &rng)).map { _ in interval(&rng) }
    }

    /// A random weekly schedule; at least one weekday works.
    static func schedule(_ rng: inout SplitMix64) -> WeeklySchedule {
        var map: [Weekday: [LocalInterval]] = [:]
        for day in Weekday.allCases where Int.random(in: 0..<4, using: &rng) > 0 {
            map[day] = intervals(&rng)
        }
        if map.isEmpty { map[.wednesday] = intervals(&rng) }
        return WeeklySchedule(map)
    }

    /// Random exceptions on about a third of the given day numbers.
    static func exceptions(days: ClosedRange<Int64>, _ rng: inout SplitMix64) -> [CalendarException] {
        days.compactMap { d -> CalendarException? in
            guard Int.random(in: 0..<3, using: &rng) == 0 else { return nil }
            let kind: CalendarException.Kind
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: kind = .holiday
            case 1: kind = .shortened(intervals(&rng, max: 2))
            case 2: kind = .extraWorkingDay(nil)
            case 3: kind = .shortenedBy(.minutes(Int64.random(in: 0...1_440, using: &rng)))
            default: kind = .extraWorkingDay(intervals(&rng, max: 2))
            }
            return CalendarException(date: LocalDate(dayNumber: d), kind: kind)
        }
    }

    /// A random calendar whose exceptions fall on `days`.
    static func calendar(_ rng: inout SplitMix64, zoneID: String, days: ClosedRange<Int64>) -> BusinessCalendar {
        try! BusinessCalendar(
            timeZone: zone(zoneID), schedule: schedule(&rng), exceptions: exceptions(days: days, &rng))
    }

    /// A random UTC instant (whole seconds) in `years`.
    static func instant(_ rng: inout SplitMix64, years: ClosedRange<Int> = 1995...2035) -> Int64 {
        let y = Int.random(in: years, using: &rng)
        let start = (try! LocalDate(year: y, month: 1, day: 1)).dayNumber * 86_400
        return start + Int64.random(in: 0..<(365 * 86_400), using: &rng)
    }
}

extension Date {
    init(seconds: Int64) { self.init(timeIntervalSince1970: Double(seconds)) }
    var seconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
}
