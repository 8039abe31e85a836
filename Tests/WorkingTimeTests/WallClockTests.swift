import Foundation
import SeededRandom
import Testing

@testable import WorkingTime

/// Dates ↔ instants on a zone's wall clock, and working time by local date.
@Suite struct WallClockTests {
    static let zones = [
        "Europe/Moscow", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC",
    ]

    @Test func dayArithmeticMatchesTheDayNumber() throws {
        var rng = SplitMix64(seed: 71)
        for _ in 0..<2_000 {
            let date = LocalDate(dayNumber: Int64.random(in: -680_000...2_890_000, using: &rng))
            let days = Int.random(in: -30_000...30_000, using: &rng)
            let moved = try date.adding(days: days)
            #expect(date.days(to: moved) == days)
            #expect(moved.dayNumber == date.dayNumber + Int64(days))
        }
        #expect(throws: WorkingTimeError.self) { try LocalDate.last.adding(days: 1) }
        #expect(throws: WorkingTimeError.self) { try LocalDate.first.adding(days: -1) }
        #expect(throws: WorkingTimeError.self) { try LocalDate.first.adding(days: Int.max) }
        #expect(LocalDate.first.description == "0001-01-01" && LocalDate.last.description == "9999-12-31")
    }

    /// Every wall time maps to an instant that Foundation's calendar shows as that wall time, except
    /// in a gap, where it is moved later by the gap; the first of two repeated times is chosen.
    @Test func wallTimesAgreeWithFoundation() throws {
        var rng = SplitMix64(seed: 72)
        for _ in 0..<3_000 {
            let zone = TimeZone(identifier: Self.zones.randomElement(using: &rng)!)!
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let date = LocalDate(dayNumber: Int64.random(in: -20_000...40_000, using: &rng))
            let time = try TimeOfDay(secondsSinceMidnight: Int.random(in: 0..<86_400, using: &rng) / 900 * 900)
            let instant = date.instant(at: time, in: zone)
            let shown = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
            let shownSeconds = shown.hour! * 3_600 + shown.minute! * 60 + shown.second!
            if shown.year == date.year, shown.month == date.month, shown.day == date.day,
                shownSeconds == time.secondsSinceMidnight
            {
                // Not in a gap: it is the first instant showing this wall time (zone shifts are 30 or 60 min).
                for shift in [1_800.0, 3_600.0] {
                    let earlier = calendar.dateComponents(
                        [.year, .month, .day, .hour, .minute, .second], from: instant.addingTimeInterval(-shift))
                    #expect(earlier != shown, "\(date) \(time) in \(zone.identifier): an earlier instant shows it too")
                }
            } else {
                // In a gap: the clock jumped past this time within the hours around it.
                let before = zone.secondsFromGMT(for: instant.addingTimeInterval(-86_400))
                let after = zone.secondsFromGMT(for: instant)
                #expect(after > before, "\(date) \(time) in \(zone.identifier) shows \(shown)")
                #expect(try LocalDate(instant, in: zone) >= date)
            }
        }
    }

    @Test func springForwardAndFallBack() throws {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let gapDay = try LocalDate(parsing: "2026-03-29")
        let repeatDay = try LocalDate(parsing: "2026-10-25")
        // 02:30 does not exist on 29 March: read with the winter offset, it is 03:30 summer time.
        #expect(
            gapDay.instant(at: try TimeOfDay(parsing: "02:30"), in: berlin)
                == Date(timeIntervalSince1970: 1_774_747_800))
        // 02:30 happens twice on 25 October: the first one (summer time, 00:30 UTC).
        #expect(
            repeatDay.instant(at: try TimeOfDay(parsing: "02:30"), in: berlin)
                == Date(timeIntervalSince1970: 1_792_888_200))
        #expect(try LocalDate(Date(timeIntervalSince1970: 1_792_888_200), in: berlin) == repeatDay)
    }

    @Test func workingIntervalsByDateAddUpToWorkingTime() throws {
        var rng = SplitMix64(seed: 73)
        for _ in 0..<300 {
            let zoneID = RandomCalendars.zones.randomElement(using: &rng)!
            let first = Int64.random(in: 0...20_000, using: &rng)
            let calendar = RandomCalendars.calendar(&rng, zoneID: zoneID, days: first...(first + 20))
            let date = LocalDate(dayNumber: first + Int64.random(in: 0...25, using: &rng))
            let intervals = try calendar.workingIntervals(on: date)
            let start = date.instant(at: .midnight, in: calendar.timeZone)
            let end = date.instant(at: .endOfDay, in: calendar.timeZone)
            let total = try calendar.workingTime(from: start, to: end).seconds
            #expect(intervals.reduce(0) { $0 + Int64($1.duration) } == total)
            #expect(try calendar.workingSeconds(on: date) == total)
            #expect(try calendar.isWorkingDay(date) == (total > 0))
            for (a, b) in zip(intervals, intervals.dropFirst()) { #expect(a.end < b.start) }
            for interval in intervals {
                #expect(interval.start >= start && interval.end <= end)
                #expect(calendar.isWorking(at: interval.start))
                #expect(!calendar.isWorking(at: interval.end) || interval.end == end)
            }
        }
    }
}
