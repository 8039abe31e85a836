import Foundation
import HelpDeskKit
import Testing

@Suite("Money: integer minor units, checked arithmetic")
struct MoneyTests {
    /// The exact reference: 128-bit product, truncating division, then the rule on the remainder.
    static func reference(_ amount: Int64, _ numerator: Int64, _ denominator: Int64, _ rule: RoundingRule) -> Int128 {
        let product = Int128(amount) * Int128(numerator)
        var quotient = product / Int128(denominator)
        let remainder = (product % Int128(denominator)).magnitude
        let divisor = Int128(denominator).magnitude
        let away: Bool
        switch rule {
        case .down: away = false
        case .up: away = remainder > 0
        case .halfUp: away = remainder > 0 && 2 * remainder >= divisor
        case .halfEven: away = 2 * remainder > divisor || (2 * remainder == divisor && remainder > 0 && quotient.magnitude % 2 == 1)
        }
        if away { quotient += (product < 0) != (denominator < 0) ? -1 : 1 }
        return quotient
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func divisionMatchesTheExactReference(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        func draw() -> Int64 {
            switch random.next() % 4 {
            case 0: Int64.random(in: -100...100, using: &random)
            case 1: Int64.random(in: -10_000_000...10_000_000, using: &random)
            case 2: Int64(bitPattern: random.next())
            default: [Int64.max, Int64.min, Int64.max - 1, Int64.min + 1, 0, 1, -1].randomElement(using: &random)!
            }
        }
        for _ in 0..<2_000 {
            let amount = draw()
            let numerator = draw()
            var denominator = draw()
            if denominator == 0 { denominator = 60 }
            let rule = RoundingRule.allCases.randomElement(using: &random)!
            let expected = Self.reference(amount, numerator, denominator, rule)
            let money = Money(minorUnits: amount, currency: .rub)
            if expected > Int128(Int64.max) || expected < Int128(Int64.min) {
                #expect(throws: MoneyError.overflow) { try money.multiplied(by: numerator, dividedBy: denominator, rounding: rule) }
            } else {
                let result = try money.multiplied(by: numerator, dividedBy: denominator, rounding: rule)
                #expect(Int128(result.minorUnits) == expected, "\(amount) × \(numerator) ÷ \(denominator) \(rule)")
            }
        }
    }

    @Test func roundingRulesOnHalvesAndSigns() throws {
        func run(_ amount: Int64, _ rule: RoundingRule) throws -> Int64 {
            try Money(minorUnits: amount, currency: .usd).multiplied(by: 1, dividedBy: 2, rounding: rule).minorUnits
        }
        #expect(try [5, -5, 7, -7].map { try run($0, .halfUp) } == [3, -3, 4, -4])
        #expect(try [5, -5, 7, -7].map { try run($0, .halfEven) } == [2, -2, 4, -4])
        #expect(try [5, -5].map { try run($0, .down) } == [2, -2])
        #expect(try [5, -5].map { try run($0, .up) } == [3, -3])
        #expect(throws: MoneyError.divisionByZero) { try Money.zero(.usd).multiplied(by: 1, dividedBy: 0, rounding: .up) }
    }

    @Test func additionChecksCurrencyAndOverflow() throws {
        let rub = Money(minorUnits: 150, currency: .rub)
        #expect(try rub.adding(rub) == Money(minorUnits: 300, currency: .rub))
        #expect(try rub.subtracting(Money(minorUnits: 200, currency: .rub)).minorUnits == -50)
        #expect(throws: MoneyError.currencyMismatch(.rub, .usd)) { try rub.adding(Money(minorUnits: 1, currency: .usd)) }
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .max, currency: .rub).adding(Money(minorUnits: 1, currency: .rub)) }
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .min, currency: .rub).subtracting(rub) }
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .max / 2 + 1, currency: .rub).multiplied(by: 2) }
        #expect(try Money.sum([rub, rub, rub], currency: .rub).minorUnits == 450)
        #expect(try Money.sum([], currency: .eur) == .zero(.eur))
    }

    @Test func currencyCodesAndText() throws {
        #expect(CurrencyCode("RUB") == .rub)
        #expect(CurrencyCode("rub") == nil)
        #expect(CurrencyCode("RUBL") == nil)
        #expect(CurrencyCode("R1B") == nil)
        #expect(Money(minorUnits: 150_050, currency: .rub).description == "1500.50 RUB")
        #expect(Money(minorUnits: -5, currency: .usd).description == "-0.05 USD")
        #expect(Money(minorUnits: 1_234, currency: CurrencyCode("JPY")!).description == "1234 JPY")
        #expect(Money(minorUnits: 1_234, currency: CurrencyCode("KWD")!).description == "1.234 KWD")
        let data = try JSONEncoder().encode(Money(minorUnits: 42, currency: .eur))
        #expect(try JSONDecoder().decode(Money.self, from: data) == Money(minorUnits: 42, currency: .eur))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CurrencyCode.self, from: Data("\"eu\"".utf8))
        }
    }
}
