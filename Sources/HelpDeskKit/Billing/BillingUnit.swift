import DoubleEntry

/// Identifies a price-list item (a work or a service).
public typealias PriceListItemID = Identifier<PriceListItem>
/// Identifies one line of a ticket specification.
public typealias SpecificationLineID = Identifier<SpecificationLine>

/// What an account is kept in and a price is quoted in: money of a currency, or prepaid units.
public enum BillingUnit: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Minor units of a currency (kopecks, cents).
    case money(CurrencyCode)
    /// Prepaid units of a named kind, e.g. `points` or `hours` (hundredths for hours are up to the host).
    case prepaid(String)

    /// The ledger unit: the currency code, or `prepaid:<name>`.
    public var ledgerUnit: LedgerUnit {
        switch self {
        case .money(let currency): LedgerUnit(currency.rawValue)
        case .prepaid(let name): LedgerUnit("prepaid:" + name)
        }
    }

    /// The currency code, or `prepaid:<name>`.
    public var description: String { ledgerUnit.code }

    /// Orders units by their ledger code.
    public static func < (lhs: BillingUnit, rhs: BillingUnit) -> Bool { lhs.description < rhs.description }
}

/// An amount in a ``BillingUnit``: integer minor units, never floating point.
public struct Price: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Minor units of `unit`.
    public var minorUnits: Int64
    /// The unit.
    public var unit: BillingUnit

    /// Creates an amount of `minorUnits` in `unit`.
    public init(minorUnits: Int64, unit: BillingUnit) {
        self.minorUnits = minorUnits
        self.unit = unit
    }

    /// The same amount as a price in money.
    public init(_ money: Money) {
        self.init(minorUnits: money.minorUnits, unit: .money(money.currency))
    }

    /// `amount` prepaid units of kind `name`.
    public static func prepaid(_ amount: Int64, _ name: String) -> Price {
        Price(minorUnits: amount, unit: .prepaid(name))
    }

    /// The amount as ``Money`` when the unit is a currency.
    public var money: Money? {
        if case .money(let currency) = unit { Money(minorUnits: minorUnits, currency: currency) } else { nil }
    }

    /// `self × numerator ÷ denominator`, exact in 128 bits and rounded once by `rule`.
    public func multiplied(by numerator: Int64, dividedBy denominator: Int64, rounding rule: RoundingRule)
        throws(MoneyError) -> Price
    {
        // Prepaid units ride on Money's exact arithmetic with the ISO "no currency" code XXX.
        let carrier = Money(minorUnits: minorUnits, currency: money?.currency ?? CurrencyCode("XXX")!)
        let result = try carrier.multiplied(by: numerator, dividedBy: denominator, rounding: rule)
        return Price(minorUnits: result.minorUnits, unit: unit)
    }

    /// The sum; throws ``MoneyError/overflow`` (callers group by unit first).
    public func adding(_ other: Price) throws(MoneyError) -> Price {
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow }
        return Price(minorUnits: sum, unit: unit)
    }

    /// `123.45 RUB` for money, `12 prepaid:hours` for prepaid units.
    public var description: String { money?.description ?? "\(minorUnits) \(unit)" }
}
