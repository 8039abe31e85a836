import Foundation
import HelpDeskKit

/// The demo's client companies with their locations, contacts, contracts and equipment.
struct DemoClients: Sendable {
    /// Acme Ltd: a paying client with a head office and a backup server.
    let acme: Company
    /// Northwind Traders: a chain of shops that has not paid last month.
    let northwind: Company
    /// Contoso Bank: network support on the premium SLA.
    let contoso: Company
    /// Contacts by the name the script uses.
    let anna: Contact, tom: Contact, jane: Contact, priya: Contact
    /// Northwind's floor-3 printer.
    let northwindPrinter: Asset
    /// The price-list item for paid engineer time (per hour).
    let engineerHour: PriceListItem

    /// Registers the three clients; periods start a month before the demo day.
    static func seed(on desk: HelpDesk, catalog: DemoDesk.Catalog, manager: Employee) async throws(HelpDeskError)
        -> DemoClients
    {
        let month = 30.0 * 86_400
        let march = DemoTime.on(0, 0).addingTimeInterval(-86_400)
        let february = march.addingTimeInterval(-month)

        func company(_ name: String, inn: String, policy: SLAPolicyID? = nil) async throws(HelpDeskError) -> Company {
            try await desk.addCompany(
                NewCompany(name: name, registration: ["INN": inn], slaPolicyID: policy), by: .system)
        }
        func location(_ company: Company, _ name: String, _ address: String) async throws(HelpDeskError) -> Location {
            try await desk.addLocation(
                NewLocation(companyID: company.id, name: name, address: address, timeZoneIdentifier: "Europe/Moscow"),
                by: .system)
        }
        func contact(_ name: String, _ email: String, at location: Location, mayApprove: Bool = false)
            async throws(HelpDeskError) -> Contact
        {
            try await desk.addContact(
                NewContact(
                    companyID: location.companyID, locationID: location.id, name: name, email: email,
                    mayApprovePaidWork: mayApprove, portalScope: mayApprove ? .company : .ownTickets), by: .system)
        }
        func contract(_ company: Company, _ number: String, fee: Int64, paidFebruary: Bool) async throws(HelpDeskError)
            -> Contract
        {
            let contract = try await desk.addContract(
                NewContract(companyID: company.id, number: number, startsAt: february, managerID: manager.id),
                by: .system)
            let previous = try await desk.addServicePeriod(
                to: contract.id,
                NewServicePeriod(
                    startsAt: february, endsAt: march, fee: Money(minorUnits: fee, currency: .rub),
                    includedLaborMinutes: 1_200, laborRoundingStepMinutes: 15, paymentDueAt: february),
                by: .system)
            _ = try await desk.markServicePeriodInvoiced(previous.id, of: contract.id, by: .system)
            if paidFebruary { _ = try await desk.markServicePeriodPaid(previous.id, of: contract.id, by: .system) }
            _ = try await desk.addServicePeriod(
                to: contract.id,
                NewServicePeriod(
                    startsAt: march, endsAt: march.addingTimeInterval(month),
                    fee: Money(minorUnits: fee, currency: .rub),
                    includedLaborMinutes: 1_200, laborRoundingStepMinutes: 15,
                    paymentDueAt: march.addingTimeInterval(10 * 86_400)), by: .system)
            return contract
        }

        let acme = try await company("Acme Ltd", inn: "7701000001")
        let acmeOffice = try await location(acme, "Head office", "Tverskaya 1, Moscow")
        let northwind = try await company("Northwind Traders", inn: "7702000002")
        let northwindShop = try await location(northwind, "Shop on Arbat", "Arbat 12, Moscow")
        let contoso = try await company("Contoso Bank", inn: "7703000003", policy: "premium")
        let contosoBranch = try await location(contoso, "Branch 4", "Lesnaya 5, Moscow")

        let acmeContract = try await contract(acme, "AC-2026", fee: 9_000_000, paidFebruary: true)
        _ = try await contract(northwind, "NW-2026", fee: 4_500_000, paidFebruary: false)
        _ = try await contract(contoso, "CB-2026", fee: 12_000_000, paidFebruary: true)

        let printerModel = try await desk.addAssetModel(
            name: "HP LaserJet M428", kind: "printer", attributes: ["duplex": "yes"], by: .system)
        let serverModel = try await desk.addAssetModel(name: "Dell PowerEdge T150", kind: "server", by: .system)
        let printer = try await desk.addAsset(
            NewAsset(
                modelID: printerModel.id, serialNumber: "PHB3F12345", inventoryNumber: "NW-0042",
                locationID: northwindShop.id, inServiceSince: february), by: .system)
        _ = try await desk.addAsset(
            NewAsset(
                modelID: serverModel.id, serialNumber: "DPE7781", locationID: acmeOffice.id,
                contractID: acmeContract.id,
                inServiceSince: february), by: .system)
        _ = catalog
        let engineerHour = try await desk.addPriceListItem(
            NewPriceListItem(
                code: "ENG-HOUR", name: "Engineer hour (out of contract)", kind: .work, pricing: .perHour,
                price: Price(minorUnits: 1_500_00, unit: .money(.rub)), validFrom: february), by: .system)
        _ = try await desk.topUp(
            acme.id, amount: Price(minorUnits: 10_000_00, unit: .money(.rub)), paymentReference: "PP-2026-0217",
            by: .employee(manager.id))
        return DemoClients(
            acme: acme, northwind: northwind, contoso: contoso,
            anna: try await contact("Anna Smith", "anna.smith@acme.example", at: acmeOffice, mayApprove: true),
            tom: try await contact("Tom Baker", "tom@northwind.example", at: northwindShop),
            jane: try await contact("Jane Doe", "jane@northwind.example", at: northwindShop),
            priya: try await contact("Priya Nair", "priya@contoso.example", at: contosoBranch, mayApprove: true),
            northwindPrinter: printer, engineerHour: engineerHour)
    }

    /// Writes the client table to `out`.
    func describe(on desk: HelpDesk, into out: inout Transcript) async throws(HelpDeskError) {
        out.line()
        out.note("Three client companies, each with a contract of monthly service periods (fees in roubles).")
        out.line()
        let now = DemoTime.on(8, 30)
        var table = TextTable([
            .init("Client"), .init("Location"), .init("Contract"), .init("March period"), .init("February"),
        ])
        for company in [acme, northwind, contoso] {
            let location = try await desk.locations(of: company.id, as: .system).first?.name ?? "-"
            let contract = try await desk.contracts(of: company.id, as: .system).first
            let current = contract?.period(at: now)
            let previous = contract?.periods.first
            table.add([
                company.name, location, contract?.number ?? "-",
                current.map { "\($0.fee), \($0.paymentStatus(at: now).rawValue)" } ?? "-",
                previous.map { $0.paymentStatus(at: now).rawValue } ?? "-",
            ])
        }
        out.lines(table.render())
    }
}
