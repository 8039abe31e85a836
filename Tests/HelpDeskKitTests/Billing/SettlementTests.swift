import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Specifications and settlement")
struct SettlementTests {
    @Test func hourlyLinesRoundOnceAndTotalsArePerUnit() async throws {
        let f = try await BillingFixture.make()
        let ticket = try await f.ticket()
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.hour.id, quantity: 7), by: f.anna)
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.cartridge.id, quantity: 2, coverage: .inContract), by: f.anna)
        let spec = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.visit.id, quantity: 1), by: f.anna)
        #expect(spec.version == 3)
        // 1 500.00 × 7 ÷ 60 = 175.00 exactly; 2 points fixed.
        #expect(try spec.totals(.billable) == [BillingFixture.rub(175_00), .prepaid(2, "points")])
        #expect(try spec.totals(.inContract) == [BillingFixture.rub(4_000_00)])
        let odd = SpecificationLine(
            id: Identifier(UUID()), itemID: nil, description: "x", pricing: .perHour, quantity: 7,
            unitPrice: BillingFixture.rub(1_000_00), coverage: .billable, rounding: .halfUp)
        #expect(try odd.total() == BillingFixture.rub(11_667))  // 11 666.67 → half up
        var down = odd
        down.rounding = .down
        #expect(try down.total() == BillingFixture.rub(11_666))
    }

    @Test func resolvingDebitsTheWalletInTheSameUnitAndOnlyOnce() async throws {
        let f = try await BillingFixture.make()
        try await f.desk.topUp(
            f.company.id, amount: BillingFixture.rub(1_000_00), paymentReference: "PAY-1", by: f.anna)
        try await f.desk.topUp(
            f.company.id, amount: BillingFixture.rub(1_000_00), paymentReference: "PAY-1", by: f.anna)
        try await f.desk.topUp(f.company.id, amount: .prepaid(5, "points"), paymentReference: "PTS-1", by: f.anna)
        #expect(try await f.wallet() == 1_000_00)
        let ticket = try await f.ticket()
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.hour.id, quantity: 30), by: f.anna)
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.visit.id, quantity: 1), by: f.anna)
        let resolved = try await f.desk.changeStatus(ticket.id, to: .resolved, by: f.anna)
        #expect(try await f.wallet() == 250_00)
        #expect(try await f.wallet(BillingFixture.points) == 3)
        let spec = try #require(try await f.desk.specification(of: ticket.id, as: .system))
        #expect(spec.settlement?.version == 2)
        #expect(spec.settlement?.charged == [BillingFixture.rub(750_00), .prepaid(2, "points")])
        #expect(spec.version == 3)
        // The ledger transfer is stamped with the status change's instant.
        let ledger = try f.test.store.ledger()
        let settlement = try #require(ledger.transfer(spec.settlement!.transferIDs[0]))
        #expect(settlement.timestamp.date.timeIntervalSince(resolved.resolvedAt!) < 0.001)
        // Reopen and resolve again: nothing more is charged; editing is refused.
        _ = try await f.desk.changeStatus(ticket.id, to: .inProgress, by: f.anna)
        _ = try await f.desk.changeStatus(ticket.id, to: .resolved, by: f.anna)
        #expect(try await f.wallet() == 250_00)
        await #expect(throws: HelpDeskError.specificationSettled(ticket.number, version: 2)) {
            _ = try await f.desk.addSpecificationLine(
                to: ticket.id, NewSpecificationLine(itemID: f.hour.id, quantity: 1), by: f.anna)
        }
        await #expect(throws: HelpDeskError.alreadySettled(ticket.number, version: 2)) {
            try await f.desk.settle(ticket.id, by: f.anna)
        }
    }

    @Test func insufficientFundsFollowThePolicy() async throws {
        // Reject: the status change itself is refused and nothing changes.
        let strict = try await BillingFixture.make()
        try await strict.desk.topUp(
            strict.company.id, amount: BillingFixture.rub(100_00), paymentReference: "P", by: strict.anna)
        let a = try await strict.ticket()
        let spec = try await strict.desk.addSpecificationLine(
            to: a.id, NewSpecificationLine(itemID: strict.cartridge.id, quantity: 1), by: strict.anna)
        let before = try await strict.test.snapshot()
        do {
            _ = try await strict.desk.changeStatus(a.id, to: .resolved, by: strict.anna)
            Issue.record("resolving without funds succeeded")
        } catch {
            guard case .ledger(.transferFailed(0, _, .exceedsCredits(let account))) = error.reason else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(account == strict.walletID())
        }
        #expect(try await strict.test.snapshot() == before)
        #expect(spec.settlement == nil)

        // Overdraft: the wallet may go 3 000.00 negative.
        let lenient = try await BillingFixture.make(
            BillingConfiguration(insufficientFunds: .overdraft(limit: 3_000_00)))
        let b = try await lenient.ticket()
        _ = try await lenient.desk.addSpecificationLine(
            to: b.id, NewSpecificationLine(itemID: lenient.cartridge.id, quantity: 1), by: lenient.anna)
        _ = try await lenient.desk.changeStatus(b.id, to: .resolved, by: lenient.anna)
        #expect(try await lenient.wallet() == -2_000_00)

        // Receivable: what the wallet holds is debited, the rest is owed.
        let owing = try await BillingFixture.make(
            BillingConfiguration(settleOn: .closed, insufficientFunds: .receivable))
        try await owing.desk.topUp(
            owing.company.id, amount: BillingFixture.rub(500_00), paymentReference: "P", by: owing.anna)
        let c = try await owing.ticket()
        _ = try await owing.desk.addSpecificationLine(
            to: c.id, NewSpecificationLine(itemID: owing.cartridge.id, quantity: 1), by: owing.anna)
        _ = try await owing.desk.changeStatus(c.id, to: .resolved, by: owing.anna)
        #expect(try await owing.desk.specification(of: c.id, as: .system)?.isSettled == false)
        _ = try await owing.desk.changeStatus(c.id, to: .closed, by: owing.anna)
        #expect(try await owing.wallet() == 0)
        let owed = try await owing.desk.balance(
            of: owing.company.id, in: BillingFixture.rub, role: .receivable, as: .system)
        #expect(owed?.postedDebitsMinusCredits == 1_500_00)
        let ageing = try await owing.desk.debtorAgeing(at: TestDesk.start.addingTimeInterval(86_400 * 45), as: .system)
        #expect(ageing.map(\.companyID) == [owing.company.id])
        #expect(ageing.map { [$0.upTo30, $0.upTo60, $0.upTo90, $0.over90] } == [[0, 1_500_00, 0, 0]])
        let revenue = try await owing.desk.outOfContractRevenue(
            in: TestDesk.start..<TestDesk.start.addingTimeInterval(3_600), as: .system)
        #expect(revenue.map(\.companyID) == [owing.company.id])
        #expect(revenue.map(\.amount) == [2_000_00])
        #expect(revenue.map(\.transfers) == [2])
    }

    @Test func billableTimeBecomesHourlyLinesThroughTheLaborHook() async throws {
        let f = try await BillingFixture.make(BillingConfiguration(laborItemCode: "ENG-HOUR"))
        try await f.desk.setContractPrice(
            f.contract.id, item: f.hour.id, price: BillingFixture.rub(1_200_00), by: .system)
        try await f.desk.setEmployeeRate(
            f.test.boris.id, validFrom: LaborFixtures.monday, hourlyCost: Money(minorUnits: 500_00, currency: .rub),
            hourlyBilling: Money(minorUnits: 1_800_00, currency: .rub), by: .system)
        let ticket = try await f.ticket()
        _ = try await f.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 20, billable: true),
            by: .employee(f.test.anna.id)
        )
        _ = try await f.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 50, billable: true),
            by: .employee(f.test.boris.id))
        _ = try await f.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 10, billable: false),
            by: .employee(f.test.boris.id))
        let spec = try await f.desk.specifyBillableTime(of: ticket.id, by: f.anna)
        let again = try await f.desk.specifyBillableTime(of: ticket.id, by: f.anna)
        #expect(spec == again)
        #expect(spec.lines.map(\.quantity).sorted() == [20, 50])
        // Anna has no rate: the contract's 1 200.00; Boris bills 1 800.00 per hour.
        #expect(Set(spec.lines.map(\.unitPrice)) == [BillingFixture.rub(1_200_00), BillingFixture.rub(1_800_00)])
        #expect(try spec.totals(.billable) == [BillingFixture.rub(400_00 + 1_500_00)])
    }
}
