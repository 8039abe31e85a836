/// Why a money computation was refused; arithmetic never wraps or mixes currencies silently.
public enum MoneyError: Error, Hashable, Sendable {
    /// The result does not fit in 64-bit minor units.
    case overflow
    /// The operands are in different currencies.
    case currencyMismatch(CurrencyCode, CurrencyCode)
    /// A division by zero was requested.
    case divisionByZero
}
