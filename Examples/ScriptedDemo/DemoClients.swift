import Foundation
import HelpDeskKit

/// The demo's client companies with their locations, contacts, contracts, equipment and price list.
struct DemoClients: Sendable {
    /// Acme Ltd: a paying client with a head office, a backup server and a prepaid balance.
    let acme: Company
    /// Northwind Traders: a shop and a warehouse; it has not paid for February.
    let northwind: Company
    /// Contoso Bank: network support on the premium SLA.
    let contoso: Company
    /// Contacts by the name the script uses (Igor works at Northwind's warehouse; Elena is
    /// Northwind's office manager, who sees the whole company, approves paid work and sees billing).
    let anna: Contact, tom: Contact, jane: Contact, priya: Contact, igor: Contact, elena: Contact
    /// Northwind's floor-3 printer.
    let northwindPrinter: Asset
    /// The price-list item for paid engineer time (per hour), the labor item of billing.
    let engineerHour: PriceListItem
    /// Spare parts billed per item.
    let fuserUnit: PriceListItem, tonerCartridge: PriceListItem

    /// The contacts, for the directory of names.
    var contacts: [Contact] { [anna, tom, jane, priya, igor, elena] }

    /// The code of the labor item (`BillingConfiguration.laborItemCode`).
    static let laborItemCode = "ENG-HOUR"
    /// 1 February, 1 March, 1 April and 1 May 2026, midnight in Moscow: the service periods are calendar months.
    static let february = DemoTime.midnight(of: DateComponents(year: 2026, month: 2, day: 1))
    static let march = DemoTime.midnight(of: DateComponents(year: 2026, month: 3, day: 1))
    static let april = DemoTime.midnight(of: DateComponents(year: 2026, month: 4, day: 1))
    static let may = DemoTime.midnight(of: DateComponents(year: 2026, month: 5, day: 1))

    /// Payment is due on the 10th of the period's month.
    static func dueDate(of periodStart: Date) -> Date {
        DemoTime.calendar.date(byAdding: .day, value: 9, to: periodStart)!
    }

