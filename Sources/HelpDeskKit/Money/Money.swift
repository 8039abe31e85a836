/// An amount of money: whole minor units (kopecks, cents) of one currency. Never floating point.
///
/// Every operation that could overflow or mix currencies throws ``MoneyError`` instead of
/// wrapping or converting.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The amount in minor units of `currency` (e.g. 150_050 RUB = 1 500.50 roubles).
    public let minorUnits: Int64
    /// The currency.
    public let currency: CurrencyCode

    /// Creates an amount of `minorUnits` in `currency`.
    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Nothing, in `currency`.
    public static func zero(_ currency: CurrencyCode) -> Money { Money(minorUnits: 0, currency: currency) }

    /// `true` below zero.
    public var isNegative: Bool { minorUnits < 0 }

    /// The sum; throws on a currency mismatch or overflow.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow }
        return Money(minorUnits: sum, currency: currency)
    }

    /// The difference; throws on a currency mismatch or overflow.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow }
        return Money(minorUnits: difference, currency: currency)
    }

    /// The amount times a whole `factor`; throws on overflow.
    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        if overflow { throw .overflow }
        return Money(minorUnits: product, currency: currency)
    }

    /// The total of `amounts` in `currency` (zero when empty); throws on a mismatch or overflow.
    public static func sum(_ amounts: some Sequence<Money>, currency: CurrencyCode) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    private func requireSameCurrency(_ other: Money) throws(MoneyError) {
        if other.currency != currency { throw .currencyMismatch(currency, other.currency) }
    }

    /// Decimal text with the currency's minor-unit digits, e.g. `1500.50 RUB`, `-0.05 USD`.
    public var description: String {
        let digits = currency.minorUnitDigits
        let magnitude = minorUnits.magnitude
        let sign = minorUnits < 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(magnitude) \(currency)" }
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let fraction = String(magnitude % scale)
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return "\(sign)\(magnitude / scale).\(padded) \(currency)"
    }
}
