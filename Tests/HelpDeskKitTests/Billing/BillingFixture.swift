import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// A desk with one client company ("Prepaid LLC"), a contract, and a small price list.
struct BillingFixture: Sendable {
    let test: TestDesk
    let company: Company
    let contract: Contract
    /// Engineer hour, 1 500.00 RUB per hour.
    let hour: PriceListItem
    /// A cartridge, 2 000.00 RUB per item.
    let cartridge: PriceListItem
    /// An on-site visit, 2 prepaid points, fixed.
    let visit: PriceListItem

    var desk: HelpDesk { test.desk }
    var anna: Performer { .employee(test.anna.id) }

    static let rub = BillingUnit.money(.rub)
    static let points = BillingUnit.prepaid("points")
    static func rub(_ minorUnits: Int64) -> Price { Price(Money(minorUnits: minorUnits, currency: .rub)) }

    static func make(
        _ billing: BillingConfiguration = BillingConfiguration(), store: any HelpDeskStore = InMemoryStore()
    )
        async throws -> BillingFixture
    {
        var configuration = HelpDeskConfiguration()
        configuration.billing = billing
        let test = try await TestDesk.make(store: store, configuration: configuration)
        let desk = test.desk
        let company = try await desk.addCompany(NewCompany(name: "Prepaid LLC"), by: .system)
        let contract = try await desk.addContract(
            NewContract(
                companyID: company.id, number: "C-1", startsAt: TestDesk.start.addingTimeInterval(-86_400 * 30)),
            by: .system)
        let from = TestDesk.start.addingTimeInterval(-86_400)
        let hour = try await desk.addPriceListItem(
            NewPriceListItem(
                code: "ENG-HOUR", name: "Engineer hour", kind: .work, pricing: .perHour, price: rub(1_500_00),
                validFrom: from), by: .system)
        let cartridge = try await desk.addPriceListItem(
            NewPriceListItem(code: "CART", name: "Cartridge", pricing: .perItem, price: rub(2_000_00), validFrom: from),
            by: .system)
        let visit = try await desk.addPriceListItem(
            NewPriceListItem(
                code: "VISIT", name: "On-site visit", pricing: .fixed, price: .prepaid(2, "points"), validFrom: from),
            by: .system)
        return BillingFixture(
            test: test, company: company, contract: contract, hour: hour, cartridge: cartridge, visit: visit)
    }

    /// A ticket of the company under its contract.
    func ticket(_ title: String = "Printer jams") async throws -> Ticket {
        try await desk.createTicket(
            NewTicket(
                title: title, channel: .email, requester: .freeText("Ivan"), companyID: company.id,
                contractID: contract.id),
            by: anna)
    }

    /// The client's wallet balance in `unit`: credits − debits.
    func wallet(_ unit: BillingUnit = rub) async throws -> Int128? {
        try await desk.balance(of: company.id, in: unit, as: .system)?.postedCreditsMinusDebits
    }

    /// The wallet's ledger id in `unit`.
    func walletID(_ unit: BillingUnit = rub) -> AccountID {
        BillingAccount.id(company: company.id, role: .wallet, unit: unit)
    }
}
