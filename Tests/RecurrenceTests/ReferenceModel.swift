import Foundation
import WorkingTime

@testable import Recurrence

/// A slow, independent reading of RFC 5545 §3.3.10 for the property tests: it walks day by day, groups
/// days into the rule's periods, keeps a period's days that pass every BY… part read as a predicate
/// (within this subset, expanding and limiting select the same days), applies BYSETPOS to each
/// period's set, then DTSTART first, COUNT, UNTIL and EXDATE.
enum ReferenceModel {
    static let epoch = try! LocalDate(year: 1970, month: 1, day: 1)

    static func daysInMonth(_ date: LocalDate) -> Int {
        (28...31).last { (try? LocalDate(year: date.year, month: date.month, day: $0)) != nil }!
    }

    static func dayOfYear(_ date: LocalDate) -> Int {
        try! LocalDate(year: date.year, month: 1, day: 1).days(to: date) + 1
    }

    static func daysInYear(_ year: Int) -> Int { (try? LocalDate(year: year, month: 2, day: 29)) != nil ? 366 : 365 }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// The schedule's occurrence dates up to `through`.
    static func expand(_ s: RecurrenceSchedule, through: LocalDate) -> [LocalDate] {
        let rule = s.rule
        var byDay = rule.byDay
        var byMonthDay = rule.byMonthDay
        var byMonth = rule.byMonth
        if byDay.isEmpty, byMonthDay.isEmpty {
            switch rule.frequency {
            case .daily: break
            case .weekly: byDay = [.init(s.start.weekday)]
            case .monthly: byMonthDay = [s.start.day]
            case .yearly:
                byMonthDay = [s.start.day]
                if byMonth.isEmpty { byMonth = [s.start.month] }
            }
        }
        let weekShift = (s.start.weekday.rawValue - rule.weekStart.rawValue + 7) % 7
        let weekOrigin = try! s.start.adding(days: -weekShift)
        func period(_ d: LocalDate) -> Int {
            switch rule.frequency {
            case .daily: return epoch.days(to: d)
            case .weekly: return floorDiv(weekOrigin.days(to: d), 7)
            case .monthly: return d.year * 12 + d.month - 1
            case .yearly: return d.year
            }
        }
        func matches(_ d: LocalDate) -> Bool {
            if !byMonth.isEmpty, !byMonth.contains(d.month) { return false }
            let dim = daysInMonth(d)
            if !byMonthDay.isEmpty, !byMonthDay.contains(where: { $0 > 0 ? d.day == $0 : d.day == dim + 1 + $0 }) {
                return false
            }
            if byDay.isEmpty { return true }
            let inYear = rule.frequency == .yearly && rule.byMonth.isEmpty
            let position = inYear ? dayOfYear(d) : d.day
            let length = inYear ? daysInYear(d.year) : dim
            return byDay.contains { entry in
                guard entry.weekday == d.weekday else { return false }
                guard let n = entry.ordinal else { return true }
                return n > 0 ? (position - 1) / 7 + 1 == n : (length - position) / 7 + 1 == -n
            }
        }
        var first: LocalDate
        switch rule.frequency {
        case .daily: first = s.start
        case .weekly: first = weekOrigin
        case .monthly: first = try! LocalDate(year: s.start.year, month: s.start.month, day: 1)
        case .yearly: first = try! LocalDate(year: s.start.year, month: 1, day: 1)
        }
        let startPeriod = period(s.start)
        var generated: [LocalDate] = []
        var current: [LocalDate] = []
        var currentPeriod = period(first)
        func close() {
            var set = current
            if !rule.bySetPosition.isEmpty {
                set = rule.bySetPosition.compactMap { p in
                    let i = p > 0 ? p - 1 : set.count + p
                    return set.indices.contains(i) ? set[i] : nil
                }
                set = Array(Set(set)).sorted()
            }
            generated += set.filter { $0 > s.start }
            current = []
        }
        // Whole periods only: BYSETPOS must see a period's full set, so walk a year past `through`.
        let walkEnd = (try? through.adding(days: 370)) ?? .last
        var day = first
        while day <= walkEnd {
            let p = period(day)
            if p != currentPeriod {
                close()
                currentPeriod = p
            }
            if (p - startPeriod) % rule.interval == 0, matches(day) { current.append(day) }
            guard let next = try? day.adding(days: 1) else { break }
            day = next
        }
        close()
        var all = [s.start] + generated
        switch rule.end {
        case .never: break
        case .count(let n): all = Array(all.prefix(n))
        case .untilDate(let until): all = all.filter { $0 <= until }
        case .untilInstant(let until): all = all.filter { $0.instant(at: s.time, in: s.timeZone) <= until }
        }
        return all.filter { !s.exceptionDates.contains($0) && $0 <= through }
    }
}
