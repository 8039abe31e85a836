import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import PostgresStore
import Testing

/// The same billing day run on an ``InMemoryStore`` and on a ``PostgresStore`` ends in the same
/// ledger, and the engine's billing reports (statements, debtor ageing, out-of-contract revenue,
/// balances) read the same from both.
@Suite("Billing on PostgreSQL agrees with the in-memory store", .enabled(if: ScratchDatabase.server != nil))
struct BillingAgreementTests {
    @Test func billingReportsAgree() async throws {
        let reference = try await BillingDay.run(on: InMemoryStore())
        try await ScratchDatabase.withStore { store in
            let postgres = try await BillingDay.run(on: store)
            #expect(postgres.reports == reference.reports)
            #expect(postgres.ledger == reference.ledger)
            #expect(postgres.records == reference.records)
            #expect(reference.reports.ageing.allSatisfy { !$0.isEmpty }, "the day leaves debts")
            #expect(
                reference.reports.revenue.count == 3, "both clients settled work out of contract, Alpha in two units")
            #expect(reference.reports.statements.allSatisfy { $0 != nil }, "every account was opened")
            #expect(
                reference.ledger.statements.contains { ($0?.opening ?? .zero) != .zero }, "a statement opens above zero"
            )
        }
    }
}

/// A scripted day of billing commands and what the engine and the store report afterwards.
struct BillingDay {
    /// What the engine's billing reports say.
    struct Reports: Hashable {
        var statements: [ClientStatement?] = []
        var ageing: [[DebtorAgeing]] = []
        var revenue: [ClientRevenue] = []
        var balances: [ClientBalance] = []
    }

    /// What the billing repository holds of the ledger.
    struct Ledger: Hashable {
        var transfers: [TransferRecord] = []
        var statements: [AccountStatement?] = []
        var states: [LedgerAccountState] = []
        var notes: [TransferNote] = []
        var last: LedgerTimestamp?
    }

    /// The billing records besides the ledger.
    struct Records: Hashable {
        var items: [PriceListItem] = []
        var prices: [ContractPrice] = []
        var accounts: [BillingAccount] = []
        var specifications: [TicketSpecification?] = []
    }

    var reports = Reports()
    var ledger = Ledger()
    var records = Records()

    static func day(_ days: Double) -> Date { TestDesk.start.addingTimeInterval(days * 86_400) }
    static func rub(_ minorUnits: Int64) -> Price { Price(Money(minorUnits: minorUnits, currency: .rub)) }

