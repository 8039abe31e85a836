/// A character set the parser decodes with its own tables (Foundation's `String.Encoding` coverage
/// differs between platforms). Labels are matched case-insensitively, punctuation ignored.
enum MailCharset: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case ascii = "us-ascii"
    case windows1251 = "windows-1251"
    case koi8R = "koi8-r"
    case koi8U = "koi8-u"
    case iso88591 = "iso-8859-1"
    case iso88595 = "iso-8859-5"
    case windows1252 = "windows-1252"
    case iso88592 = "iso-8859-2"
    case iso885915 = "iso-8859-15"
    case windows1250 = "windows-1250"
    case windows1258 = "windows-1258"
    case ibm866 = "ibm866"

    /// The upper half of a single-byte charset, or `nil` for UTF-8 and US-ASCII.
    /// ISO-8859-1 decodes as windows-1252, its superset (as browsers do: mailers label cp1252 text latin1).
    var table: [UInt16]? {
        switch self {
        case .utf8, .ascii: nil
        case .windows1251: CharsetTables.windows1251
        case .koi8R: CharsetTables.koi8R
        case .koi8U: CharsetTables.koi8U
        case .iso88591, .windows1252: CharsetTables.windows1252
        case .iso88595: CharsetTables.iso88595
        case .iso88592: CharsetTables.iso88592
        case .iso885915: CharsetTables.iso885915
        case .windows1250: CharsetTables.windows1250
        case .windows1258: CharsetTables.windows1258
        case .ibm866: CharsetTables.ibm866
        }
    }

    /// The charset a label names (`UTF-8`, `cp1251`, `win-1251`, `latin1`, `koi8r`, `ascii`…), or `nil`.
    static func named(_ label: String) -> MailCharset? {
        var key = ""
        for byte in label.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): key.unicodeScalars.append(Unicode.Scalar(byte &+ 32))
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                key.unicodeScalars.append(Unicode.Scalar(byte))
            default: continue
            }
        }
        if key.hasPrefix("x") && key.count > 3 && aliases[key] == nil { key.removeFirst() }
        return aliases[key]
    }

    /// Normalised labels (lowercase letters and digits only) and the charsets they name.
    private static let aliases: [String: MailCharset] = {
        var table: [String: MailCharset] = [:]
        let labels: [(MailCharset, [String])] = [
            (.utf8, ["utf8", "unicode11utf8", "unicode20utf8"]),
            (.ascii, ["usascii", "ascii", "us", "ansix341968", "iso646us", "ibm367", "cp367", "csascii"]),
            (.windows1251, ["windows1251", "cp1251", "win1251", "mswindows1251", "1251", "mscyrl", "cswindows1251"]),
            (.koi8R, ["koi8r", "koi8", "cskoi8r", "koi"]),
            (.koi8U, ["koi8u", "koi8ru"]),
            (.iso88591, ["iso88591", "latin1", "l1", "iso885911987", "cp819", "ibm819", "isoir100", "csisolatin1"]),
            (.iso88595, ["iso88595", "cyrillic", "isoir144", "csisolatincyrillic", "iso885951988"]),
            (.windows1252, ["windows1252", "cp1252", "win1252", "mswindows1252", "1252"]),
            (.iso88592, ["iso88592", "latin2", "l2", "isoir101", "csisolatin2"]),
            (.iso885915, ["iso885915", "latin9", "l9", "latin0"]),
            (.windows1250, ["windows1250", "cp1250", "win1250", "mswindows1250", "1250"]),
            (.windows1258, ["windows1258", "cp1258", "win1258", "mswindows1258", "1258"]),
            (.ibm866, ["ibm866", "cp866", "866", "csibm866", "dos866"]),
        ]
        for (charset, names) in labels { for name in names { table[name] = charset } }
        return table
    }()

    /// Appends the UTF-8 form of `input` to `output`; `false` (and nothing appended) when `input` is not
    /// valid in this charset (only UTF-8 and US-ASCII can be invalid).
    func appendUTF8(of input: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        switch self {
        case .utf8:
            var start = 0
            if input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF { start = 3 }
            let rest = UnsafeBufferPointer(rebasing: input[start...])
            guard UTF8Validation.isValid(rest) else { return false }
            output.append(contentsOf: rest)
            return true
        case .ascii:
            guard !ByteScan.hasEightBit(input) else { return false }
            output.append(contentsOf: input)
            return true
        default:
            guard let table else { return false }
            SingleByteDecoding.append(input, table: table, to: &output)
            return true
        }
    }

    /// Decodes `input`, or `nil` when it is not valid in this charset.
    func decode(_ input: UnsafeBufferPointer<UInt8>) -> String? {
        if self == .utf8 || !ByteScan.hasEightBit(input) {
            var start = 0
            if input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF { start = 3 }
            return String(validating: UnsafeBufferPointer(rebasing: input[start...]), as: UTF8.self)
        }
        guard let table else { return nil }
        return String(decoding: SingleByteDecoding.decode(input, table: table), as: UTF8.self)
    }
}

