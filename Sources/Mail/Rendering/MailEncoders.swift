/// The transfer encoders the renderer writes with: base64 (RFC 2045 §6.8) and quoted-printable
/// (§6.7). Decoders live with the parser.
enum MailEncoders {
    static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let hexDigits = Array("0123456789ABCDEF".utf8)
    static let crlf: [UInt8] = [13, 10]

    /// `bytes` in base64 on one line, padded with `=`.
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(base64Alphabet[Int(b0 >> 2)])
            out.append(base64Alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? base64Alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : 61)
            out.append(index + 2 < bytes.count ? base64Alphabet[Int(b2 & 0x3F)] : 61)
            index += 3
        }
        return out
    }

    /// `bytes` in base64 in lines of `lineLength` characters joined by CRLF (no CRLF after the last).
    static func base64Lines(_ bytes: [UInt8], lineLength: Int = 76) -> [UInt8] {
        let flat = base64(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(flat.count + flat.count / lineLength * 2 + 2)
        var start = 0
        while start < flat.count {
            if start > 0 { out += crlf }
            let end = min(start + lineLength, flat.count)
            out += flat[start..<end]
            start = end
        }
        return out
    }

    /// The lines of `text` (split at CRLF, CR or LF) as UTF-8 bytes.
    static func lines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 10 && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 13
            if byte == 10 || byte == 13 {
                lines.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        lines.append(current)
        return lines
    }

    /// `true` when `text` can go as 7bit: printable ASCII and tabs, lines of at most 76 bytes, no
    /// white space at a line's end, no line starting with `From ` or `.` (mangled on the way).
    static func isSevenBitSafe(_ text: String) -> Bool {
        for line in lines(text) {
            if line.count > 76 { return false }
            if let last = line.last, last == 32 || last == 9 { return false }
            if line.first == 46 || startsWithFrom(line[...]) { return false }
            for byte in line where !(byte == 9 || (byte >= 32 && byte < 127)) { return false }
        }
        return true
    }

    /// `text` with CRLF line ends, for a 7bit body.
    static func sevenBit(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for (index, line) in lines(text).enumerated() {
            if index > 0 { out += crlf }
            out += line
        }
        return out
    }

    /// `text` (UTF-8) quoted-printable with CRLF hard line breaks, encoded lines of at most 76
    /// characters; white space before a line end, `=`, controls and 8-bit bytes escaped; a line's
    /// leading `.` or `From ` escaped so no relay mangles it.
    static func quotedPrintable(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for (index, line) in lines(text).enumerated() {
            if index > 0 { out += crlf }
            var column = 0
            for position in line.indices {
                let byte = line[position]
                let isLast = position == line.count - 1
                var literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
                if column == 0 && (byte == 46 || (byte == 70 && startsWithFrom(line[position...]))) {
                    literal = false
                }
                let width = literal ? 1 : 3
                // Room for the soft break `=` unless this is the line's last token.
                if column + width > (isLast ? 76 : 75) {
                    out += [61, 13, 10]
                    column = 0
                    if byte == 46 || (byte == 70 && startsWithFrom(line[position...])) { literal = false }
                }
                if literal {
                    out.append(byte)
                    column += 1
                } else {
                    out += [61, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                    column += 3
                }
            }
        }
        return out
    }

    static func startsWithFrom(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.starts(with: [70, 114, 111, 109, 32])
    }
}
