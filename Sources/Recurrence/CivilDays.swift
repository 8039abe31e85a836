import WorkingTime

/// Proleptic Gregorian day arithmetic on plain integers (days since 1970-01-01), so the expansion
/// computes candidate days without building or validating `LocalDate` values.
enum CivilDays {
    /// The day number of 0001-01-01.
    static let first = 719_162 * -1
    /// The day number of 9999-12-31.
    static let last = 2_932_896

    /// Days since 1970-01-01 of a valid `year-month-day`.
    @inline(__always)
    static func number(year: Int, month: Int, day: Int) -> Int { GregorianDays.number(year: year, month: month, day: day) }

    /// The day number of `date`.
    static func number(_ date: LocalDate) -> Int { number(year: date.year, month: date.month, day: date.day) }

    /// The date of a day number in `first ... last`.
    @inline(__always)
    static func civil(_ n: Int) -> (year: Int, month: Int, day: Int) { GregorianDays.civil(n) }

    /// The `LocalDate` of a day number, `nil` outside years 1...9999.
    static func date(_ n: Int) -> LocalDate? {
        guard (first...last).contains(n) else { return nil }
        let c = civil(n)
        return try? LocalDate(year: c.year, month: c.month, day: c.day)
    }

    /// Monday-based weekday index (0 = Monday) of a day number; 1970-01-01 was a Thursday.
    static func weekday(_ n: Int) -> Int { ((n + 3) % 7 + 7) % 7 }

    /// Days in `month` of `year`.
    @inline(__always)
    static func daysInMonth(year: Int, month: Int) -> Int { GregorianDays.daysInMonth(year: year, month: month) }

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