    /// Registers the three clients on 2 February 2026 (the clock's time): contracts with a February
    /// and a March period, equipment and the price list. Invoices and payments follow `DemoBilling`.
    static func seed(on desk: HelpDesk, manager: Employee) async throws(HelpDeskError) -> DemoClients {
        func company(_ name: String, inn: String, policy: SLAPolicyID? = nil) async throws(HelpDeskError) -> Company {
            try await desk.addCompany(
                NewCompany(name: name, registration: ["INN": inn], slaPolicyID: policy), by: .system)
        }
        func location(_ company: Company, _ name: String, _ address: String) async throws(HelpDeskError) -> Location {
            try await desk.addLocation(
                NewLocation(
                    companyID: company.id, name: name, address: address, timeZoneIdentifier: DemoTime.zoneIdentifier),
                by: .system)
        }
        func contact(
            _ name: String, _ email: String, at location: Location, position: String = "",
            sees scope: PortalScope = .ownTickets, mayApprove: Bool = false, seesBilling: Bool = false
        ) async throws(HelpDeskError) -> Contact {
            try await desk.addContact(
                NewContact(
                    companyID: location.companyID, locationID: location.id, name: name, position: position,
                    email: email, mayApprovePaidWork: mayApprove, portalScope: scope, mayViewBilling: seesBilling),
                by: .system)
        }
        func contract(_ company: Company, _ number: String, fee: Int64, approval: Bool = false)
            async throws(HelpDeskError) -> Contract
        {
            let contract = try await desk.addContract(
                NewContract(
                    companyID: company.id, number: number, startsAt: february, managerID: manager.id,
                    requiresPaidWorkApproval: approval), by: .system)
            for (start, end) in [(february, march), (march, april)] {
                _ = try await desk.addServicePeriod(
                    to: contract.id,
                    NewServicePeriod(
                        startsAt: start, endsAt: end, fee: Money(minorUnits: fee, currency: .rub),
                        includedLaborMinutes: 1_200, laborRoundingStepMinutes: 15, laborAlertPercent: 80,
                        paymentDueAt: dueDate(of: start)),
                    by: .system)
            }
            return contract
        }

        let acme = try await company("Acme Ltd", inn: "7701000001")
        let acmeOffice = try await location(acme, "Head office", "Tverskaya 1, Moscow")
        let northwind = try await company("Northwind Traders", inn: "7702000002")
        let northwindShop = try await location(northwind, "Shop on Arbat", "Arbat 12, Moscow")
        let warehouse = try await location(northwind, "Warehouse in Khimki", "Leningradskoye 5, Khimki")
        let contoso = try await company("Contoso Bank", inn: "7703000003", policy: "premium")
        let contosoBranch = try await location(contoso, "Branch 4", "Lesnaya 5, Moscow")

        let acmeContract = try await contract(acme, "AC-2026", fee: 9_000_000)
        _ = try await contract(northwind, "NW-2026", fee: 4_500_000)
        // The bank approves every paid job before it is charged.
        _ = try await contract(contoso, "CB-2026", fee: 12_000_000, approval: true)

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
                contractID: acmeContract.id, inServiceSince: february), by: .system)
        func item(_ code: String, _ name: String, _ kind: PriceListItemKind, _ pricing: PricingUnit, _ price: Int64)
            async throws(HelpDeskError) -> PriceListItem
        {
            try await desk.addPriceListItem(
                NewPriceListItem(
                    code: code, name: name, kind: kind, pricing: pricing,
                    price: Price(Money(minorUnits: price, currency: .rub)), validFrom: february), by: .system)
        }
        return DemoClients(
            acme: acme, northwind: northwind, contoso: contoso,
            anna: try await contact(
                "Anna Smith", "anna.smith@acme.example", at: acmeOffice, sees: .company, mayApprove: true),
            tom: try await contact(
                "Tom Baker", "tom@northwind.example", at: northwindShop, position: "Shop manager", sees: .location),
            jane: try await contact("Jane Doe", "jane@northwind.example", at: northwindShop),
            priya: try await contact(
                "Priya Nair", "priya@contoso.example", at: contosoBranch, sees: .company, mayApprove: true),
            igor: try await contact("Igor Sokolov", "igor@northwind.example", at: warehouse),
            elena: try await contact(
                "Elena Volkova", "elena@northwind.example", at: northwindShop, position: "Office manager",
                sees: .company, mayApprove: true, seesBilling: true),
            northwindPrinter: printer,
            engineerHour: try await item(
                laborItemCode, "Engineer hour (out of contract)", .work, .perHour, 1_500_00),
            fuserUnit: try await item("FUSER-M428", "Fuser unit for HP M428", .service, .perItem, 6_900_00),
            tonerCartridge: try await item("TONER-59A", "Toner cartridge HP 59A", .service, .perItem, 4_200_00))
    }

    /// Writes the client table to `out`: each company's first location, contract and periods at `now`.
    func describe(on desk: HelpDesk, at now: Date, into out: inout Transcript) async throws(HelpDeskError) {
        out.line()
        out.note("Three client companies, each with a contract of monthly service periods (calendar months,")
        out.note("fees in roubles, payment due on the 10th).")
        out.line()
        var table = TextTable([
            .init("Client"), .init("Locations"), .init("Contract"), .init("February"), .init("March period"),
        ])
        for company in [acme, northwind, contoso] {
            let locations = try await desk.locations(of: company.id, as: .system).map(\.name)
            let contract = try await desk.contracts(of: company.id, as: .system).first
            let current = contract?.period(at: now)
            let previous = contract?.periods.first
            table.add([
                company.name, locations.joined(separator: ", "), contract?.number ?? "-",
                previous.map { Self.payment($0, at: now) } ?? "-",
                current.map { "\($0.fee), " + Self.payment($0, at: now) } ?? "-",
            ])
        }
        out.lines(table.render())
        try await describeContacts(on: desk, into: &out)
    }

    /// Writes the contacts table to `out`: where each works and what it may see and do in the client portal.
    func describeContacts(on desk: HelpDesk, into out: inout Transcript) async throws(HelpDeskError) {
        out.line()
        out.note("Client contacts sign in to the client portal. Each sees its own tickets, its location's or")
        out.note("its whole company's, as its company allows; some may approve paid work or see billing.")
        out.line()
        var table = TextTable([
            .init("Contact"), .init("Client"), .init("Location"), .init("Portal shows"), .init("Approves work"),
            .init("Sees billing"),
        ])
        for company in [acme, northwind, contoso] {
            let locations = try await desk.locations(of: company.id, as: .system)
            for contact in contacts.filter({ $0.companyID == company.id }).sorted(by: { $0.name < $1.name }) {
                let location = locations.first { $0.id == contact.locationID }?.name ?? "-"
                let shows =
                    switch contact.portalScope {
                    case .ownTickets: "own tickets"
                    case .location: "tickets at \(location)"
                    case .company: "the whole company"
                    }
                table.add([
                    contact.name, company.name, location, shows, contact.mayApprovePaidWork ? "yes" : "no",
                    contact.mayViewBilling ? "yes" : "no",
                ])
            }
        }
        out.lines(table.render())
    }

    /// `paid`, `unpaid, due 10 Mar` or `OVERDUE since 10 Feb`.
    static func payment(_ period: ServicePeriod, at now: Date) -> String {
        let due = DemoTime.dayAndMonth(period.paymentDueAt ?? period.startsAt)
        return switch period.paymentStatus(at: now) {
        case .paid: "paid"
        case .unpaid: "unpaid, due \(due)"
        case .overdue: "OVERDUE since \(due)"
        }
    }
}
