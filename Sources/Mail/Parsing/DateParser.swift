import Foundation

/// Reading `Date` values: RFC 5322 `Tue, 1 Dec 2026 09:15:00 +0300` and the obsolete and broken forms
/// mail carries (named zones, military letters as -0000, two-digit years per RFC 5322 §4.3, no weekday,
/// no seconds, extra spaces, comments, `asctime` order). The instant is computed with checked arithmetic
/// from the civil date (no calendar needed).
enum DateParser {
    /// The instant `value` names, or `nil` when it cannot be read.
    static func date(_ value: [UInt8]) -> Date? {
        guard let seconds = secondsSince1970(value) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Seconds since 1970-01-01T00:00:00Z, or `nil`.
    static func secondsSince1970(_ value: [UInt8]) -> Int64? {
        var numbers: [(value: Int, digits: Int)] = []
        var month: Int?
        var time: [Int]?
        var zone: Int?
        for word in words(value) {
            if let first = word.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-"), word.count > 1,
                time != nil || numbers.count >= 2
            {
                guard zone == nil, let offset = numericZone(word.dropFirst()) else { continue }
                zone = first == UInt8(ascii: "-") ? -offset : offset
            } else if word.contains(UInt8(ascii: ":")) {
                guard time == nil else { continue }
                time = word.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map {
                    number($0) ?? -1
                }
            } else if let first = word.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
                guard let parsed = number(word), numbers.count < 3 else { continue }
                numbers.append((parsed, word.count))
            } else {
                let name = String(decoding: word.prefix(32), as: UTF8.self).lowercased()
                if month == nil, let found = monthNumber(name) {
                    month = found
                } else if zone == nil, time != nil || numbers.count >= 2, let offset = namedZone(name) {
                    zone = offset
                }
            }
        }
        guard let month, numbers.count == 2 else { return nil }
        var day = numbers[0]
        var year = numbers[1]
        if day.digits > 2 && year.digits <= 2 { swap(&day, &year) }  // `2026 Dec 1`
        guard day.digits <= 2 else { return nil }
        var fullYear = year.value
        switch year.digits {
        case 1, 2: fullYear += year.value < 50 ? 2000 : 1900
        case 3: fullYear += 1900
        default: break
        }
        let clock = time ?? [0, 0, 0]
        guard clock.count == 2 || clock.count == 3 else { return nil }
        let hour = clock[0]
        let minute = clock[1]
        let second = clock.count == 3 ? clock[2] : 0
        guard (1...9999).contains(fullYear), (1...daysIn(month: month, year: fullYear)).contains(day.value),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = daysFromCivil(year: Int64(fullYear), month: Int64(month), day: Int64(day.value))
        let (daySeconds, overflow) = days.multipliedReportingOverflow(by: 86_400)
        guard !overflow else { return nil }
        let clockSeconds = Int64(hour * 3_600 + minute * 60 + second)
        let offsetSeconds = Int64(zone ?? 0) * 60
        let (local, localOverflow) = daySeconds.addingReportingOverflow(clockSeconds)
        guard !localOverflow else { return nil }
        let (instant, instantOverflow) = local.subtractingReportingOverflow(offsetSeconds)
        return instantOverflow ? nil : instant
    }

    /// The value split into words at white space and commas, comments dropped.
    private static func words(_ value: [UInt8]) -> [ArraySlice<UInt8>] {
        var words: [ArraySlice<UInt8>] = []
        var index = 0
        var depth = 0
        var start: Int?
        while index <= value.count {
            let byte: UInt8 = index < value.count ? value[index] : 0x20
            if depth > 0 {
                if byte == UInt8(ascii: "(") { depth &+= 1 }
                if byte == UInt8(ascii: ")") { depth &-= 1 }
                if byte == UInt8(ascii: "\\") { index &+= 1 }
                index &+= 1
                continue
            }
            let separates = ByteScan.isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "(")
            if separates {
                if let begin = start, words.count < 16 { words.append(value[begin..<min(index, value.count)]) }
                start = nil
                if byte == UInt8(ascii: "(") { depth = 1 }
            } else if start == nil {
                start = index
            }
            index &+= 1
        }
        return words
    }

    /// A decimal number of at most 9 digits, or `nil`.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte &- UInt8(ascii: "0"))
        }
        return value
    }

    /// `hhmm` (or `hh:mm`) as minutes, or `nil`.
    private static func numericZone(_ text: ArraySlice<UInt8>) -> Int? {
        let digits = text.filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 4 || digits.count == 2, let value = number(digits[...]) else { return nil }
        let hours = digits.count == 4 ? value / 100 : value
        let minutes = digits.count == 4 ? value % 100 : 0
        guard minutes < 60 else { return nil }
        return hours * 60 + minutes
    }

    /// The month a (possibly full or misspelt-long) English name starts with.
    private static func monthNumber(_ name: String) -> Int? {
        guard name.utf8.count >= 3 else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let index = months.firstIndex(of: String(name.prefix(3))) else { return nil }
        return index + 1
    }

    /// Obsolete zone names in minutes east of UTC; military letters (and unknown names) count as -0000.
    private static func namedZone(_ name: String) -> Int? {
        switch name {
        case "ut", "utc", "gmt", "z": 0
        case "edt": -4 * 60
        case "est", "cdt": -5 * 60
        case "cst", "mdt": -6 * 60
        case "mst", "pdt": -7 * 60
        case "pst": -8 * 60
        case "msk": 3 * 60
        default: name.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) ? 0 : nil
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
