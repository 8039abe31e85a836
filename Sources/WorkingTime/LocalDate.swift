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
        (year, month, day) = GregorianDays.civil(Int(dayNumber))
    }

    /// Days since 1970-01-01 (negative before).
    ///
    /// - Complexity: O(1) (Hinnant's days-from-civil).
    var dayNumber: Int64 { Int64(GregorianDays.number(year: year, month: month, day: day)) }

    /// The day of the week of this date.
    public var weekday: Weekday { Weekday(rawValue: LocalDate.weekdayIndex(ofDay: dayNumber) + 1)! }

    /// Monday-based weekday index (0 = Monday) of a day number; 1970-01-01 was a Thursday.
    static func weekdayIndex(ofDay dayNumber: Int64) -> Int {
        Int(((dayNumber + 3) % 7 + 7) % 7)
    }

    static func daysInMonth(year: Int, month: Int) -> Int { GregorianDays.daysInMonth(year: year, month: month) }

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
