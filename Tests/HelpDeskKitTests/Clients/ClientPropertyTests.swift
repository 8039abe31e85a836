import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Client directory properties on seeded random data")
struct ClientPropertyTests {
    /// Random periods (whole hours, so touching ends are common) against a list of accepted
    /// intervals: a period is accepted exactly when it overlaps none, and the refusal names the
    /// earliest-starting period it overlaps.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func servicePeriodsAreAcceptedExactlyWhenTheyOverlapNothing(_ seed: UInt64) async throws {
        let f = try await ClientFixture.make(seed: seed)
        let contract = try await f.contract("R-1")
        var random = SplitMix64(seed: seed)
        var accepted: [ServicePeriod] = []
        let hour = 3_600.0
        var refusals = 0
        for _ in 0..<250 {
            let start = TestDesk.start.addingTimeInterval(Double(random.next() % 2_000) * hour)
            let end = start.addingTimeInterval((Double(random.next() % 120) - 4) * hour)
            let request = NewServicePeriod(
                startsAt: start, endsAt: end, fee: ClientFixture.rub(Int64(random.next() % 100_000)))
            let expectedError: HelpDeskError?
            if end <= start {
                expectedError = .invalidInput(field: "endsAt", problem: .notAfterStart)
            } else if let clash = accepted.first(where: { start < $0.endsAt && $0.startsAt < end }) {
                expectedError = .overlappingServicePeriod(clash.id)
            } else {
                expectedError = nil
            }
            do {
                let period = try await f.desk.addServicePeriod(to: contract.id, request, by: .system)
                #expect(expectedError == nil, "accepted \(start)–\(end), expected \(String(describing: expectedError))")
                accepted = (accepted + [period]).sorted { $0.startsAt < $1.startsAt }
            } catch {
                refusals += 1
                #expect(error == expectedError)
            }
        }
        #expect(try await f.desk.contract(contract.id, as: .system).periods == accepted)
        #expect(refusals > 20 && accepted.count > 20, "the walk exercises both outcomes")
    }

    /// Random contracts, periods, fees in two currencies, payments and due dates: `debtors(at:)`
    /// equals a brute-force sum over every invoiced, unpaid, due period at random instants.
    @Test(arguments: [7, 8] as [UInt64])
    func debtorTotalsEqualABruteForceSum(_ seed: UInt64) async throws {
        let f = try await ClientFixture.make(seed: seed)
        let gamma = try await f.desk.addCompany(NewCompany(name: "Gamma"), by: .system)
        let companies = [f.alpha, f.beta, gamma]
        var random = SplitMix64(seed: seed)
        var contracts: [Contract] = []
        for index in 0..<9 {
            let company = companies[Int(random.next() % 3)]
            let contract = try await f.contract("C-\(index)", of: company.id, from: -400)
            var day = -360.0 + Double(random.next() % 30)
            for _ in 0..<(1 + random.next() % 8) {
                let length = Double(10 + random.next() % 40)
                let currency: CurrencyCode = random.next() % 3 == 0 ? .eur : .rub
                let period = try await f.desk.addServicePeriod(
                    to: contract.id,
                    NewServicePeriod(
                        startsAt: ClientFixture.day(day), endsAt: ClientFixture.day(day + length),
                        fee: Money(minorUnits: Int64(random.next() % 10_000_000), currency: currency),
                        paymentDueAt: random.next() % 2 == 0 ? nil : ClientFixture.day(day + Double(random.next() % 20))
                    ), by: .system)
                if random.next() % 3 != 0 {
                    let invoiced = day + Double(random.next() % 40)
                    f.clock.set(to: ClientFixture.day(invoiced))
                    _ = try await f.desk.markServicePeriodInvoiced(period.id, of: contract.id, by: .system)
                    if random.next() % 2 == 0 {
                        f.clock.set(to: ClientFixture.day(invoiced + Double(random.next() % 60)))
                        _ = try await f.desk.markServicePeriodPaid(period.id, of: contract.id, by: .system)
                    }
                }
                day += length + Double(random.next() % 5)
            }
            contracts.append(try await f.desk.contract(contract.id, as: .system))
        }
        for _ in 0..<40 {
            let instant = ClientFixture.day(-380 + Double(random.next() % 400 * 24) / 24)
            var expected: [CompanyID: [CurrencyCode: Int64]] = [:]
            var maximumDays: [CompanyID: Int] = [:]
            for contract in contracts {
                // A debt: invoiced (a ledger receivable) by then, not paid by then, due by then.
                for period in contract.periods
                where period.fee.minorUnits > 0 && period.invoicedAt.map({ $0 <= instant }) == true
                    && period.paidAt.map({ $0 <= instant }) != true
                    && instant >= (period.paymentDueAt ?? period.startsAt)
                {
                    expected[contract.companyID, default: [:]][period.fee.currency, default: 0] += period.fee.minorUnits
                    let days = Int(instant.timeIntervalSince(period.paymentDueAt ?? period.startsAt) / 86_400)
                    maximumDays[contract.companyID] = max(maximumDays[contract.companyID] ?? 0, days)
                }
            }
            let debtors = try await f.desk.debtors(at: instant, as: .system)
            #expect(Set(debtors.map(\.company.id)) == Set(expected.keys))
            for debtor in debtors {
                let sums = expected[debtor.company.id] ?? [:]
                #expect(debtor.totals == sums.keys.sorted().map { Money(minorUnits: sums[$0]!, currency: $0) })
                #expect(debtor.maximumDaysOverdue == maximumDays[debtor.company.id])
                #expect(debtor.debts.map(\.daysOverdue) == debtor.debts.map(\.daysOverdue).sorted(by: >))
            }
            let order = debtors.map { (-$0.maximumDaysOverdue, $0.company.name) }
            #expect(zip(order, order.dropFirst()).allSatisfy { $0 <= $1 }, "most days overdue first, then by name")
        }
    }
}
