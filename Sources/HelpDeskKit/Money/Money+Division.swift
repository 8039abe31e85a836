/// How a division that does not come out even is rounded to whole minor units.
///
/// Rounding is symmetric: it acts on the magnitude, and the sign is applied afterwards, so
/// `-x` always rounds to the negation of `x`.
public enum RoundingRule: String, Hashable, Sendable, Codable, CaseIterable {
    /// Toward zero (truncate).
    case down
    /// Away from zero (any remainder adds one minor unit).
    case up
    /// To the nearest; an exact half goes away from zero (commercial rounding).
    case halfUp
    /// To the nearest; an exact half goes to the even neighbour (banker's rounding).
    case halfEven
}

extension Money {
    /// `self × numerator ÷ denominator`, computed exactly in 128 bits and rounded once by `rule`.
    ///
    /// Multiplying before dividing means no precision is lost to an intermediate per-unit price:
    /// 1 000.00 per hour for 7 minutes is `100_000 × 7 ÷ 60 = 11_666.67` → `11_667` with `.halfUp`.
    /// Throws ``MoneyError/divisionByZero`` or ``MoneyError/overflow`` (result beyond `Int64`).
    public func multiplied(
        by numerator: Int64, dividedBy denominator: Int64, rounding rule: RoundingRule
    ) throws(MoneyError) -> Money {
        guard denominator != 0 else { throw .divisionByZero }
        let negative = ((minorUnits < 0) != (numerator < 0)) != (denominator < 0)
        let divisor = denominator.magnitude
        let product = minorUnits.magnitude.multipliedFullWidth(by: numerator.magnitude)
        guard product.high < divisor else { throw .overflow }
        let division = divisor.dividingFullWidth(product)
        var quotient = division.quotient
        let remainder = division.remainder
        let roundsAway: Bool
        switch rule {
        case .down: roundsAway = false
        case .up: roundsAway = remainder > 0
        case .halfUp: roundsAway = remainder > 0 && remainder >= divisor - remainder
        case .halfEven:
            let rest = divisor - remainder
            roundsAway = remainder > 0 && (remainder > rest || (remainder == rest && quotient & 1 == 1))
        }
        if roundsAway {
            let (next, overflow) = quotient.addingReportingOverflow(1)
            if overflow { throw .overflow }
            quotient = next
        }
        if negative {
            guard quotient <= UInt64(Int64.max) + 1 else { throw .overflow }
            return Money(minorUnits: quotient == UInt64(Int64.max) + 1 ? .min : -Int64(quotient), currency: currency)
        }
        guard quotient <= UInt64(Int64.max) else { throw .overflow }
        return Money(minorUnits: Int64(quotient), currency: currency)
    }
}