    /// Runs the day on `store` (seeded: the same identifiers on every store) and reads it back.
    static func run(on store: any HelpDeskStore) async throws -> BillingDay {
        var configuration = HelpDeskConfiguration()
        configuration.billing = BillingConfiguration(insufficientFunds: .receivable)
        let test = try await TestDesk.make(store: store, configuration: configuration)
        let desk = test.desk
        let anna = Performer.employee(test.anna.id)
        let alpha = try await desk.addCompany(NewCompany(name: "Alpha Print"), by: .system)
        let beta = try await desk.addCompany(NewCompany(name: "Beta Foods"), by: .system)
        let contract = try await desk.addContract(
            NewContract(companyID: alpha.id, number: "A-1", startsAt: day(-30)), by: .system)
        let hour = try await desk.addPriceListItem(
            NewPriceListItem(
                code: "ENG-HOUR", name: "Engineer hour", kind: .work, pricing: .perHour, price: rub(1_500_00),
                validFrom: day(-1)), by: .system)
        let cartridge = try await desk.addPriceListItem(
            NewPriceListItem(
                code: "CART", name: "Cartridge", pricing: .perItem, price: rub(2_000_00), validFrom: day(-1)),
            by: .system)
        let visit = try await desk.addPriceListItem(
            NewPriceListItem(
                code: "VISIT", name: "Visit", pricing: .fixed, price: .prepaid(2, "points"), validFrom: day(-1)),
            by: .system)
        try await desk.setContractPrice(contract.id, item: hour.id, price: rub(1_200_00), by: .system)
        try await desk.topUp(alpha.id, amount: rub(1_000_00), paymentReference: "PAY-A1", by: anna)
        try await desk.topUp(alpha.id, amount: .prepaid(5, "points"), paymentReference: "PTS-A1", by: anna)
        try await desk.topUp(beta.id, amount: rub(100_00), paymentReference: "PAY-B1", by: anna)
        try await desk.topUp(beta.id, amount: rub(100_00), paymentReference: "PAY-B1", by: anna)  // a replay
        test.clock.advance(by: 3_600)
        let period = try await desk.addServicePeriod(
            to: contract.id,
            NewServicePeriod(
                startsAt: day(-20), endsAt: day(10), fee: Money(minorUnits: 4_500_00, currency: .rub),
                paymentDueAt: day(10)),
            by: .system)
        _ = try await desk.markServicePeriodInvoiced(period.id, of: contract.id, by: .system)
        test.clock.advance(by: 3_600)
        let first = try await desk.createTicket(
            NewTicket(
                title: "Printer jams", channel: .email, requester: .freeText("Ivan"), companyID: alpha.id,
                contractID: contract.id), by: anna)
        _ = try await desk.addSpecificationLine(
            to: first.id, NewSpecificationLine(itemID: hour.id, quantity: 30), by: anna)
        _ = try await desk.addSpecificationLine(
            to: first.id, NewSpecificationLine(itemID: visit.id, quantity: 1), by: anna)
        _ = try await desk.changeStatus(first.id, to: .resolved, by: anna)
        test.clock.advance(by: 3_600)
        let second = try await desk.createTicket(
            NewTicket(title: "No toner", channel: .phone, requester: .freeText("Olga"), companyID: beta.id), by: anna)
        _ = try await desk.addSpecificationLine(
            to: second.id, NewSpecificationLine(itemID: cartridge.id, quantity: 1), by: anna)
        _ = try await desk.changeStatus(second.id, to: .resolved, by: anna)
        test.clock.advance(by: 3_600)
        try await desk.adjustBalance(alpha.id, by: rub(50_00), reason: "Goodwill", by: anna)
        try await desk.adjustBalance(alpha.id, by: rub(-25_00), reason: "Correction", by: anna)
        test.clock.advance(by: 86_400 * 40)

        var result = BillingDay()
        let whole = day(-2)..<test.clock.now.addingTimeInterval(1)
        for (company, unit, role) in [
            (alpha.id, BillingUnit.money(.rub), AccountRole.wallet), (alpha.id, .prepaid("points"), .wallet),
            (alpha.id, .money(.rub), .receivable), (beta.id, .money(.rub), .wallet),
            (beta.id, .money(.rub), .receivable),
        ] {
            result.reports.statements.append(
                try await desk.statement(of: company, in: unit, role: role, period: whole, as: .system))
        }
        for instant in [day(5), day(25), day(45)] {
            result.reports.ageing.append(try await desk.debtorAgeing(at: instant, as: .system))
        }
        result.reports.revenue = try await desk.outOfContractRevenue(in: whole, as: .system)
        result.reports.balances =
            try await desk.clientBalances(of: alpha.id, as: .system) + desk.clientBalances(of: beta.id, as: .system)

        let billing = try #require(try store.feature((any BillingRepository).self))
        let all = LedgerTimestamp.zero..<LedgerTimestamp.max
        result.ledger.transfers = try await billing.transferRecords(postedIn: all)
        result.records.accounts = try await billing.billingAccounts()
        for account in result.records.accounts {
            result.ledger.statements.append(try await billing.accountStatement(of: account.id, period: all))
            // A period in the middle of the history: an opening balance other than zero.
            if let middle = result.ledger.transfers.dropFirst(3).first?.timestamp {
                result.ledger.statements.append(
                    try await billing.accountStatement(of: account.id, period: middle..<LedgerTimestamp.max))
            }
        }
        result.ledger.states = try await billing.ledgerAccounts(result.records.accounts.map(\.id).reversed())
        result.ledger.notes = try await billing.transferNotes(result.ledger.transfers.map(\.id).reversed())
        result.ledger.last = try await billing.lastLedgerTimestamp()
        result.records.items = try await billing.priceListItems()
        result.records.prices = try await billing.contractPrices(of: contract.id)
        result.records.specifications = [
            try await billing.specification(of: first.id), try await billing.specification(of: second.id),
        ]
        return result
    }
}
