/// Named character references HTML mail uses (the common ~180 of HTML's list), for ``HTMLText``.
enum HTMLEntities {
    /// Entity names (case-sensitive, as in HTML) and their scalars.
    static let named: [String: UInt32] = [
        "nbsp": 0x00A0, "amp": 0x0026, "lt": 0x003C, "gt": 0x003E, "quot": 0x0022, "apos": 0x0027, "copy": 0x00A9,
        "reg": 0x00AE, "trade": 0x2122, "laquo": 0x00AB, "raquo": 0x00BB, "lsaquo": 0x2039, "rsaquo": 0x203A,
        "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
        "mdash": 0x2014, "ndash": 0x2013, "hellip": 0x2026, "bull": 0x2022, "middot": 0x00B7, "deg": 0x00B0,
        "plusmn": 0x00B1, "times": 0x00D7, "divide": 0x00F7, "micro": 0x00B5, "para": 0x00B6, "sect": 0x00A7,
        "euro": 0x20AC, "pound": 0x00A3, "yen": 0x00A5, "cent": 0x00A2, "curren": 0x00A4, "iexcl": 0x00A1,
        "iquest": 0x00BF, "shy": 0x00AD, "macr": 0x00AF, "acute": 0x00B4, "cedil": 0x00B8, "uml": 0x00A8,
        "ordf": 0x00AA, "ordm": 0x00BA, "sup1": 0x00B9, "sup2": 0x00B2, "sup3": 0x00B3, "frac14": 0x00BC,
        "frac12": 0x00BD, "frac34": 0x00BE, "not": 0x00AC, "brvbar": 0x00A6, "dagger": 0x2020, "Dagger": 0x2021,
        "permil": 0x2030, "prime": 0x2032, "Prime": 0x2033, "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191,
        "darr": 0x2193, "harr": 0x2194, "lArr": 0x21D0, "rArr": 0x21D2, "hArr": 0x21D4, "le": 0x2264, "ge": 0x2265,
        "ne": 0x2260, "asymp": 0x2248, "equiv": 0x2261, "minus": 0x2212, "infin": 0x221E, "sum": 0x2211,
        "prod": 0x220F, "radic": 0x221A, "thinsp": 0x2009, "ensp": 0x2002, "emsp": 0x2003, "zwnj": 0x200C,
        "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "Agrave": 0x00C0, "Aacute": 0x00C1, "Acirc": 0x00C2,
        "Atilde": 0x00C3, "Auml": 0x00C4, "Aring": 0x00C5, "AElig": 0x00C6, "Ccedil": 0x00C7, "Egrave": 0x00C8,
        "Eacute": 0x00C9, "Ecirc": 0x00CA, "Euml": 0x00CB, "Igrave": 0x00CC, "Iacute": 0x00CD, "Icirc": 0x00CE,
        "Iuml": 0x00CF, "ETH": 0x00D0, "Ntilde": 0x00D1, "Ograve": 0x00D2, "Oacute": 0x00D3, "Ocirc": 0x00D4,
        "Otilde": 0x00D5, "Ouml": 0x00D6, "Oslash": 0x00D8, "Ugrave": 0x00D9, "Uacute": 0x00DA, "Ucirc": 0x00DB,
        "Uuml": 0x00DC, "Yacute": 0x00DD, "THORN": 0x00DE, "szlig": 0x00DF, "agrave": 0x00E0, "aacute": 0x00E1,
        "acirc": 0x00E2, "atilde": 0x00E3, "auml": 0x00E4, "aring": 0x00E5, "aelig": 0x00E6, "ccedil": 0x00E7,
        "egrave": 0x00E8, "eacute": 0x00E9, "ecirc": 0x00EA, "euml": 0x00EB, "igrave": 0x00EC, "iacute": 0x00ED,
        "icirc": 0x00EE, "iuml": 0x00EF, "eth": 0x00F0, "ntilde": 0x00F1, "ograve": 0x00F2, "oacute": 0x00F3,
        "ocirc": 0x00F4, "otilde": 0x00F5, "ouml": 0x00F6, "oslash": 0x00F8, "ugrave": 0x00F9, "uacute": 0x00FA,
        "ucirc": 0x00FB, "uuml": 0x00FC, "yacute": 0x00FD, "thorn": 0x00FE, "yuml": 0x00FF, "OElig": 0x0152,
        "oelig": 0x0153, "Scaron": 0x0160, "scaron": 0x0161, "Yuml": 0x0178, "fnof": 0x0192, "circ": 0x02C6,
        "tilde": 0x02DC, "alpha": 0x03B1, "beta": 0x03B2, "gamma": 0x03B3, "delta": 0x03B4, "pi": 0x03C0,
        "sigma": 0x03C3, "omega": 0x03C9, "Omega": 0x03A9, "hearts": 0x2665, "spades": 0x2660, "clubs": 0x2663,
        "diams": 0x2666, "loz": 0x25CA, "check": 0x2713,
    ]

    /// ``named`` by ``key(_:)``.
    static let byKey: [UInt64: UInt32] = Dictionary(
        named.map { (key($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })

    /// A name folded into a number without allocating (case kept): its length and first 7 bytes. Every
    /// name of ``named`` is shorter than 8 bytes, so equal keys mean equal names.
    static func key(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard name.count < 8 else { return 0 }
        var key = UInt64(name.count) << 56
        var shift: UInt64 = 0
        for byte in name {
            key |= UInt64(byte) << shift
            shift &+= 8
        }
        return key
    }

    /// The key of `name`.
    static func key(_ name: String) -> UInt64 { Array(name.utf8).withUnsafeBufferPointer { key($0) } }

    /// The scalar a numeric reference means: the C1 range reads as windows-1252 (`&#150;` is an en dash,
    /// as browsers read it); NUL, surrogates and values past U+10FFFF are U+FFFD.
    static func numeric(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x80...0x9F: UInt32(CharsetTables.windows1252[Int(value - 0x80)])
        case 0, 0xD800...0xDFFF, 0x110000...: 0xFFFD
        default: value
        }
    }
}
