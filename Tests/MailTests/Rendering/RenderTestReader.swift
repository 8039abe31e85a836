import Foundation

@testable import Mail

/// A small reader of what the renderer writes, independent of ``MailParser``: header lines,
/// unfolding, B encoded-words, base64 and quoted-printable decoding.
enum RenderTestReader {
    /// The header block's physical lines and the body.
    static func split(_ bytes: [UInt8]) -> (lines: [String], body: [UInt8]) {
        let text = bytes
        var index = 0
        while index + 3 < text.count {
            if text[index] == 13 && text[index + 1] == 10 && text[index + 2] == 13 && text[index + 3] == 10 { break }
            index += 1
        }
        let head = String(decoding: text[..<index], as: UTF8.self)
        let body = index + 4 <= text.count ? Array(text[(index + 4)...]) : []
        return (head.components(separatedBy: "\r\n"), body)
    }

    /// The fields, unfolded: `(name, raw value)`.
    static func fields(_ lines: [String]) -> [(name: String, value: String)] {
        var fields: [(String, String)] = []
        for line in lines {
            if line.first == " " || line.first == "\t" {
                fields[fields.count - 1].1 += line
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return fields.map { ($0.0, $0.1.trimmingCharacters(in: .whitespaces)) }
    }

    /// `value` with B encoded-words decoded (white space between adjacent words dropped).
    static func decodeWords(_ value: String) -> String {
        var result: [UInt8] = []
        var pendingSpace = ""
        var previousWasWord = false
        for token in value.split(separator: " ", omittingEmptySubsequences: false) {
            if token.hasPrefix("=?utf-8?B?") && token.hasSuffix("?=") {
                let payload = token.dropFirst(10).dropLast(2)
                if !previousWasWord { result += Array(pendingSpace.utf8) }
                result += Data(base64Encoded: String(payload)).map { Array($0) } ?? []
                previousWasWord = true
                pendingSpace = ""
            } else {
                result += Array(pendingSpace.utf8) + Array(token.utf8)
                previousWasWord = false
                pendingSpace = ""
            }
            pendingSpace += " "
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let clean = String(decoding: bytes.filter { $0 != 13 && $0 != 10 }, as: UTF8.self)
        return Data(base64Encoded: clean).map { Array($0) } ?? [0xFF, 0xFE]
    }

    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 61 {
                if index + 2 < bytes.count && bytes[index + 1] == 13 && bytes[index + 2] == 10 {
                    index += 3
                    continue
                }
                let hex = String(decoding: bytes[(index + 1)..<min(index + 3, bytes.count)], as: UTF8.self)
                out.append(UInt8(hex, radix: 16) ?? 0)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }
}
