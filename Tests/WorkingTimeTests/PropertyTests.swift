import Foundation
import SeededRandom
import Testing

@testable import WorkingTime

/// Algebraic properties over seeded random calendars, instants, long durations and pauses.
@Suite struct PropertyTests {
    struct Case {
        let calendar: BusinessCalendar
        let start: Date
        let pauses: PauseSet
    }

    static func randomCase(_ rng: inout SplitMix64) -> Case {
        let zoneID = RandomCalendars.zones.randomElement(using: &rng)!
        let t = RandomCalendars.instant(&rng, years: 1950...2300)
        let firstDay = floorDiv(t, 86_400)
        // Exceptions scattered over the next two years.
        let calendar = RandomCalendars.calendar(&rng, zoneID: zoneID, days: firstDay...(firstDay + 20))
        let extra = (0..<30).map { _ in firstDay + Int64.random(in: 21...730, using: &rng) }
        let more = Set(extra).map {
            CalendarException(
                date: LocalDate(dayNumber: $0), kind: Bool.random(using: &rng) ? .holiday : .extraWorkingDay(nil))
        }
        let pauses = PauseSet(
            (0..<Int.random(in: 0...5, using: &rng)).map { _ in
                let s = t + Int64.random(in: -86_400...(90 * 86_400), using: &rng)
                return DateInterval(
                    start: Date(seconds: s), duration: Double(Int.random(in: 1...(5 * 86_400), using: &rng)))
            })
        return Case(calendar: try! calendar.adding(more), start: Date(seconds: t), pauses: pauses)
    }

    static func duration(_ rng: inout SplitMix64) -> WorkingDuration {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: .seconds(Int64.random(in: 0...3_600, using: &rng))
        case 1: .seconds(Int64.random(in: 0...(8 * 3_600), using: &rng))
        default: .seconds(Int64.random(in: 0...(40 * 86_400), using: &rng))
        }
    }

    @Test(arguments: 0..<4)
    func roundTripMinimalityAndAdditivity(seed: Int) throws {
        var rng = SplitMix64(seed: 0xA11CE &+ UInt64(seed))
        for _ in 0..<150 {
            let c = Self.randomCase(&rng)
            for pauses in [PauseSet.empty, c.pauses] {
                let a = Self.duration(&rng)
                let b = Self.duration(&rng)
                let da = try c.calendar.deadline(from: c.start, adding: a, excluding: pauses)
                // Round trip: exactly `a` of working time lies between start and the deadline.
                #expect(try c.calendar.workingTime(from: c.start, to: da, excluding: pauses) == a)
                // Minimality: the last second before the deadline is working (a > 0).
                if a > .zero {
                    #expect(c.calendar.isWorking(at: da - 1, excluding: pauses))
                    #expect(try c.calendar.workingTime(from: c.start, to: da - 1, excluding: pauses) == a - .seconds(1))
                }
                // Additivity.
                let dab = try c.calendar.deadline(from: c.start, adding: a + b, excluding: pauses)
                #expect(try c.calendar.deadline(from: da, adding: b, excluding: pauses) == dab)
                // Monotonicity in the start.
                let later = c.start + Double(Int.random(in: 0...(3 * 86_400), using: &rng))
                #expect(try c.calendar.deadline(from: later, adding: a, excluding: pauses) >= da)
                // Working time is additive over a split point.
                let mid = c.start + Double(Int.random(in: 0...(60 * 86_400), using: &rng))
                let whole = try c.calendar.workingTime(from: c.start, to: dab, excluding: pauses)
                let left = try c.calendar.workingTime(from: c.start, to: mid, excluding: pauses)
                let right = try c.calendar.workingTime(from: mid, to: dab, excluding: pauses)
                #expect(mid <= dab ? left + right == whole : left - right == whole)
            }
        }
    }

    @Test func monotonicInDuration() throws {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let c = Self.randomCase(&rng)
            let a = Self.duration(&rng)
            let b = Self.duration(&rng)
            let (small, large) = a <= b ? (a, b) : (b, a)
            #expect(
                try c.calendar.deadline(from: c.start, adding: small, excluding: c.pauses)
                    <= c.calendar.deadline(from: c.start, adding: large, excluding: c.pauses))
        }
    }
}
