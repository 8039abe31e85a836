import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// A client directory with fixed identifiers, so that rejection cases can name the records in
/// the errors they expect:
///
/// - Alpha (office; contacts Ivan `ivan@alpha.example`, Petr who may not file tickets, and Fyodor
///   who has left; contract `A-1` with period P1 on days 0–30; ended contract `E-1`; printer `SN-1`
///   at the office; one ticket);
/// - Beta (kitchen; no tickets).
///
/// ``RejectionFixture`` is snapshotted before a case runs, so client cases build this fixture on
/// a desk of their own inside the case (``reject(_:)``) and compare that desk's snapshots there.
struct ClientRejectionFixture: Sendable {
    static func id<Tag>(_ n: Int) -> Identifier<Tag> {
        Identifier(UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", 100 + n))!)
    }

    static let alpha: CompanyID = id(1)
    static let beta: CompanyID = id(2)
    static let office: LocationID = id(3)
    static let kitchen: LocationID = id(4)
    static let ivan: ContactID = id(5)
    static let petr: ContactID = id(6)
    static let fyodor: ContactID = id(7)
    static let contract: ContractID = id(8)
    static let endedContract: ContractID = id(9)
    static let period: ServicePeriodID = id(10)
    static let printer: AssetModelID = id(11)
    static let asset: AssetID = id(12)

    static let unknownCompany: CompanyID = id(90)
    static let unknownLocation: LocationID = id(91)
    static let unknownContract: ContractID = id(92)
    static let unknownModel: AssetModelID = id(93)
    static let unknownAsset: AssetID = id(94)
    static let unknownPeriod: ServicePeriodID = id(95)
    static let unknownContact: ContactID = id(96)

    let test: TestDesk
    let ticket: Ticket

    var desk: HelpDesk { test.desk }
    var anna: Performer { .employee(test.anna.id) }

    static func day(_ days: Double) -> Date { ClientFixture.day(days) }

    static func make() async throws -> ClientRejectionFixture {
        let test = try await TestDesk.make(configuration: SLAClientFixtures.configuration())
        var work = UnitOfWork()
        work.clients.companies = [Company(id: alpha, name: "Alpha"), Company(id: beta, name: "Beta")]
        work.clients.locations = [
            Location(id: office, companyID: alpha, name: "Office", address: "", timeZoneIdentifier: "UTC"),
            Location(id: kitchen, companyID: beta, name: "Kitchen", address: "", timeZoneIdentifier: "UTC"),
        ]
        work.clients.contacts = [
            Contact(id: ivan, companyID: alpha, locationID: office, name: "Ivan", email: "ivan@alpha.example"),
            Contact(id: petr, companyID: alpha, name: "Petr", mayFileTickets: false),
            Contact(id: fyodor, companyID: alpha, name: "Fyodor", isActive: false),
        ]
        work.clients.contracts = [
            Contract(
                id: contract, companyID: alpha, number: "A-1", startsAt: day(-30),
                periods: [ServicePeriod(id: period, startsAt: day(0), endsAt: day(30), fee: ClientFixture.rub(100_00))]),
            Contract(id: endedContract, companyID: alpha, number: "E-1", startsAt: day(-300), status: .ended),
        ]
        work.clients.assetModels = [AssetModel(id: printer, name: "Printer", kind: "printer")]
        work.clients.assets = [
            Asset(id: asset, modelID: printer, serialNumber: "SN-1", companyID: alpha, locationID: office, inServiceSince: day(-1))
        ]
        try await test.store.commit(work)
        let ticket = try await test.desk.createTicket(
            NewTicket(title: "Printer", channel: .phone, requester: .contact(ivan)), by: .employee(test.anna.id))
        return ClientRejectionFixture(test: test, ticket: ticket)
    }

    /// Runs `command` on a fresh fixture and rethrows its error once the fixture's store is found
    /// unchanged; throws ``StoreChanged`` when the rejected command changed it.
    static func reject(_ command: @Sendable (ClientRejectionFixture) async throws -> Void) async throws {
        let fixture = try await make()
        let before = try await fixture.test.snapshot()
        do {
            try await command(fixture)
        } catch {
            guard try await fixture.test.snapshot() == before else { throw StoreChanged(error: error) }
            throw error
        }
    }

    /// A command failed but changed the store anyway.
    struct StoreChanged: Error, CustomStringConvertible {
        let error: any Error
        var description: String { "the rejected command (\(error)) changed the store" }
    }
}
