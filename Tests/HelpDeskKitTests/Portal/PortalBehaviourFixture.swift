import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// A desk for the portal behaviour tests, with ratings on and settlement on resolve.
///
/// - Alpha (sharing per member): locations office, warehouse and depot; contacts Alice (office,
///   own tickets), Carl (office, company scope, may approve paid work), Lena (warehouse and depot,
///   location scope), Petr (no location, location scope: falls back to own tickets) and Alexei
///   (has left); a printer at the office, a scanner at the depot, a camera at the warehouse;
///   1 000.00 RUB on its wallet.
/// - Beta: office, contact Bob (office, own tickets, may approve paid work), a printer.
/// - Categories: the test desk's Printers and On-site repair (visible) and "Internal audit" (not).
/// - A cartridge at 20.00 RUB per item.
struct PortalBehaviourFixture: Sendable {
    let test: TestDesk
    let alpha: Company
    let beta: Company
    let office: Location
    let warehouse: Location
    let depot: Location
    let betaOffice: Location
    let alice: Contact
    let carl: Contact
    let lena: Contact
    let petr: Contact
    let alexei: Contact
    let bob: Contact
    let printer: Asset
    let scanner: Asset
    let camera: Asset
    let betaPrinter: Asset
    let internalAudit: ServiceCategory
    let cartridge: PriceListItem

    var desk: HelpDesk { test.desk }
    var anna: Performer { .employee(test.anna.id) }
    /// Alpha's active contacts.
    var alphaContacts: [Contact] { [alice, carl, lena, petr] }
    /// Every asset of both companies.
    var assets: [Asset] { [printer, scanner, camera, betaPrinter] }
    /// Every location of both companies.
    var locations: [Location] { [office, warehouse, depot, betaOffice] }

    /// 20.00 RUB per cartridge, in minor units.
    static let cartridgePrice: Int64 = 20_00

    /// `minorUnits` roubles as a price.
    static func rub(_ minorUnits: Int64) -> Price { Price(Money(minorUnits: minorUnits, currency: .rub)) }

    /// The portal of `contact`.
    func portal(_ contact: Contact) -> ClientPortal { desk.portal(for: contact.id) }

