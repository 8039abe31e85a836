import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Periods, debtors, statements and persistence of billing")
struct LedgerReadTests {
    static let day: TimeInterval = 86_400

    @Test func invoicedPeriodsMakeDebtorsFromTheLedgerUntilPaid() async throws {
        let f = try await BillingFixture.make()
        let start = TestDesk.start
        let period = try await f.desk.addServicePeriod(
            to: f.contract.id,
            NewServicePeriod(
                startsAt: start.addingTimeInterval(-Self.day * 10), endsAt: start.addingTimeInterval(Self.day * 20),
                fee: Money(minorUnits: 30_000_00, currency: .rub), paymentDueAt: start.addingTimeInterval(-Self.day * 5)
            ), by: .system)
        // Overdue by date, but not invoiced: the ledger holds no receivable, so no debt.
        #expect(try await f.desk.debtors(at: start, as: .system).isEmpty)
        let invoiced = try await f.desk.markServicePeriodInvoiced(period.id, of: f.contract.id, by: .system)
        #expect(invoiced.invoicedAt == start)
        let debtors = try await f.desk.debtors(at: start, as: .system)
        #expect(debtors.map(\.company.id) == [f.company.id])
        #expect(debtors.first?.totals == [Money(minorUnits: 30_000_00, currency: .rub)])
        #expect(debtors.first?.debts.first?.daysOverdue == 5)
        let hints = try await f.desk.registrationHints(
            contact: try await f.desk.addContact(
                NewContact(companyID: f.company.id, name: "Olga", email: "olga@client.example"), by: .system
            ).id, as: .system)
        #expect(hints.isDebtor)
        #expect(hints.balances.map(\.amount) == [30_000_00])
        #expect(hints.balances.map(\.account.role) == [.receivable])
        // Invoicing twice posts nothing more.
        _ = try await f.desk.markServicePeriodInvoiced(period.id, of: f.contract.id, by: .system)
        #expect(
            try await f.desk.balance(of: f.company.id, in: BillingFixture.rub, role: .receivable, as: .system)?
                .debitsPosted == 30_000_00)
        f.test.clock.advance(by: 3_600)
        let paid = try await f.desk.markServicePeriodPaid(period.id, of: f.contract.id, by: .system)
        #expect(paid.paymentStatus(at: f.test.clock.now) == .paid)
        #expect(try await f.desk.debtors(at: f.test.clock.now, as: .system).isEmpty)
        // …but as of the earlier instant the client still owed it: history is immutable.
        #expect(try await f.desk.debtors(at: start, as: .system).count == 1)
        #expect(try await f.desk.debtorAgeing(at: f.test.clock.now, as: .system).isEmpty)
    }

    @Test func statementsShowOpeningEveryMovementAndClosing() async throws {
        let f = try await BillingFixture.make()
        let start = TestDesk.start
        try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(1_000_00), paymentReference: "P-1", by: f.anna)
        f.test.clock.advance(by: Self.day)
        try await f.desk.adjustBalance(
            f.company.id, by: BillingFixture.rub(-150_00), reason: "Goodwill reversal", by: f.anna)
        f.test.clock.advance(by: Self.day)
        try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(500_00), paymentReference: "P-2", by: f.anna)
        let statement = try #require(
            try await f.desk.statement(
                of: f.company.id, in: BillingFixture.rub,
                period: start.addingTimeInterval(1)..<start.addingTimeInterval(Self.day * 3), as: .system))
        #expect(statement.opening == 1_000_00)
        #expect(statement.lines.map(\.change) == [-150_00, 500_00])
        #expect(statement.lines.map(\.code) == [.adjustmentDebit, .topUp])
        #expect(statement.closing == 1_350_00)
        #expect(statement.opening + statement.lines.map(\.change).reduce(0, +) == statement.closing)
        let notes = try await f.test.store.billing.transferNotes(statement.lines.map(\.transferID))
        #expect(notes.map(\.text) == ["Goodwill reversal", "P-2"])
        #expect(
            try await f.desk.statement(of: f.company.id, in: BillingFixture.points, period: start..<start, as: .system)
                == nil)
    }

    @Test func billingSurvivesTheStoreImageAndUnitsRoundTripAsJSON() async throws {
        let f = try await BillingFixture.make(BillingConfiguration(insufficientFunds: .receivable))
        try await f.desk.topUp(f.company.id, amount: .prepaid(10, "points"), paymentReference: "PTS", by: f.anna)
        let ticket = try await f.ticket()
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.cartridge.id, quantity: 1), by: f.anna)
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.visit.id, quantity: 1), by: f.anna)
        try await f.desk.setContractPrice(
            f.contract.id, item: f.hour.id, price: BillingFixture.rub(1_000_00), by: .system)
        _ = try await f.desk.changeStatus(ticket.id, to: .resolved, by: f.anna)
        let store = try #require(f.test.store as? InMemoryStore)
        let image = store.image()
        #expect(image.billing.ledger.transferCount == 3)
        let data = try JSONEncoder().encode(image)
        let decoded = try JSONDecoder().decode(StoreImage.self, from: data)
        #expect(decoded == image)
        let copy = InMemoryStore(image: decoded)
        #expect(try await StoreSnapshot.capture(copy) == StoreSnapshot.capture(store))
        // An image written before billing existed still loads.
        var legacy = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        legacy.removeValue(forKey: "billing")
        let old = try JSONDecoder().decode(StoreImage.self, from: try JSONSerialization.data(withJSONObject: legacy))
        #expect(old.billing == BillingImage())
        var work = UnitOfWork()
        work.billing.transfers = [.single(id: 7, debit: 1, credit: 2, amount: 5)]
        work.billing.postedAt = TestDesk.start
        #expect(try JSONDecoder().decode(UnitOfWork.self, from: JSONEncoder().encode(work)) == work)
        #expect(work.conflictKeys.contains(.ledger))
    }
}
