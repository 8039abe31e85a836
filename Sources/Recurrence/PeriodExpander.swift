import WorkingTime

/// The candidate days of each period of a rule (RFC 5545 §3.3.10), computed arithmetically.
///
/// Periods are numbered from DTSTART's period (`0`) in steps of INTERVAL. BYMONTH, BYMONTHDAY and
/// BYDAY expand or limit as the RFC's table says; the result is the period's sorted set of day
/// numbers after BYSETPOS. DTSTART's defaults apply first: WEEKLY without BYDAY takes DTSTART's
/// weekday, MONTHLY without BYDAY or BYMONTHDAY takes DTSTART's day of the month, YEARLY without
/// them takes DTSTART's day (and its month when BYMONTH is absent too).
struct PeriodExpander: Sendable {
    let frequency: RecurrenceRule.Frequency
    let interval: Int
    let startDay: Int
    /// Allowed months (index 1…12); all `true` when BYMONTH is absent.
    let monthAllowed: [Bool]
    let hasByMonth: Bool
    /// Months a YEARLY period looks at when it resolves month days.
    let yearMonths: [Int]
    let monthDays: [Int]
    /// Plain BYDAY weekdays by Monday-based index.
    let plainWeekdays: [Bool]
    /// Ordinal BYDAY entries: (ordinal, Monday-based weekday).
    let ordinals: [(ordinal: Int, weekday: Int)]
    let hasByDay: Bool
    let setPositions: [Int]
    /// Day number of the first day of DTSTART's week (WEEKLY), month index (MONTHLY) or year (YEARLY).
    let startPeriod: Int
    /// Consecutive empty periods after which no period can ever match (one 400-year cycle).
    let emptyLimit: Int

    init(rule: RecurrenceRule, start: LocalDate) {
        frequency = rule.frequency
        interval = rule.interval
        startDay = CivilDays.number(start)
        var byDay = rule.byDay
        var monthDays = rule.byMonthDay
        var months = rule.byMonth
        if byDay.isEmpty, monthDays.isEmpty {
            switch rule.frequency {
            case .daily: break
            case .weekly: byDay = [.init(start.weekday)]
            case .monthly: monthDays = [start.day]
            case .yearly:
                monthDays = [start.day]
                if months.isEmpty { months = [start.month] }
            }
        }
        hasByMonth = !months.isEmpty
        var allowed = [Bool](repeating: months.isEmpty, count: 13)
        for month in months { allowed[month] = true }
        monthAllowed = allowed
        yearMonths = months.isEmpty ? Array(1...12) : months
        self.monthDays = monthDays
        var plain = [Bool](repeating: false, count: 7)
        var ordinals: [(Int, Int)] = []
        for entry in byDay {
            if let n = entry.ordinal {
                ordinals.append((n, entry.weekday.rawValue - 1))
            } else {
                plain[entry.weekday.rawValue - 1] = true
            }
        }
        plainWeekdays = plain
        self.ordinals = ordinals
        hasByDay = !byDay.isEmpty
        setPositions = rule.bySetPosition
        let cycle: Int
        switch rule.frequency {
        case .daily:
            startPeriod = startDay
            cycle = 146_097
        case .weekly:
            startPeriod = startDay - CivilDays.mod(CivilDays.weekday(startDay) - (rule.weekStart.rawValue - 1), 7)
            cycle = 20_871
        case .monthly:
            startPeriod = start.year * 12 + start.month - 1
            cycle = 4_800
        case .yearly:
            startPeriod = start.year
            cycle = 400
        }
        emptyLimit = cycle / greatestCommonDivisor(cycle, rule.interval) + 1
    }

    /// The absolute period (day, week's first day, month index or year) of period number `k`.
    func absolute(_ k: Int) -> Int {
        switch frequency {
        case .daily: startPeriod + k * interval
        case .weekly: startPeriod + 7 * k * interval
        case .monthly, .yearly: startPeriod + k * interval
        }
    }

    /// The first day number of period `k`, `nil` past 9999-12-31.
    func firstDay(_ k: Int) -> Int? {
        let p = absolute(k)
        let day: Int
        switch frequency {
        case .daily, .weekly: day = p
        case .monthly: day = p / 12 > 9_999 ? Int.max : CivilDays.number(year: p / 12, month: p % 12 + 1, day: 1)
        case .yearly: day = p > 9_999 ? Int.max : CivilDays.number(year: p, month: 1, day: 1)
        }
        return day <= CivilDays.last ? day : nil
    }

