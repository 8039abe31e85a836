import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// A test desk with a small client directory built through the public API:
///
/// - Alpha Retail: locations Office (Europe/Moscow) and Megastore; contacts Ivan (office, may
///   approve paid work, `Ivan@Alpha.example`) and Petr (no ticket filing, no location);
/// - Beta Foods: location Kitchen; contact Olga (kitchen, `olga@beta.example`).
///
/// No contracts, so each test adds the ones it needs.
struct ClientFixture: Sendable {
    let test: TestDesk
    let alpha: Company
    let beta: Company
    let office: Location
    let megastore: Location
    let kitchen: Location
    let ivan: Contact
    let petr: Contact
    let olga: Contact

    var desk: HelpDesk { test.desk }
    var clock: ManualClock { test.clock }
    var anna: Performer { .employee(test.anna.id) }

    static func make(configuration: HelpDeskConfiguration = HelpDeskConfiguration(), seed: UInt64 = 42)
        async throws -> ClientFixture
    {
        let test = try await TestDesk.make(configuration: configuration, seed: seed)
        let desk = test.desk
        let alpha = try await desk.addCompany(
            NewCompany(name: "Alpha Retail", registration: ["INN": "7701000001"]), by: .system)
        let beta = try await desk.addCompany(NewCompany(name: "Beta Foods"), by: .system)
        let office = try await desk.addLocation(
            NewLocation(
                companyID: alpha.id, name: "Office", address: "Tverskaya 1", timeZoneIdentifier: "Europe/Moscow"),
            by: .system)
        let megastore = try await desk.addLocation(NewLocation(companyID: alpha.id, name: "Megastore"), by: .system)
        let kitchen = try await desk.addLocation(NewLocation(companyID: beta.id, name: "Kitchen"), by: .system)
        let ivan = try await desk.addContact(
            NewContact(
                companyID: alpha.id, locationID: office.id, name: "Ivan Petrov", position: "Office manager",
                email: "Ivan@Alpha.example", phone: "+7 900 000-00-01", mayApprovePaidWork: true, portalScope: .location
            ), by: .system)
        let petr = try await desk.addContact(
            NewContact(companyID: alpha.id, name: "Petr Sidorov", email: "petr@alpha.example", mayFileTickets: false),
            by: .system)
        let olga = try await desk.addContact(
            NewContact(companyID: beta.id, locationID: kitchen.id, name: "Olga Smirnova", email: "olga@beta.example"),
            by: .system)
        return ClientFixture(
            test: test, alpha: alpha, beta: beta, office: office, megastore: megastore, kitchen: kitchen, ivan: ivan,
            petr: petr, olga: olga)
    }

    /// `days` days (may be fractional) after ``TestDesk/start``.
    static func day(_ days: Double) -> Date { TestDesk.start.addingTimeInterval(days * 86_400) }

    static func rub(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .rub) }

    /// Adds an active contract of `company` starting on day `startDay`.
    func contract(
        _ number: String, of company: CompanyID? = nil, from startDay: Double = -30, to endDay: Double? = nil,
        status: ContractStatus = .active, locations: [LocationID] = [], categories: [CategoryID] = [],
        sla: SLAPolicyID? = nil, manager: EmployeeID? = nil
    ) async throws -> Contract {
        try await desk.addContract(
            NewContract(
                companyID: company ?? alpha.id, number: number, startsAt: Self.day(startDay),
                endsAt: endDay.map(Self.day),
                status: status, coveredLocationIDs: locations, coveredCategoryIDs: categories, slaPolicyID: sla,
                managerID: manager), by: .system)
    }

    /// Adds a period from day `start` to day `end` with a fee in roubles, due on day `due` (the
    /// period's start unless given), invoiced at once unless `invoiced` is `false` (debts come from
    /// the ledger, so only invoiced periods can be owed).
    @discardableResult
    func period(
        _ contract: Contract, _ start: Double, _ end: Double, fee: Int64 = 1_000_000, due: Double? = nil,
        invoiced: Bool = true
    ) async throws -> ServicePeriod {
        let period = try await desk.addServicePeriod(
            to: contract.id,
            NewServicePeriod(
                startsAt: Self.day(start), endsAt: Self.day(end), fee: Self.rub(fee), paymentDueAt: Self.day(due ?? start)),
            by: .system)
        if invoiced { _ = try await desk.markServicePeriodInvoiced(period.id, of: contract.id, by: .system) }
        return period
    }

    /// Creates a ticket by Anna.
    @discardableResult
    func ticket(
        _ title: String = "Printer jams", requester: Requester, category: CategoryID? = nil, company: CompanyID? = nil,
        location: LocationID? = nil, contract: ContractID? = nil, assets: [AssetID] = [], by performer: Performer? = nil
    ) async throws -> Ticket {
        try await desk.createTicket(
            NewTicket(
                title: title, channel: .phone, categoryID: category, requester: requester, companyID: company,
                locationID: location, contractID: contract, assetIDs: assets),
            by: performer ?? anna)
    }
}
