import Foundation
@testable import WorkingTime

/// A deliberately naive model of a calendar: every second of a span is classified with
/// Foundation's `Calendar` (one conversion per minute, as all boundaries in these tests are
/// whole minutes), the rules are read directly from the definition, and every answer is a
/// linear walk over the per-second array.
struct NaiveReference {
    let start: Int64
    let working: [Bool]
    let prefix: [Int32]
    /// Every second of the span whose state differs from the second before it.
    let changes: [Int64]

    init(definition: BusinessCalendar, start: Int64, seconds: Int, pauses: [DateInterval]) {
        precondition(start % 60 == 0 && seconds % 60 == 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = definition.timeZone
        let byDate = Dictionary(uniqueKeysWithValues: definition.exceptions.map { ($0.date, $0) })
        var dayCache: [Int: (LocalDate, Weekday)] = [:]

        var cutoffCache: [LocalDate: Int] = [:]
        func intervals(_ date: LocalDate, _ weekday: Weekday) -> [LocalInterval] {
            if let exception = byDate[date] {
                switch exception.kind {
                case .holiday: return []
                case .shortened(let list): return list
                case .extraWorkingDay(let list): return list ?? definition.schedule.standardWorkday
                case .shortenedBy:
                    let usual = definition.schedule.intervals(on: weekday)
                    return usual.isEmpty ? definition.schedule.standardWorkday : usual
                }
            }
            return definition.schedule.intervals(on: weekday)
        }
        /// Seconds since the date's midnight from which a `shortenedBy` day no longer works: found by
        /// walking its two-day span backwards minute by minute, counting working minutes.
        func cutoff(_ date: LocalDate, _ weekday: Weekday) -> Int {
            guard case .shortenedBy(let cut)? = byDate[date]?.kind else { return Int.max }
            if let cached = cutoffCache[date] { return cached }
            precondition(cut.seconds % 60 == 0)
            let list = intervals(date, weekday)
            var remaining = Int(cut.seconds / 60), result = 0
            for minute in stride(from: 2 * 1_440 - 1, through: 0, by: -1) {
                let works = list.contains { iv in
                    let s = iv.start.secondsSinceMidnight / 60
                    let len = iv.end > iv.start ? iv.end.secondsSinceMidnight / 60 - s : iv.end.secondsSinceMidnight / 60 + 1_440 - s
                    return minute >= s && minute < s + len
                }
                guard works else { continue }
                if remaining == 0 { result = (minute + 1) * 60; break }
                remaining -= 1
            }
            cutoffCache[date] = result
            return result
        }
        func yesterday(_ y: Int, _ m: Int, _ d: Int) -> (LocalDate, Weekday) {
            let key = y * 10_000 + m * 100 + d
            if let cached = dayCache[key] { return cached }
            let noon = calendar.date(from: DateComponents(year: y, month: m, day: d - 1, hour: 12))!
            let c = calendar.dateComponents([.year, .month, .day, .weekday], from: noon)
            let value = (try! LocalDate(year: c.year!, month: c.month!, day: c.day!), Self.weekday(c.weekday!))
            dayCache[key] = value
            return value
        }
        func minuteWorks(_ t: Int64) -> Bool {
            let c = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second, .weekday],
                from: Date(timeIntervalSince1970: Double(t)))
            let sod = c.hour! * 3_600 + c.minute! * 60 + c.second!
            let today = try! LocalDate(year: c.year!, month: c.month!, day: c.day!)
            let todayWeekday = Self.weekday(c.weekday!)
            for iv in intervals(today, todayWeekday) where sod < cutoff(today, todayWeekday) {
                let s = iv.start.secondsSinceMidnight
                let len = iv.end > iv.start ? iv.end.secondsSinceMidnight - s : iv.end.secondsSinceMidnight + 86_400 - s
                if sod >= s && sod < s + len { return true }
            }
            let (prev, prevWeekday) = yesterday(c.year!, c.month!, c.day!)
            for iv in intervals(prev, prevWeekday) where sod + 86_400 < cutoff(prev, prevWeekday) {
                let s = iv.start.secondsSinceMidnight
                let len = iv.end > iv.start ? iv.end.secondsSinceMidnight - s : iv.end.secondsSinceMidnight + 86_400 - s
                if sod + 86_400 >= s && sod + 86_400 < s + len { return true }
            }
            return false
        }

        let flooredPauses = pauses.map {
            (Int64($0.start.timeIntervalSince1970.rounded(.down)), Int64($0.end.timeIntervalSince1970.rounded(.down)))
        }
        var working = [Bool](repeating: false, count: seconds)
        working.withUnsafeMutableBufferPointer { w in
            for minute in stride(from: 0, to: seconds, by: 60) where minuteWorks(start + Int64(minute)) {
                for i in minute..<(minute + 60) { w[i] = true }
            }
            for (s, e) in flooredPauses {
                let lo = Int(max(s, start) - start), hi = Int(min(e, start + Int64(seconds)) - start)
                if lo < hi { for i in lo..<hi { w[i] = false } }
            }
        }
        var prefix = [Int32](repeating: 0, count: seconds + 1)
        var changes: [Int64] = []
        working.withUnsafeBufferPointer { w in
            prefix.withUnsafeMutableBufferPointer { p in
                var running: Int32 = 0
                for i in 0..<seconds {
                    if w[i] { running += 1 }
                    p[i + 1] = running
                    if i > 0, w[i] != w[i - 1] { changes.append(start + Int64(i)) }
                }
            }
        }
        self.changes = changes
        self.start = start
        self.working = working
        self.prefix = prefix
    }

    static func weekday(_ foundation: Int) -> Weekday { foundation == 1 ? .sunday : Weekday(rawValue: foundation - 1)! }

    var end: Int64 { start + Int64(working.count) }

    func isWorking(_ t: Int64) -> Bool { working[Int(t - start)] }

    func workingTime(_ a: Int64, _ b: Int64) -> Int64 { Int64(prefix[Int(b - start)] - prefix[Int(a - start)]) }

    /// The smallest `x > t` with `amount` working seconds in `[t, x)`, if inside the span.
    func deadline(_ t: Int64, _ amount: Int64) -> Int64? {
        if amount == 0 { return t }
        // The first index whose prefix count reaches the target (prefix is non-decreasing).
        let target = prefix[Int(t - start)] + Int32(amount)
        var low = Int(t - start) + 1, high = prefix.count
        while low < high {
            let mid = (low + high) / 2
            if prefix[mid] >= target { high = mid } else { low = mid + 1 }
        }
        return low < prefix.count ? start + Int64(low) : nil
    }

    /// The first state change strictly after `t` inside the span.
    func nextChange(_ t: Int64) -> Int64? {
        var low = 0, high = changes.count
        while low < high {
            let mid = (low + high) / 2
            if changes[mid] > t { high = mid } else { low = mid + 1 }
        }
        return low < changes.count ? changes[low] : nil
    }

    func nextWorking(_ t: Int64) -> Int64? {
        isWorking(t) ? t : nextChange(t)
    }

    func previousWorking(_ t: Int64) -> Int64? {
        if t > start, isWorking(t - 1) { return t - 1 }
        // The last change at or before t - 1 starts a non-working run; the working run before it ends there.
        var low = 0, high = changes.count
        while low < high {
            let mid = (low + high) / 2
            if changes[mid] <= t - 1 { low = mid + 1 } else { high = mid }
        }
        guard low > 0, changes[low - 1] > start else {
            return nil
        }
        return changes[low - 1] - 1
    }
}
