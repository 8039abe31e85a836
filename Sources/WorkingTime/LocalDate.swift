/// A proleptic Gregorian calendar date without a time zone, years 1...9999.
public struct LocalDate: Sendable, Hashable, Comparable, TextCodable {
    /// The year, `1 ... 9999`.
    public let year: Int
    /// The month, `1 ... 12`.
    public let month: Int
    /// The day of the month, `1 ... 31`.
    public let day: Int

    /// Creates a date; throws if it does not exist (e.g. 2027-02-29).
    public init(year: Int, month: Int, day: Int) throws(WorkingTimeError) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysInMonth(year: year, month: month)).contains(day)
        else { throw .invalidDate(year: year, month: month, day: day) }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO `YYYY-MM-DD`.
    public init(parsing text: String) throws(WorkingTimeError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { throw .malformed(line: 0, reason: "invalid date '\(text)', expected YYYY-MM-DD") }
        do { try self.init(year: y, month: m, day: d) } catch {
            throw .malformed(line: 0, reason: "date '\(text)' does not exist")
        }
    }

    /// The date `dayNumber` days after 1970-01-01 (negative before).
    ///
    /// - Complexity: O(1) (Hinnant's civil-from-days).
    init(dayNumber: Int64) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = Int(yoe + era * 400 + (m <= 2 ? 1 : 0))
        month = Int(m)
        day = Int(d)
    }

    /// Days since 1970-01-01 (negative before).
    ///
    /// - Complexity: O(1) (Hinnant's days-from-civil).
    var dayNumber: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day of the week of this date.
    public var weekday: Weekday { Weekday(rawValue: LocalDate.weekdayIndex(ofDay: dayNumber) + 1)! }

    /// Monday-based weekday index (0 = Monday) of a day number; 1970-01-01 was a Thursday.
    static func weekdayIndex(ofDay dayNumber: Int64) -> Int {
        Int(((dayNumber + 3) % 7 + 7) % 7)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Orders dates chronologically.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO `YYYY-MM-DD`.
    public var description: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-\(twoDigits(month))-\(twoDigits(day))"
    }

}
