import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Money where the amount is money, balances as amounts, and the labor item named by its code.
@Suite("Billing API: money amounts, balances, the labor item by code")
struct BillingAPITests {
    @Test func aTopUpInMoneyIsTheSameCommandAsInPrice() async throws {
        let f = try await BillingFixture.make()
        let money = Money(minorUnits: 5_000_00, currency: .rub)
        let key = IdempotencyKey("pay-1")
        let first = try await f.desk.topUp(
            f.company.id, amount: money, paymentReference: "PP-1", by: f.anna, idempotencyKey: key)
        let again = try await f.desk.topUp(
            f.company.id, amount: Price(money), paymentReference: "PP-1", by: f.anna, idempotencyKey: key)
        #expect(first == again, "the Money overload is the Price command: one idempotency fingerprint")
        let balance = try #require(
            try await f.desk.clientBalance(of: f.company.id, in: BillingFixture.rub, as: .system))
        #expect(balance.price == Price(money))
        try await f.desk.adjustBalance(
            f.company.id, by: Money(minorUnits: -1_000_00, currency: .rub), reason: "Refund", by: f.anna)
        #expect(
            try await f.desk.clientBalance(of: f.company.id, in: BillingFixture.rub, as: .system)?.price
                == BillingFixture.rub(4_000_00))
        #expect(
            try await f.desk.clientBalance(of: f.company.id, in: BillingFixture.points, as: .system) == nil,
            "never opened")
        #expect(
            try await f.desk.clientBalance(of: f.company.id, in: BillingFixture.rub, role: .receivable, as: .system)
                == nil)
    }

    @Test func aReceivableIsWhatTheClientOwes() async throws {
        let f = try await BillingFixture.make(BillingConfiguration(insufficientFunds: .receivable))
        let ticket = try await f.ticket()
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.cartridge.id, quantity: 1), by: f.anna)
        _ = try await f.desk.settle(ticket.id, by: f.anna)
        let owed = try await f.desk.clientBalance(
            of: f.company.id, in: BillingFixture.rub, role: .receivable, as: .system)
        #expect(owed?.price == BillingFixture.rub(2_000_00))
    }

    @Test func theLaborItemIsTheOneWithTheCodeValidNow() async throws {
        let f = try await BillingFixture.make(BillingConfiguration(laborItemCode: "ENG-HOUR"))
        // The old price ends tomorrow; a new item with the same code starts then.
        let tomorrow = TestDesk.start.addingTimeInterval(86_400)
        let overlapping = NewPriceListItem(
            code: "ENG-HOUR", name: "Engineer hour 2027", kind: .work, pricing: .perHour,
            price: BillingFixture.rub(1_800_00), validFrom: tomorrow)
        await #expect(throws: HelpDeskError.duplicateName("ENG-HOUR")) {
            try await f.desk.addPriceListItem(overlapping, by: .system)
        }
        let ticket = try await f.ticket()
        _ = try await f.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 60), by: f.anna)
        let specification = try await f.desk.specifyBillableTime(of: ticket.id, by: f.anna)
        #expect(specification.lines.map(\.itemID) == [f.hour.id])
    }

    @Test func anUnknownLaborCodeIsNamed() async throws {
        let f = try await BillingFixture.make(BillingConfiguration(laborItemCode: "NO-SUCH"))
        let ticket = try await f.ticket()
        _ = try await f.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 60), by: f.anna)
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.priceListCodeNotFound("NO-SUCH")) {
            try await f.desk.specifyBillableTime(of: ticket.id, by: f.anna)
        }
        #expect(try await f.test.snapshot() == before)
    }
}
