import Foundation
import WorkingTime

/// RRULE text: the parser and the canonical form.
extension RecurrenceRule {
    /// The longest RRULE text accepted, in UTF-8 bytes.
    public static let maximumTextLength = 4_096

    /// Parses RRULE text such as `FREQ=MONTHLY;BYDAY=2TU` (an `RRULE:` prefix is accepted).
    ///
    /// Part names and values are case-insensitive and may come in any order; each part at most once.
    /// Parts outside the subset (HOURLY and finer, BYHOUR, BYWEEKNO, BYYEARDAY, …), floating UNTIL
    /// date-times and COUNT with UNTIL are refused.
    public init(parsing text: String) throws(RecurrenceError) {
        guard text.utf8.count <= Self.maximumTextLength else {
            throw .malformed("longer than \(Self.maximumTextLength) bytes")
        }
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.uppercased().hasPrefix("RRULE:") { body = body.dropFirst(6) }
        var parts: [String: Substring] = [:]
        for part in body.split(separator: ";", omittingEmptySubsequences: false) {
            guard let equals = part.firstIndex(of: "="), equals != part.startIndex else {
                throw .malformed("expected NAME=VALUE, got '\(part.prefix(40))'")
            }
            let name = part[..<equals].uppercased()
            let value = part[part.index(after: equals)...]
            guard !value.isEmpty else { throw .malformed("\(name.prefix(40)) has no value") }
            guard Self.partNames.contains(name) else {
                let known = Self.unsupportedNames.contains(name)
                throw .malformed(known ? "\(name) is not supported" : "unknown part '\(name.prefix(40))'")
            }
            guard parts.updateValue(value, forKey: name) == nil else { throw .malformed("\(name) given twice") }
        }
        guard let freqText = parts["FREQ"] else { throw .malformed("FREQ is required") }
        guard let frequency = Frequency(rawValue: freqText.uppercased()) else {
            let known = ["SECONDLY", "MINUTELY", "HOURLY"].contains(freqText.uppercased())
            throw .malformed(known ? "FREQ=\(freqText) is not supported" : "unknown FREQ '\(freqText.prefix(40))'")
        }
        var interval = 1
        if let value = parts["INTERVAL"] { interval = try Self.number(value, "INTERVAL", signed: false) }
        let byMonth = try Self.list(parts["BYMONTH"], "BYMONTH", signed: false)
        let byMonthDay = try Self.list(parts["BYMONTHDAY"], "BYMONTHDAY", signed: true)
        let bySetPosition = try Self.list(parts["BYSETPOS"], "BYSETPOS", signed: true)
        var byDay: [WeekdayNumber] = []
        if let value = parts["BYDAY"] {
            for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                guard item.count >= 2, let weekday = Weekday(code: item.suffix(2)) else {
                    throw .malformed("BYDAY entry '\(item.prefix(40))' is not [±n]MO…SU")
                }
                let prefix = item.dropLast(2)
                byDay.append(
                    WeekdayNumber(
                        weekday, ordinal: prefix.isEmpty ? nil : try Self.number(prefix, "BYDAY", signed: true)))
            }
        }
        var weekStart = Weekday.monday
        if let value = parts["WKST"] {
            guard let day = Weekday(code: value), value.count == 2 else {
                throw .malformed("WKST '\(value.prefix(40))' is not MO…SU")
            }
            weekStart = day
        }
        var end = End.never
        switch (parts["COUNT"], parts["UNTIL"]) {
        case (.some, .some): throw .conflicting("COUNT and UNTIL together")
        case (let count?, nil): end = .count(try Self.number(count, "COUNT", signed: false))
        case (nil, let until?): end = try Self.until(until)
        case (nil, nil): break
        }
        try self.init(
            frequency: frequency, interval: interval, byDay: byDay, byMonthDay: byMonthDay, byMonth: byMonth,
            bySetPosition: bySetPosition, end: end, weekStart: weekStart)
    }

    /// The canonical RRULE text (parts in a fixed order, no `RRULE:` prefix; `init(parsing:)` reads it back).
    public var description: String {
        var parts = ["FREQ=\(frequency.rawValue)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if !byMonth.isEmpty { parts.append("BYMONTH=" + byMonth.map(String.init).joined(separator: ",")) }
        if !byMonthDay.isEmpty { parts.append("BYMONTHDAY=" + byMonthDay.map(String.init).joined(separator: ",")) }
        if !byDay.isEmpty {
            parts.append(
                "BYDAY="
                    + byDay.map { ($0.ordinal.map(String.init) ?? "") + $0.weekday.rfc5545Code }
                    .joined(separator: ","))
        }
        if !bySetPosition.isEmpty { parts.append("BYSETPOS=" + bySetPosition.map(String.init).joined(separator: ",")) }
        switch end {
        case .never: break
        case .count(let n): parts.append("COUNT=\(n)")
        case .untilDate(let date): parts.append("UNTIL=" + Self.digits(date))
        case .untilInstant(let instant):
            let seconds = Int(instant.timeIntervalSince1970)
            let day = Int((Double(seconds) / 86_400).rounded(.down))
            let time = seconds - day * 86_400
            let date = CivilDays.date(day).map(Self.digits) ?? "00000000"
            parts.append(
                "UNTIL=\(date)T\(Self.pad(time / 3_600, 2))\(Self.pad(time / 60 % 60, 2))\(Self.pad(time % 60, 2))Z")
        }
        if weekStart != .monday { parts.append("WKST=\(weekStart.rfc5545Code)") }
        return parts.joined(separator: ";")
    }

    static let partNames: Set<String> = [
        "FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "COUNT", "UNTIL", "WKST",
    ]
    static let unsupportedNames: Set<String> = [
        "BYSECOND", "BYMINUTE", "BYHOUR", "BYWEEKNO", "BYYEARDAY", "RSCALE", "SKIP",
    ]

    /// A comma-separated list of integers.
    static func list(_ value: Substring?, _ part: String, signed: Bool) throws(RecurrenceError) -> [Int] {
        guard let value else { return [] }
        var result: [Int] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            result.append(try number(item, part, signed: signed))
        }
        return result
    }

    /// A decimal integer of at most 9 digits, with an optional sign when `signed`.
    static func number(_ text: Substring, _ part: String, signed: Bool) throws(RecurrenceError) -> Int {
        var digits = text
        var negative = false
        if signed, let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .malformed("\(part) value '\(text.prefix(40))' is not a\(signed ? "" : "n unsigned") integer")
        }
        guard digits.count <= 9, let magnitude = Int(digits) else {
            throw .outOfRange(part: part, value: String(text.prefix(40)))
        }
        return negative ? -magnitude : magnitude
    }

    /// `YYYYMMDD` or `YYYYMMDDTHHMMSSZ`.
    static func until(_ value: Substring) throws(RecurrenceError) -> End {
        let chars = Array(value.utf8)
        func field(_ range: Range<Int>) -> Int? {
            guard chars[range].allSatisfy({ (48...57).contains($0) }) else { return nil }
            return chars[range].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard chars.count == 8 || chars.count == 16 || chars.count == 15,
            let year = field(0..<4), let month = field(4..<6), let day = field(6..<8),
            let date = try? LocalDate(year: year, month: month, day: day)
        else { throw .malformed("UNTIL '\(value.prefix(40))' is not YYYYMMDD or YYYYMMDDTHHMMSSZ") }
        if chars.count == 8 { return .untilDate(date) }
        guard chars[8] == UInt8(ascii: "T") || chars[8] == UInt8(ascii: "t"),
            let hour = field(9..<11), let minute = field(11..<13), let second = field(13..<15),
            hour < 24, minute < 60, second < 60
        else { throw .malformed("UNTIL '\(value)' is not YYYYMMDDTHHMMSSZ") }
        guard chars.count == 16, chars[15] == UInt8(ascii: "Z") || chars[15] == UInt8(ascii: "z") else {
            throw .malformed("UNTIL '\(value)' is a floating date-time; give it in UTC with a trailing Z")
        }
        let seconds = CivilDays.number(date) * 86_400 + hour * 3_600 + minute * 60 + second
        return .untilInstant(Date(timeIntervalSince1970: Double(seconds)))
    }

    static func digits(_ date: LocalDate) -> String {
        pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
