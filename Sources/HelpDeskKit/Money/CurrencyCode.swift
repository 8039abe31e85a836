/// An ISO 4217 alphabetic currency code, e.g. `RUB`, `USD`: three upper-case ASCII letters.
///
/// There is deliberately no string-literal form: a literal such as `"rub"` could only be refused
/// by trapping, and nothing in HelpDeskKit traps on input. Use a constant (``rub``, ``usd``, …) or
/// the failable ``init(_:)`` and handle `nil`.
public struct CurrencyCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The three-letter code.
    public let rawValue: String

    /// Accepts exactly three upper-case ASCII letters; `nil` otherwise.
    public init?(_ code: String) {
        let bytes = Array(code.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
            return nil
        }
        rawValue = code
    }

    /// Russian rouble (minor unit: kopeck).
    public static let rub = CurrencyCode(unchecked: "RUB")
    /// US dollar (minor unit: cent).
    public static let usd = CurrencyCode(unchecked: "USD")
    /// Euro (minor unit: cent).
    public static let eur = CurrencyCode(unchecked: "EUR")
    /// Pound sterling (minor unit: penny).
    public static let gbp = CurrencyCode(unchecked: "GBP")
    /// Chinese yuan (minor unit: fen).
    public static let cny = CurrencyCode(unchecked: "CNY")
    /// Kazakhstani tenge (minor unit: tiyn).
    public static let kzt = CurrencyCode(unchecked: "KZT")
    /// Belarusian rouble (minor unit: kopeck).
    public static let byn = CurrencyCode(unchecked: "BYN")
    /// Japanese yen (no minor unit).
    public static let jpy = CurrencyCode(unchecked: "JPY")

    private init(unchecked code: String) {
        rawValue = code
    }

    /// Digits after the decimal point of the currency's minor unit (ISO 4217): 0, 2 or 3.
    ///
    /// Only used to format amounts; arithmetic never depends on it.
    public var minorUnitDigits: Int {
        switch rawValue {
        case "JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG": 0
        case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND": 3
        default: 2
        }
    }

    /// Orders codes alphabetically.
    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CurrencyCode(text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a currency code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