    /// Builds the fixture on `store`.
    static func make(store: any HelpDeskStore = InMemoryStore(), seed: UInt64 = 42) async throws
        -> PortalBehaviourFixture
    {
        var configuration = HelpDeskConfiguration()
        configuration.ratings = .standard
        let test = try await TestDesk.make(store: store, configuration: configuration, seed: seed)
        let desk = test.desk
        let alpha = try await desk.addCompany(NewCompany(name: "Alpha"), by: .system)
        let beta = try await desk.addCompany(NewCompany(name: "Beta"), by: .system)
        /// Adds a location.
        func location(_ name: String, _ company: Company) async throws -> Location {
            try await desk.addLocation(NewLocation(companyID: company.id, name: name), by: .system)
        }
        let office = try await location("Alpha office", alpha)
        let warehouse = try await location("Alpha warehouse", alpha)
        let depot = try await location("Alpha depot", alpha)
        let betaOffice = try await location("Beta office", beta)
        /// Adds a contact.
        func contact(_ request: NewContact) async throws -> Contact {
            try await desk.addContact(request, by: .system)
        }
        let alice = try await contact(NewContact(companyID: alpha.id, locationID: office.id, name: "Alice"))
        let carl = try await contact(
            NewContact(
                companyID: alpha.id, locationID: office.id, name: "Carl", mayApprovePaidWork: true,
                portalScope: .company))
        let lena = try await contact(
            NewContact(
                companyID: alpha.id, locationID: warehouse.id, name: "Lena", portalScope: .location,
                additionalLocationIDs: [depot.id]))
        let petr = try await contact(NewContact(companyID: alpha.id, name: "Petr", portalScope: .location))
        let alexei = try await desk.updateContact(
            try await contact(NewContact(companyID: alpha.id, name: "Alexei")).id, ContactUpdate(isActive: false),
            by: .system)
        let bob = try await contact(
            NewContact(companyID: beta.id, locationID: betaOffice.id, name: "Bob", mayApprovePaidWork: true))
        let model = try await desk.addAssetModel(name: "Office device", kind: "printer", by: .system)
        /// Adds a device.
        func asset(_ serial: String, at location: Location) async throws -> Asset {
            try await desk.addAsset(
                NewAsset(
                    modelID: model.id, serialNumber: serial, locationID: location.id, inServiceSince: TestDesk.start),
                by: .system)
        }
        let printer = try await asset("P-1", at: office)
        let scanner = try await asset("S-1", at: depot)
        let camera = try await asset("C-1", at: warehouse)
        let betaPrinter = try await asset("B-1", at: betaOffice)
        let internalAudit = try await desk.addCategory(
            NewServiceCategory(name: "Internal audit", isVisibleToClients: false), by: .system)
        let cartridge = try await desk.addPriceListItem(
            NewPriceListItem(
                code: "CART", name: "Cartridge", pricing: .perItem, price: rub(cartridgePrice),
                validFrom: TestDesk.start.addingTimeInterval(-86_400)), by: .system)
        try await desk.topUp(alpha.id, amount: rub(1_000_00), paymentReference: "PAY-A", by: .system)
        try await desk.topUp(beta.id, amount: rub(1_000_00), paymentReference: "PAY-B", by: .system)
        return PortalBehaviourFixture(
            test: test, alpha: alpha, beta: beta, office: office, warehouse: warehouse, depot: depot,
            betaOffice: betaOffice, alice: alice, carl: carl, lena: lena, petr: petr, alexei: alexei, bob: bob,
            printer: printer, scanner: scanner, camera: camera, betaPrinter: betaPrinter,
            internalAudit: internalAudit, cartridge: cartridge)
    }

    /// A ticket staff file for `requester` (at `location`, copying `cc`).
    func staffTicket(
        _ title: String, for requester: Contact, at location: Location? = nil, cc: [Contact] = []
    ) async throws -> Ticket {
        try await desk.createTicket(
            NewTicket(
                title: title, channel: .email, requester: .contact(requester.id), locationID: location?.id,
                ccContactIDs: cc.map(\.id)), by: anna)
    }

    /// A ticket of `requester` moved to resolved by Anna.
    func resolvedTicket(_ title: String, for requester: Contact) async throws -> Ticket {
        let ticket = try await staffTicket(title, for: requester)
        return try await desk.changeStatus(ticket.id, to: .resolved, by: anna)
    }

    /// The wallet balance of `company` in minor units of RUB.
    func wallet(_ company: Company) async throws -> Int128 {
        try await desk.clientBalance(of: company.id, in: .money(.rub), as: .system)?.amount ?? 0
    }

    /// The identifiers of every ticket `contact` lists in the portal.
    func listed(by contact: Contact) async throws -> Set<TicketID> {
        let page = try await portal(contact).tickets(PortalTicketQuery(limit: TicketQuery.maximumLimit))
        return Set(page.tickets.map(\.id))
    }

    /// The identifiers of the tickets among `tickets` that `contact` reads in the portal (others must be not found).
    func read(by contact: Contact, among tickets: [Ticket]) async throws -> Set<TicketID> {
        var seen: Set<TicketID> = []
        for ticket in tickets {
            do {
                _ = try await portal(contact).ticket(ticket.id)
                seen.insert(ticket.id)
            } catch {
                guard error == .ticketNotFound(ticket.id) else { throw error }
            }
        }
        return seen
    }

    /// `body`'s error, or `nil` when it succeeds (an error of another type is recorded as an issue).
    static func error(of body: () async throws -> Void) async -> HelpDeskError? {
        do {
            try await body()
            return nil
        } catch let error as HelpDeskError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }
}
