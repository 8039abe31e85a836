import Foundation
import SeededRandom
import Testing

@testable import Mail

/// Seeded round trips against small reference writers: address lists and dates written in the forms mailers
/// use read back as what was written.
@Suite("Mail parsing: address and date round trips")
struct RoundTripPropertyTests {
    static let nameScalars = Array("abcXYZ019 .,;:<>@\"\\()'-_Иван Пётр ё😀é".unicodeScalars)

    /// A display name as a mailer writes it: a bare phrase when it is all atoms, a quoted string when ASCII,
    /// else encoded-words (B or Q), sometimes split into several.
    static func write(name: String, _ random: inout SplitMix64) -> String {
        let atext = name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == " " || $0 == "-"
                || $0 == "'"
        }
        let collapsed = name.split(separator: " ").joined(separator: " ")
        if atext && collapsed == name && !name.isEmpty { return name }
        if name.unicodeScalars.allSatisfy(\.isASCII) && random.next() % 2 == 0 {
            return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        }
        var words: [String] = []
        let bytes = Array(name.utf8)
        var index = 0
        while index < bytes.count {
            let length = 1 + Int(random.next() % 20)
            let chunk = Array(bytes[index..<min(index + length, bytes.count)])
            index += length
            if random.next() % 2 == 0 {
                words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=")
            } else {
                let hex = Array("0123456789ABCDEF")
                let text = chunk.map { byte -> String in
                    let plain = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                    return plain
                        ? String(UnicodeScalar(byte)) : "=" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
                }
                words.append("=?UTF-8?Q?" + text.joined() + "?=")
            }
        }
        return words.joined(separator: random.next() % 2 == 0 ? " " : "\r\n ")
    }

    @Test(arguments: 0..<4)
    func addressListsReadBack(batch: UInt64) {
        var random = SplitMix64(seed: 0xADD2_0000 &+ batch)
        for _ in 0..<300 {
            var expected: [MailAddress] = []
            var parts: [String] = []
            for index in 0..<(1 + Int(random.next() % 4)) {
                let address = "user.\(index)+tag@example-\(random.next() % 100).ru"
                var scalars = String.UnicodeScalarView()
                for _ in 0..<Int(random.next() % 16) {
                    scalars.append(Self.nameScalars[Int(random.next() % UInt64(Self.nameScalars.count))])
                }
                let name = String(scalars).trimmingBlanks()
                switch random.next() % 4 {
                case 0:
                    parts.append(address)
                    expected.append(MailAddress(address: address))
                case 1:
                    parts.append("<\(address)>")
                    expected.append(MailAddress(address: address))
                default:
                    let written = Self.write(name: name, &random)
                    parts.append(written.isEmpty ? "<\(address)>" : "\(written) <\(address)>")
                    expected.append(MailAddress(name: name.isEmpty ? nil : name, address: address))
                }
            }
            var header = parts.joined(separator: random.next() % 2 == 0 ? ", " : ",\r\n\t")
            if random.next() % 4 == 0 { header = "Team (the group): " + header + ";" }
            var problems: [MailProblem] = []
            let parsed = AddressParser(decoder: HeaderTextDecoder()).addresses(
                Array(header.replacingOccurrences(of: "\r\n", with: "").utf8), field: "To", problems: &problems)
            #expect(parsed == expected, "\(header)")
            #expect(problems.isEmpty, "\(header)")
        }
    }

    @Test func datesReadBack() {
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var random = SplitMix64(seed: 0xDA7E_0002)
        for _ in 0..<3_000 {
            let instant = Int64(random.next() % 4_102_444_800)  // 1970 to 2100
            let offset = (Int64(random.next() % 57) - 28) * 30 * 60  // -14:00 to +14:00 in half hours
            let local = instant + offset
            let days = local / 86_400
            let seconds = local % 86_400
            // civil-from-days (H. Hinnant), the inverse of the parser's days-from-civil.
            let shifted = days + 719_468
            let era = shifted / 146_097
            let dayOfEra = shifted - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthPrime = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
            let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
            let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
            let sign = offset < 0 ? "-" : "+"
            let zone = String(format: "%@%02d%02d", sign, abs(offset) / 3_600, abs(offset) % 3_600 / 60)
            let weekday = random.next() % 2 == 0 ? "\(weekdays[Int(days % 7)]), " : ""
            let dayText = random.next() % 2 == 0 ? String(format: "%02d", day) : "\(day)"
            let yearText =
                year >= 2000 && year < 2050 && random.next() % 4 == 0 ? String(format: "%02d", year % 100) : "\(year)"
            let text =
                "\(weekday)\(dayText) \(months[Int(month) - 1]) \(yearText) "
                + String(format: "%02d:%02d:%02d ", seconds / 3_600, seconds % 3_600 / 60, seconds % 60) + zone
            #expect(DateParser.secondsSince1970(Array(text.utf8)) == instant, "\(text)")
        }
    }
}