    /// The smallest period number whose period ends on or after `day` (0 when `day` is in the first).
    func firstPeriod(reaching day: Int) -> Int {
        let c = CivilDays.civil(day)
        let distance: Int
        switch frequency {
        case .daily: distance = day - startPeriod
        case .weekly: distance = (day - startPeriod) / 7
        case .monthly: distance = c.year * 12 + c.month - 1 - startPeriod
        case .yearly: distance = c.year - startPeriod
        }
        return distance <= 0 ? 0 : distance / interval
    }

    /// The sorted candidate days of period `k` after BYSETPOS, written to `out`.
    func candidates(_ k: Int, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        let p = absolute(k)
        switch frequency {
        case .daily:
            let c = CivilDays.civil(p)
            guard monthAllowed[c.month], !hasByDay || plainWeekdays[CivilDays.weekday(p)] else { return }
            if !monthDays.isEmpty {
                let dim = CivilDays.daysInMonth(year: c.year, month: c.month)
                guard monthDays.contains(where: { $0 == c.day || dim + 1 + $0 == c.day }) else { return }
            }
            out.append(p)
        case .weekly:
            for d in p..<(p + 7) where plainWeekdays[CivilDays.weekday(d)] {
                if hasByMonth, !monthAllowed[CivilDays.civil(d).month] { continue }
                if d <= CivilDays.last { out.append(d) }
            }
        case .monthly:
            let year = p / 12
            let month = p % 12 + 1
            guard monthAllowed[month] else { return }
            self.month(year, month, into: &out)
        case .yearly:
            if !monthDays.isEmpty || hasByMonth {
                for month in yearMonths { self.month(p, month, into: &out) }
            } else {
                let lo = CivilDays.number(year: p, month: 1, day: 1)
                expandByDay(lo, CivilDays.number(year: p, month: 12, day: 31), into: &out)
            }
        }
        if frequency != .daily, frequency != .weekly, out.count > 1 {
            out.sort()
            out = dedupedSorted(out)
        }
        if !setPositions.isEmpty { selectPositions(&out) }
    }

    /// Appends the days of one month: BYMONTHDAY limited by BYDAY, or BYDAY expanded in the month.
    private func month(_ year: Int, _ month: Int, into out: inout [Int]) {
        let dim = CivilDays.daysInMonth(year: year, month: month)
        let lo = CivilDays.number(year: year, month: month, day: 1)
        let hi = lo + dim - 1
        guard !monthDays.isEmpty else { return expandByDay(lo, hi, into: &out) }
        // YEARLY without BYMONTH counts BYDAY ordinals within the year, else within the month.
        let yearly = frequency == .yearly && !hasByMonth
        let range =
            yearly
            ? (CivilDays.number(year: year, month: 1, day: 1), CivilDays.number(year: year, month: 12, day: 31))
            : (lo, hi)
        for md in monthDays {
            let d = md > 0 ? md : dim + 1 + md
            guard (1...dim).contains(d) else { continue }
            let day = lo + d - 1
            if !hasByDay || matchesByDay(day, range.0, range.1) { out.append(day) }
        }
    }

    /// Appends every BYDAY day in `lo ... hi` (plain: each such weekday; ordinal: the n-th).
    private func expandByDay(_ lo: Int, _ hi: Int, into out: inout [Int]) {
        let first = CivilDays.weekday(lo)
        for wd in 0..<7 where plainWeekdays[wd] {
            var d = lo + CivilDays.mod(wd - first, 7)
            while d <= hi {
                out.append(d)
                d += 7
            }
        }
        for entry in ordinals {
            if let d = CivilDays.nth(entry.ordinal, weekday: entry.weekday, in: lo, hi) { out.append(d) }
        }
    }

    /// `true` when `day` is one of BYDAY's days, ordinals counted within `lo ... hi`.
    private func matchesByDay(_ day: Int, _ lo: Int, _ hi: Int) -> Bool {
        let wd = CivilDays.weekday(day)
        if plainWeekdays[wd] { return true }
        for entry in ordinals where entry.weekday == wd {
            let n = entry.ordinal > 0 ? (day - lo) / 7 + 1 : -((hi - day) / 7 + 1)
            if n == entry.ordinal { return true }
        }
        return false
    }

    /// Keeps the BYSETPOS-th days of the period's sorted set (negative: from the end).
    private func selectPositions(_ days: inout [Int]) {
        let n = days.count
        var chosen: [Int] = []
        for position in setPositions {
            let index = position > 0 ? position - 1 : n + position
            if (0..<n).contains(index) { chosen.append(days[index]) }
        }
        chosen.sort()
        days = dedupedSorted(chosen)
    }

    private func dedupedSorted(_ days: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(days.count)
        for d in days where result.last != d { result.append(d) }
        return result
    }
}
