import Foundation
import SeededRandom
import Testing

@testable import WorkingTime

/// Random calendars, zones, spans around DST changes and pauses, checked second by second
/// against `NaiveReference`.
@Suite struct NaiveAgreementTests {
    static let spanSeconds = 3 * 86_400

    @Test(arguments: 0..<8)
    func agreesWithNaiveReference(seed: Int) throws {
        var rng = SplitMix64(seed: 0xC0FFEE &+ UInt64(seed) &* 7_919)
        for _ in 0..<20 { try checkOneCase(&rng) }
    }

    func checkOneCase(_ rng: inout SplitMix64) throws {
        let zoneID = RandomCalendars.zones.randomElement(using: &rng)!
        let tz = zone(zoneID)
        var center = RandomCalendars.instant(&rng)
        if Int.random(in: 0..<10, using: &rng) < 7,
            let transition = tz.nextDaylightSavingTimeTransition(after: Date(seconds: center)),
            transition.seconds < center + 400 * 86_400
        {
            center = transition.seconds
        }
        let spanStart = (center - Int64.random(in: 0..<(2 * 86_400), using: &rng)) / 60 * 60
        let firstDay = floorDiv(spanStart, 86_400) - 2
        let calendar = RandomCalendars.calendar(&rng, zoneID: zoneID, days: firstDay...(firstDay + 6))
        let spanEnd = spanStart + Int64(Self.spanSeconds)
        let pauses: [DateInterval] = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
            let s = Int64.random(in: spanStart..<spanEnd, using: &rng)
            let e = min(spanEnd, s + Int64.random(in: 1...(12 * 3_600), using: &rng))
            return DateInterval(start: Date(seconds: s), end: Date(seconds: e))
        }
        let pauseSet = PauseSet(pauses.shuffled(using: &rng))
        let naive = NaiveReference(definition: calendar, start: spanStart, seconds: Self.spanSeconds, pauses: pauses)
        let context =
            "zone \(zoneID) span \(Date(seconds: spanStart)) calendar \(calendar.schedule) \(calendar.exceptions) pauses \(pauses)"

        for _ in 0..<25 {
            let t = Int64.random(in: spanStart..<spanEnd, using: &rng)
            let date = Date(seconds: t)
            #expect(
                calendar.isWorking(at: date, excluding: pauseSet) == naive.isWorking(t), "isWorking \(date) \(context)")
            let u = Int64.random(in: t...spanEnd, using: &rng)
            #expect(
                try calendar.workingTime(from: date, to: Date(seconds: u), excluding: pauseSet).seconds
                    == naive.workingTime(t, u), "workingTime \(date) \(context)")

            let available = naive.workingTime(t, spanEnd)
            let amount = available == 0 ? 0 : Int64.random(in: 0...available, using: &rng)
            let expected = naive.deadline(t, amount)
            let actual = try calendar.deadline(from: date, adding: .seconds(amount), excluding: pauseSet)
            #expect(actual.seconds == expected, "deadline \(date) + \(amount) \(context)")

            let next = try? calendar.nextWorkingInstant(atOrAfter: date, excluding: pauseSet).seconds
            if let n = naive.nextWorking(t) {
                #expect(next == n, "next \(date) \(context)")
            } else {
                #expect(next.map { $0 >= spanEnd } ?? true, "next beyond \(date) \(context)")
            }
            let previous = try? calendar.previousWorkingInstant(before: date, excluding: pauseSet).seconds
            if let p = naive.previousWorking(t) {
                #expect(previous == p, "previous \(date) \(context)")
            } else {
                #expect(previous.map { $0 < spanStart } ?? true, "previous before \(date) \(context)")
            }
            let change = try calendar.nextChange(after: date, excluding: pauseSet)?.seconds
            if let c = naive.nextChange(t) {
                #expect(change == c, "nextChange \(date) \(context)")
            } else {
                #expect(change.map { $0 >= spanEnd } ?? true, "nextChange beyond \(date) \(context)")
            }
        }
    }
}
