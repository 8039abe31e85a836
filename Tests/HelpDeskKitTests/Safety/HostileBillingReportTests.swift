import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Billing reports after huge settlements (issue #14, point 6.3): sums and balances beyond
/// `Int64` are `.money(.overflow)`, never a trap and never a silently clamped figure.
@Suite("Hostile numbers in billing reports")
struct HostileBillingReportTests {
    @Test func outOfContractRevenuePastInt64MaxIsAnOverflow() async throws {
        let f = try await SafetyFixture.hugeSettlements()
        await #expect(throws: HelpDeskError.money(.overflow)) {
            _ = try await f.desk.outOfContractRevenue(in: SafetyFixture.firstDay, as: .system)
        }
        let ledger = try f.test.store.ledger()
        let accounts = try await f.test.store.billing.billingAccounts()
        #expect(throws: MoneyError.overflow) {
            let range = BillingReports.ledgerRange(SafetyFixture.firstDay)
            _ = try BillingReports.outOfContractRevenue(
                accounts: accounts, transfers: ledger.transfers.filter { range.contains($0.timestamp) })
        }
    }

    @Test func debtorAgeingPastInt64MaxIsAnOverflow() async throws {
        let f = try await SafetyFixture.hugeSettlements()
        await #expect(throws: HelpDeskError.money(.overflow)) {
            _ = try await f.desk.debtorAgeing(at: TestDesk.start.addingTimeInterval(86_400), as: .system)
        }
    }

    @Test func aReceivableStatementPastInt64MaxIsAnOverflow() async throws {
        let f = try await SafetyFixture.hugeSettlements()
        await #expect(throws: HelpDeskError.money(.overflow)) {
            _ = try await f.desk.statement(
                of: f.company.id, in: BillingFixture.rub, role: .receivable, period: SafetyFixture.firstDay, as: .system
            )
        }
        // Before the second settlement the receivable still fitted: the statement up to then works.
        let early = TestDesk.start.addingTimeInterval(-3_600)..<TestDesk.start.addingTimeInterval(30)
        let statement = try #require(
            try await f.desk.statement(
                of: f.company.id, in: BillingFixture.rub, role: .receivable, period: early, as: .system))
        #expect(statement.closing == .max)
    }

    @Test func paidWorkPastInt64MaxIsAnOverflow() async throws {
        let f = try await SafetyFixture.hugeSettlements()
        await #expect(throws: HelpDeskError.money(.overflow)) {
            _ = try await f.desk.reports(as: .system).profitability(
                ReportRequest(period: SafetyFixture.firstDay), by: .company)
        }
    }

    @Test func serviceFeesPastInt64MaxAreAnOverflow() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("A-1")
        try await f.period(contract, -10, 20, fee: .max, invoiced: false)
        try await f.period(contract, 20, 50, fee: .max, invoiced: false)
        await #expect(throws: HelpDeskError.money(.overflow)) {
            _ = try await f.desk.reports(as: .system).profitability(
                ReportRequest(period: ClientFixture.day(-10)..<ClientFixture.day(50)), by: .contract)
        }
        // Half of the second period still fits next to the first one.
        let rows = try await f.desk.reports(as: .system).profitability(
            ReportRequest(period: ClientFixture.day(-10)..<ClientFixture.day(20)), by: .contract)
        #expect(rows.map(\.serviceFees) == [.max])
    }

    @Test func revenueBeyondInt64MaxIsAnOverflowEvenWhenEachPartFits() async throws {
        let f = try await BillingFixture.make(BillingConfiguration(insufficientFunds: .receivable))
        let start = TestDesk.start
        _ = try await f.desk.addServicePeriod(
            to: f.contract.id,
            NewServicePeriod(
                startsAt: start.addingTimeInterval(-3_000), endsAt: start.addingTimeInterval(3_000),
                fee: Money(minorUnits: .max, currency: .rub)), by: .system)
        let ticket = try await f.ticket()
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id,
            NewSpecificationLine(description: "Screw", pricing: .perItem, quantity: 1, price: BillingFixture.rub(1)),
            by: f.anna)
        try await f.desk.settle(ticket.id, by: f.anna)
        await #expect(throws: HelpDeskError.money(.overflow)) {
            _ = try await f.desk.reports(as: .system).profitability(
                ReportRequest(period: SafetyFixture.firstDay), by: .company)
        }
        // The fee alone still fits: the day before the settlement reports it.
        let before = TestDesk.start.addingTimeInterval(-3_600)..<TestDesk.start
        let rows = try await f.desk.reports(as: .system).profitability(ReportRequest(period: before), by: .company)
        #expect(rows.map(\.paidWork) == [0])
    }

    @Test func billingReadsAtFarInstantsAreRejected() async throws {
        let f = try await BillingFixture.make(BillingConfiguration(insufficientFunds: .receivable))
        let ticket = try await f.ticket()
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.cartridge.id, quantity: 1), by: f.anna)
        try await f.desk.settle(ticket.id, by: f.anna)
        for instant in SafetyFixture.hostileInstants {
            await #expect(throws: SafetyFixture.outOfRange("instant")) {
                _ = try await f.desk.debtorAgeing(at: instant, as: .system)
            }
        }
        #expect(try await f.desk.debtorAgeing(at: TestDesk.start, as: .system).map(\.total) == [2_000_00])
        for period in [SafetyFixture.farPast..<TestDesk.start, TestDesk.start..<Date.distantFuture] {
            await #expect(throws: SafetyFixture.outOfRange("period")) {
                _ = try await f.desk.outOfContractRevenue(in: period, as: .system)
            }
            await #expect(throws: SafetyFixture.outOfRange("period")) {
                _ = try await f.desk.statement(
                    of: f.company.id, in: BillingFixture.rub, role: .receivable, period: period, as: .system)
            }
        }
        // The pure report saturates the age instead: a debt seen from beyond any calendar is over 90 days old.
        let ledger = try f.test.store.ledger()
        let range = BillingReports.historyRange(through: SafetyFixture.farFuture)
        let accounts = try await f.test.store.billing.billingAccounts()
        let far = try BillingReports.debtorAgeing(
            at: SafetyFixture.farFuture, accounts: accounts,
            history: Dictionary(uniqueKeysWithValues: accounts.compactMap { account in
                ledger.statement(of: account.id, period: range).map { (account.id, $0) }
            }))
        #expect(far.map(\.over90) == [2_000_00])
    }
}
