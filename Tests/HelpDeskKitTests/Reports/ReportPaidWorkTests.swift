import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Paid work read from billing settlements, and profitability including it.
@Suite struct ReportPaidWorkTests {
    @Test func settlementsInThePeriodArePaidWorkPerContract() async throws {
        let f = try await BillingFixture.make(BillingConfiguration(insufficientFunds: .receivable))
        let anna = f.anna
        try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(1_000_00), paymentReference: "PAY-1", by: anna)
        // Under the contract: 30 min × 1 500.00/h = 750.00 billable; 2 points (not money); an in-contract cartridge.
        let first = try await f.ticket()
        _ = try await f.desk.addSpecificationLine(
            to: first.id, NewSpecificationLine(itemID: f.hour.id, quantity: 30), by: anna)
        _ = try await f.desk.addSpecificationLine(
            to: first.id, NewSpecificationLine(itemID: f.visit.id, quantity: 1), by: anna)
        _ = try await f.desk.addSpecificationLine(
            to: first.id, NewSpecificationLine(itemID: f.cartridge.id, quantity: 1, coverage: .inContract), by: anna)
        f.test.clock.advance(by: 3_600)
        _ = try await f.desk.changeStatus(first.id, to: .resolved, by: anna)
        // A client without a contract and without money: 2 000.00, all posted as owed.
        let walkIn = try await f.desk.addCompany(NewCompany(name: "Walk-in"), by: .system)
        let second = try await f.desk.createTicket(
            NewTicket(title: "Toner", channel: .email, requester: .freeText("Olga"), companyID: walkIn.id), by: anna)
        _ = try await f.desk.addSpecificationLine(
            to: second.id, NewSpecificationLine(itemID: f.cartridge.id, quantity: 1), by: anna)
        f.test.clock.advance(by: 3_600)
        _ = try await f.desk.changeStatus(second.id, to: .resolved, by: anna)
        let end = f.test.clock.now.addingTimeInterval(1)
        // After the period: not counted.
        let third = try await f.ticket("Later")
        _ = try await f.desk.addSpecificationLine(
            to: third.id, NewSpecificationLine(itemID: f.hour.id, quantity: 60), by: anna)
        f.test.clock.advance(by: 3_600)
        _ = try await f.desk.changeStatus(third.id, to: .resolved, by: anna)

        let period = TestDesk.start.addingTimeInterval(-60)..<end
        let secondContract = try #require(try await f.desk.specification(of: second.id, as: .system)).contractID
        #expect(secondContract == nil)
        let engine = ReportEngine(store: f.test.store, configuration: f.desk.configuration)
        let paid = try await engine.billingPaidWork.paidWork(in: period)
        let rub = CurrencyCode("RUB")!
        let expected = [
            PaidWorkRevenue(companyID: walkIn.id, contractID: nil, amount: Money(minorUnits: 2_000_00, currency: rub)),
            PaidWorkRevenue(
                companyID: f.company.id, contractID: f.contract.id, amount: Money(minorUnits: 750_00, currency: rub)),
        ].sorted { $0.companyID < $1.companyID }
        #expect(paid == expected)
        // The same money as billing's own revenue report (which also lists the points).
        let revenue: [ClientRevenue] = try await f.desk.outOfContractRevenue(in: period, as: .system)
        #expect(revenue.filter { $0.unit == BillingFixture.rub }.map { $0.amount }.reduce(0, +) == 2_750_00)

        // Profitability reads the ledger by default.
        let request = ReportRequest(period: period)
        let byContract = try await engine.profitability(request, by: .contract)
        let paidByContract: [String: Int64] = Dictionary(
            uniqueKeysWithValues: byContract.map { ($0.key.value ?? "-", $0.paidWork) })
        let expectedByContract: [String: Int64] = ["-": 2_000_00, f.contract.id.description: 750_00]
        #expect(paidByContract == expectedByContract && byContract.allSatisfy { $0.currency == "RUB" })
        let byCompany = try await engine.profitability(request, by: .company)
        #expect(
            Set(byCompany.map { $0.paidWork }) == [2_000_00, 750_00] && byCompany.allSatisfy { !$0.isUnprofitable })
        // The contract filter applies to paid work; an explicit source replaces the ledger.
        let filtered = ReportRequest(period: period, filter: ReportFilter(contractIDs: [f.contract.id]))
        let filteredRows = try await engine.profitability(filtered, by: .contract)
        #expect(filteredRows.map { $0.paidWork } == [750_00])
        #expect(try await engine.profitability(request, by: .company, paidWork: FixedPaidWork(amounts: [])).isEmpty)
    }
}