/// Decoding a single-byte charset through its 128-entry table.
enum SingleByteDecoding {
    /// Appends the UTF-8 form of `input` decoded with `table` (the scalars of bytes 0x80–0xFF).
    static func append(_ input: UnsafeBufferPointer<UInt8>, table: [UInt16], to output: inout [UInt8]) {
        if output.isEmpty {
            output = decode(input, table: table)
        } else {
            output.append(contentsOf: decode(input, table: table))
        }
    }

    /// The UTF-8 form of `input` decoded with `table`.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, table: [UInt16]) -> [UInt8] {
        let (capacity, overflow) = input.count.multipliedReportingOverflow(by: 3)
        guard !overflow else { return [] }
        return [UInt8](unsafeUninitializedCapacity: capacity) { output, written in
            var length = 0
            table.withUnsafeBufferPointer { table in
                for byte in input {
                    if byte < 0x80 {
                        output[length] = byte
                        length &+= 1
                        continue
                    }
                    let scalar = UInt32(table[Int(byte & 0x7F)])
                    if scalar < 0x800 {
                        output[length] = UInt8(0xC0 | (scalar >> 6))
                        output[length &+ 1] = UInt8(0x80 | (scalar & 0x3F))
                        length &+= 2
                    } else {
                        output[length] = UInt8(0xE0 | (scalar >> 12))
                        output[length &+ 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                        output[length &+ 2] = UInt8(0x80 | (scalar & 0x3F))
                        length &+= 3
                    }
                }
            }
            written = length
        }
    }
}

/// Checking bytes for well-formed UTF-8 (shortest forms, no surrogates, at most U+10FFFF).
enum UTF8Validation {
    /// How many well-formed multi-byte sequences and how many bytes that start none `input` holds.
    static func census(_ input: UnsafeBufferPointer<UInt8>) -> (sequences: Int, invalid: Int) {
        var sequences = 0
        var invalid = 0
        var index = 0
        while index < input.count {
            if input[index] < 0x80 {
                index &+= 1
                continue
            }
            let length = sequenceLength(input, at: index)
            if length > 0 {
                sequences &+= 1
                index &+= length
            } else {
                invalid &+= 1
                index &+= 1
            }
        }
        return (sequences, invalid)
    }

    /// The length of the well-formed multi-byte sequence at `index`, or 0.
    private static func sequenceLength(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let end = min(input.count, index &+ 4)
        for length in 2...4 where index &+ length <= end {
            if isValid(UnsafeBufferPointer(rebasing: input[index..<(index &+ length)])) { return length }
        }
        return 0
    }

    /// `true` when `input` is well-formed UTF-8.
    static func isValid(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = input.count
        var index = 0
        while index < count {
            let lead = input[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return false
            }
            guard count &- index >= length else { return false }
            let second = input[index &+ 1]
            guard second >= low && second <= high else { return false }
            var offset = 2
            while offset < length {
                guard input[index &+ offset] & 0xC0 == 0x80 else { return false }
                offset &+= 1
            }
            index &+= length
        }
        return true
    }
}
