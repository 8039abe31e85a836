import WorkingTime

/// Proleptic Gregorian day arithmetic on plain integers (days since 1970-01-01), so the expansion
/// computes candidate days without building or validating `LocalDate` values.
enum CivilDays {
    /// The day number of 0001-01-01.
    static let first = 719_162 * -1
    /// The day number of 9999-12-31.
    static let last = 2_932_896

    /// Days since 1970-01-01 of a valid `year-month-day` (Hinnant's days-from-civil).
    static func number(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day number of `date`.
    static func number(_ date: LocalDate) -> Int { number(year: date.year, month: date.month, day: date.day) }

    /// The date of a day number in `first ... last` (Hinnant's civil-from-days).
    static func civil(_ n: Int) -> (year: Int, month: Int, day: Int) {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The `LocalDate` of a day number, `nil` outside years 1...9999.
    static func date(_ n: Int) -> LocalDate? {
        guard (first...last).contains(n) else { return nil }
        let c = civil(n)
        return try? LocalDate(year: c.year, month: c.month, day: c.day)
    }

    /// Monday-based weekday index (0 = Monday) of a day number; 1970-01-01 was a Thursday.
    static func weekday(_ n: Int) -> Int { ((n + 3) % 7 + 7) % 7 }

    /// Days in `month` of `year`.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `a mod b` in `0 ..< b` for positive `b`.
    static func mod(_ a: Int, _ b: Int) -> Int { ((a % b) + b) % b }

    /// The `ordinal`-th (from the end when negative) day with Monday-based `weekday` in `lo ... hi`.
    static func nth(_ ordinal: Int, weekday: Int, in lo: Int, _ hi: Int) -> Int? {
        let day =
            ordinal > 0
            ? lo + mod(weekday - CivilDays.weekday(lo), 7) + 7 * (ordinal - 1)
            : hi - mod(CivilDays.weekday(hi) - weekday, 7) - 7 * (-ordinal - 1)
        return (lo...hi).contains(day) ? day : nil
    }
}

/// The greatest common divisor of two positive integers.
func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
}
