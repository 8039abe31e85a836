import Mail

/// Parses `text` (LF line ends, or CRLF when `crlf`) with the default limits, or `limits`.
func parseMail(_ text: String, crlf: Bool = false, limits: MailLimits = MailLimits()) -> MailMessage {
    let bytes = Array((crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text).utf8)
    return MailParser(limits: limits).parse(bytes)
}

/// Parses raw bytes.
func parseMail(_ bytes: [UInt8], limits: MailLimits = MailLimits()) -> MailMessage {
    MailParser(limits: limits).parse(bytes)
}

extension MailMessage {
    /// The kinds of the problems met, in order.
    var problemKinds: [MailProblem.Kind] { problems.map(\.kind) }
}

/// Text encoded in a single-byte charset by a few hand-written letters (for test messages).
func windows1251(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar in
        switch scalar.value {
        case 0x410...0x44F: UInt8(scalar.value - 0x410 + 0xC0)
        case 0x401: 0xA8
        case 0x451: 0xB8
        default: UInt8(truncatingIfNeeded: scalar.value)
        }
    }
}

/// `text` in KOI8-R.
func koi8r(_ text: String) -> [UInt8] {
    let lower = Array("юабцдефгхийклмнопярстужвьызшэщчъ".unicodeScalars)
    let upper = Array("ЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ".unicodeScalars)
    return text.unicodeScalars.map { scalar in
        if let index = lower.firstIndex(of: scalar) { return UInt8(0xC0 + index) }
        if let index = upper.firstIndex(of: scalar) { return UInt8(0xE0 + index) }
        if scalar == "ё" { return 0xA3 }
        return UInt8(truncatingIfNeeded: scalar.value)
    }
}
