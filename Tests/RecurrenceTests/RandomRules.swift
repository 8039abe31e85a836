import Foundation
import SeededRandom
import WorkingTime

@testable import Recurrence

/// Seeded random rules and schedules of the subset for the property tests.
enum RandomRules {
    static let zones = [
        "America/New_York", "Europe/Berlin", "Australia/Sydney", "UTC", "Asia/Kolkata", "Pacific/Auckland",
    ].map { TimeZone(identifier: $0)! }

    static func pick<T>(_ values: [T], _ rng: inout SplitMix64) -> T {
        values[Int.random(in: 0..<values.count, using: &rng)]
    }

    static func chance(_ p: Double, _ rng: inout SplitMix64) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    static func date(_ years: ClosedRange<Int>, _ rng: inout SplitMix64) -> LocalDate {
        let first = try! LocalDate(year: years.lowerBound, month: 1, day: 1)
        let days = first.days(to: try! LocalDate(year: years.upperBound, month: 12, day: 31))
        return try! first.adding(days: Int.random(in: 0...days, using: &rng))
    }

    /// A valid rule; sometimes with an end, BYSETPOS, WKST.
    static func rule(_ rng: inout SplitMix64, start: LocalDate) -> RecurrenceRule {
        while true {
            let frequency = pick(RecurrenceRule.Frequency.allCases, &rng)
            let interval = pick([1, 1, 1, 2, 3, 5, 12, 53], &rng)
            var byMonth: [Int] = []
            var byMonthDay: [Int] = []
            var byDay: [RecurrenceRule.WeekdayNumber] = []
            var bySetPosition: [Int] = []
            if chance(0.3, &rng) {
                byMonth = (0..<Int.random(in: 1...4, using: &rng)).map { _ in Int.random(in: 1...12, using: &rng) }
            }
            if frequency != .weekly, chance(0.35, &rng) {
                byMonthDay = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                    let d = Int.random(in: 1...31, using: &rng)
                    return chance(0.3, &rng) ? -d : d
                }
            }
            if chance(0.55, &rng) {
                let ordinals = frequency == .monthly || frequency == .yearly
                let limit = frequency == .yearly && byMonth.isEmpty ? 53 : 5
                byDay = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                    let weekday = pick(Weekday.allCases, &rng)
                    guard ordinals, chance(0.5, &rng) else { return .init(weekday) }
                    let n = Int.random(in: 1...limit, using: &rng)
                    return .init(weekday, ordinal: chance(0.4, &rng) ? -n : n)
                }
            }
            if !(byMonth.isEmpty && byMonthDay.isEmpty && byDay.isEmpty), chance(0.25, &rng) {
                bySetPosition = (0..<Int.random(in: 1...2, using: &rng)).map { _ in pick([1, 2, 3, -1, -2, 7], &rng) }
            }
            var end = RecurrenceRule.End.never
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<4: end = .count(Int.random(in: 1...60, using: &rng))
            case 4..<6: end = .untilDate(try! start.adding(days: Int.random(in: -10...3_000, using: &rng)))
            case 6..<7:
                let seconds = Int(start.instant(at: .midnight, in: TimeZone(identifier: "UTC")!).timeIntervalSince1970)
                end = .untilInstant(
                    Date(timeIntervalSince1970: Double(seconds + Int.random(in: -86_400...200_000_000, using: &rng))))
            default: break
            }
            if let rule = try? RecurrenceRule(
                frequency: frequency, interval: interval, byDay: byDay, byMonthDay: byMonthDay, byMonth: byMonth,
                bySetPosition: bySetPosition, end: end, weekStart: pick(Weekday.allCases, &rng))
            {
                return rule
            }
        }
    }

    /// A schedule with a random start, zone, time (often 02:30 or 01:30, inside DST changes) and EXDATEs.
    static func schedule(_ rng: inout SplitMix64) -> RecurrenceSchedule {
        let start = date(1990...2040, &rng)
        let rule = rule(&rng, start: start)
        let time = pick(
            [
                try! TimeOfDay(hour: 2, minute: 30), try! TimeOfDay(hour: 1, minute: 30), try! TimeOfDay(hour: 9),
                try! TimeOfDay(secondsSinceMidnight: Int.random(in: 0..<86_400, using: &rng)),
            ], &rng)
        let exceptions = Set(
            (0..<Int.random(in: 0...4, using: &rng)).map { _ in
                try! start.adding(days: Int.random(in: 0...400, using: &rng))
            })
        return try! RecurrenceSchedule(
            rule: rule, start: start, time: time, timeZone: pick(zones, &rng), exceptionDates: exceptions)
    }
}
