import Foundation
import SeededRandom
import Testing
import WorkingTime

@testable import Recurrence

/// Seeded properties of the expansion on random schedules of the subset.
@Suite struct ExpansionPropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 4]
    static let schedulesPerSeed = 120

    /// Agrees with the day-by-day reference model over five years, dates and instants.
    @Test(arguments: seeds)
    func agreesWithTheReferenceModel(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<Self.schedulesPerSeed {
            let s = RandomRules.schedule(&rng)
            let through = try! s.start.adding(days: 5 * 365)
            let got = s.occurrences(from: s.start, through: through)
            let want = ReferenceModel.expand(s, through: through)
            #expect(got.map(\.date) == want, "\(s.rule) from \(s.start) exdates \(s.exceptionDates.sorted())")
        }
    }

    /// Increasing, COUNT and UNTIL respected, EXDATE excluded, wall time kept, windows and previews consistent.
    @Test(arguments: seeds)
    func invariants(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed &+ 100)
        for _ in 0..<Self.schedulesPerSeed {
            let s = RandomRules.schedule(&rng)
            let all = s.occurrences(onOrAfter: .first, count: 300)
            let label = "\(s.rule) from \(s.start) \(s.time) \(s.timeZone.identifier)"
            for (a, b) in zip(all, all.dropFirst()) {
                #expect(a.date < b.date && a.instant < b.instant, "\(label)")
            }
            #expect(all.allSatisfy { !s.exceptionDates.contains($0.date) && $0.date >= s.start }, "\(label)")
            // Without EXDATE the same rule produces the excluded dates too: they counted.
            let plain = try RecurrenceSchedule(rule: s.rule, start: s.start, time: s.time, timeZone: s.timeZone)
            let unexcluded = plain.occurrences(onOrAfter: .first, count: 300 + s.exceptionDates.count)
            #expect(Array(unexcluded.filter { !s.exceptionDates.contains($0.date) }.prefix(300)) == all, "\(label)")
            if !s.exceptionDates.contains(s.start), all.first?.date != s.start {
                // DTSTART is first unless UNTIL is before it.
                switch s.rule.end {
                case .untilDate(let until): #expect(until < s.start, "\(label)")
                case .untilInstant(let until): #expect(s.start.instant(at: s.time, in: s.timeZone) > until, "\(label)")
                default: Issue.record("DTSTART missing: \(label)")
                }
            }
            switch s.rule.end {
            case .count(let n): #expect(unexcluded.count <= n, "\(label)")
            case .untilDate(let until): #expect(all.allSatisfy { $0.date <= until }, "\(label)")
            case .untilInstant(let until): #expect(all.allSatisfy { $0.instant <= until }, "\(label)")
            case .never: break
            }
            for o in all.prefix(60) { try checkWallTime(o, s) }
            // Windows agree with the expansion filtered; previews are its prefixes; the lazy sequence agrees.
            guard let last = all.last?.date else { continue }
            for _ in 0..<3 {
                let from = try s.start.adding(days: Int.random(in: -30...max(0, s.start.days(to: last)), using: &rng))
                let through = try from.adding(days: Int.random(in: 0...800, using: &rng))
                if through > last { continue }
                let window = s.occurrences(from: from, through: through)
                #expect(window == all.filter { $0.date >= from && $0.date <= through }, "\(label) \(from)…\(through)")
                let k = Int.random(in: 0...20, using: &rng)
                let expected = Array(all.filter { $0.date >= from }.prefix(k))
                if expected.count == k {
                    #expect(s.occurrences(onOrAfter: from, count: k) == expected, "\(label) preview \(from)")
                    #expect(Array(s.lazyOccurrences(from: from).prefix(k)) == expected, "\(label) lazy \(from)")
                }
            }
        }
    }

    /// The occurrence's instant shows DTSTART's wall time on its date, or the time a spring-forward gap
    /// moved it to (later by the gap, the wall time itself not existing that day).
    func checkWallTime(_ o: Occurrence, _ s: RecurrenceSchedule) throws {
        #expect(o.time == s.time)
        let offset = s.timeZone.secondsFromGMT(for: o.instant)
        let wall = Int(o.instant.timeIntervalSince1970) + offset
        let wallDay = Int((Double(wall) / 86_400).rounded(.down))
        let wallSeconds = wall - wallDay * 86_400
        let localDay = ReferenceModel.epoch.days(to: o.date)
        if wallDay == localDay, wallSeconds == s.time.secondsSinceMidnight { return }
        // A gap: the wall time does not exist that day, and the instant is later by at most the gap.
        let intended = localDay * 86_400 + s.time.secondsSinceMidnight
        let shift = wall - intended
        #expect(shift > 0 && shift <= 3_600 * 2, "\(o) in \(s.timeZone.identifier)")
        for candidateOffset in Set([offset, s.timeZone.secondsFromGMT(for: o.instant.addingTimeInterval(-86_400))]) {
            let t = Date(timeIntervalSince1970: Double(intended - candidateOffset))
            #expect(s.timeZone.secondsFromGMT(for: t) != candidateOffset, "\(o) exists in \(s.timeZone.identifier)")
        }
    }
}
