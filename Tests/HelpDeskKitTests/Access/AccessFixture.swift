import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

/// A desk with two client companies for the access-seam tests.
///
/// - Alpha: an office and a warehouse; contacts at the office Alice (active, may file tickets,
///   portal scope ``PortalScope/ownTickets``) and Carl (scope ``PortalScope/company``), Lena at the
///   warehouse (scope ``PortalScope/location``), Petr without a location (own tickets, may not file
///   tickets) and Alexei (has left); contract `A-1` (ends in 20 days) with one service period, a
///   printer; tickets at the office `a1` (Alice's, with a public reply carrying ``file``, an internal note, Alice's
///   own reply, Boris watching, 30 logged minutes, a one-line specification, linked to `a2`), `a2`
///   (Alice's, about the printer), `a3` (Alice's), `aResolved` (Alice's, resolved and rated 4/5,
///   then reopened and resolved again, not yet rated; paid work awaiting approval),
///   `aLena` (Lena's, filed at the office, not at her warehouse), `aWarehouse` (Petr's, at the
///   warehouse), and `aByName` (filed by staff for the free-text requester "Ivan Petrov" under
///   Alpha, without a location).
/// - Beta: office, contacts Bob (active, own tickets) and Berta (has left), contract `B-1`, a
///   printer; ticket `b1` (Bob's, about the printer, with a public reply, an internal note, 20
///   logged minutes and a specification).
/// - Gamma: a company without tickets (deletable).
/// - Free-text tickets without a company: `f1` for "Ivan Petrov", `f2` for "Olga Smirnova".
///
/// Who reads which ticket (and lists it) is spelled out in ``sees(_:)``.
/// - Billing: a cartridge (20.00 RUB) and the labor item (15.00 RUB per hour, fixed identifier,
///   the item ``BillingConfiguration/laborItemCode`` names), 1 000.00 RUB on Alpha's and Beta's
///   wallets, Anna's rate (500.00 cost, 1 500.00 billing per hour).
/// - The desk's employees: Anna, Boris and the inactive "Former Colleague" (see ``TestDesk``), all
///   administrators; the role "Dispatcher" (change-level ticket access, fixed identifier).
struct AccessFixture: Sendable {
    static let dispatcherID: RoleID = Identifier(UUID(uuidString: "00000000-0000-4000-8000-00000000d15c")!)
    static let laborItemID: PriceListItemID = Identifier(UUID(uuidString: "00000000-0000-4000-8000-00000000a001")!)
    static let monday = try! LocalDate(parsing: "2026-03-02")
    /// The Monday of a1's visit and the workload reads: a week ahead of the clock, so levelling may move it.
    static let visitMonday = try! LocalDate(parsing: "2026-03-16")
    static let ivan = "Ivan Petrov"
    static let olga = "Olga Smirnova"
    static let rub = BillingUnit.money(.rub)
    static func rub(_ minorUnits: Int64) -> Price { Price(Money(minorUnits: minorUnits, currency: .rub)) }
    static func day(_ days: Double) -> Date { TestDesk.start.addingTimeInterval(days * 86_400) }
    /// The bytes of ``file``, uploaded when the fixture is built.
    static let fileBytes = (0..<2_048).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    /// A photo uploaded to the desk's blob store (on the public reply of `a1`).
    static let file = Attachment(
        fileName: "photo.jpg", mediaType: "image/jpeg", byteCount: 2_048, checksum: SHA256.hash(fileBytes).checksum)

    let test: TestDesk
    /// The engine the cases run against: the test desk's, or another engine over the same store
    /// with a custom access policy (see ``with(access:)``).
    var desk: HelpDesk { engine ?? test.desk }
    private var engine: HelpDesk?

    let alpha: Company
    let beta: Company
    let gamma: Company
    let alphaOffice: Location
    let alphaWarehouse: Location
    let betaOffice: Location
    /// Alpha's contact with the default portal scope (``PortalScope/ownTickets``).
    let alice: Contact
    /// Alpha's contact who sees every ticket of the company (``PortalScope/company``).
    let carl: Contact
    /// Alpha's contact at the warehouse who sees the tickets there (``PortalScope/location``).
    let lena: Contact
    /// Alpha's contact without a location who may not file tickets (own tickets only).
    let petr: Contact
    let alexei: Contact
    let bob: Contact
    let berta: Contact
    let alphaContract: Contract
    let betaContract: Contract
    let alphaPeriod: ServicePeriod
    let printerModel: AssetModel
    let alphaPrinter: Asset
    let betaPrinter: Asset
    let cartridge: PriceListItem

    let a1: Ticket
    let a2: Ticket
    let a3: Ticket
    let aResolved: Ticket
    let aByName: Ticket
    let aLena: Ticket
    let aWarehouse: Ticket
    let b1: Ticket
    let f1: Ticket
    let f2: Ticket

    /// Anna's 30 minutes on `a1`.
    let a1Entry: TimeEntry
    /// The cartridge line of `a1`'s specification.
    let a1Line: SpecificationLineID

    var anna: Performer { .employee(test.anna.id) }
    var boris: Performer { .employee(test.boris.id) }
    var former: Performer { .employee(test.former.id) }
    var asAlice: Performer { .contact(alice.id) }
    var asBob: Performer { .contact(bob.id) }
    var asCarl: Performer { .contact(carl.id) }
    var asLena: Performer { .contact(lena.id) }
    var asPetr: Performer { .contact(petr.id) }

    /// Alpha's tickets, as stored when the fixture was built.
    var alphaTickets: [Ticket] { [a1, a2, a3, aResolved, aByName, aLena, aWarehouse] }
    /// Every ticket, as stored when the fixture was built.
    var allTickets: [Ticket] { alphaTickets + [b1, f1, f2] }

    /// The fixture's tickets `performer` may read, reply to and attach to under the standard policy
    /// (`nil`: an employee or the system, who may read every ticket).
    ///
    /// - Alice (own tickets): the four she requested, not `aByName`, `aLena` or `aWarehouse`.
    /// - Carl (company): every ticket of Alpha.
    /// - Lena (location, at the warehouse): `aWarehouse` (at her location) and `aLena` (her own,
    ///   at the office).
    /// - Petr (own tickets): `aWarehouse`.
    /// - Bob (own tickets): `b1`.
    /// - Free-text "Ivan Petrov": `f1` only (`aByName` is his too, but it belongs to a company);
    ///   "Olga Smirnova": `f2`; any other name, an unknown or inactive contact: nothing.
    func sees(_ performer: Performer) -> Set<TicketID>? {
        let tickets: [Ticket]
        switch performer {
        case .employee, .system: return nil
        case .contact(alice.id): tickets = [a1, a2, a3, aResolved]
        case .contact(carl.id): tickets = alphaTickets
        case .contact(lena.id): tickets = [aWarehouse, aLena]
        case .contact(petr.id): tickets = [aWarehouse]
        case .contact(bob.id): tickets = [b1]
        case .client(name: Self.ivan): tickets = [f1]
        case .client(name: Self.olga): tickets = [f2]
        case .contact, .client: tickets = []
        }
        return Set(tickets.map(\.id))
    }

    /// The same store and clock behind an engine that asks `access` (fresh identifiers, so new
    /// records never collide with the fixture's).
    func with(access: any AccessPolicy) -> AccessFixture {
        var copy = self
        copy.engine = HelpDesk(
            store: test.store, configuration: test.desk.configuration, clock: test.clock.clock,
            identifiers: SeededIdentifierSource(seed: 4_242), random: SeededRandomSource(seed: 2_424), access: access)
        return copy
    }

    static func make() async throws -> AccessFixture {
        var configuration = HelpDeskConfiguration()
        configuration.ratings = .standard
        configuration.billing = BillingConfiguration(laborItemCode: "HOUR")
        let test = try await TestDesk.make(configuration: configuration)
        let desk = test.desk
        let anna = Performer.employee(test.anna.id)

        var work = UnitOfWork()
        work.billing.priceListItems = [
            PriceListItem(
                id: laborItemID, code: "HOUR", name: "Engineer hour", kind: .work, pricing: .perHour, price: rub(15_00),
                validFrom: day(-1))
        ]
        try await test.store.commit(work)
        let cartridge = try await desk.addPriceListItem(
            NewPriceListItem(code: "CART", name: "Cartridge", pricing: .perItem, price: rub(20_00), validFrom: day(-1)),
            by: .system)
        try await desk.setEmployeeRate(
            test.anna.id, validFrom: monday, hourlyCost: Money(minorUnits: 500_00, currency: .rub),
            hourlyBilling: Money(minorUnits: 1_500_00, currency: .rub), by: .system)

        var roles = UnitOfWork()
        roles.roles = [
            Role(id: dispatcherID, name: "Dispatcher", permissions: AccessAction.TicketLevel.change.permissions)
        ]
        try await test.store.commit(roles)
        let alpha = try await desk.addCompany(NewCompany(name: "Alpha"), by: .system)
        let beta = try await desk.addCompany(NewCompany(name: "Beta"), by: .system)
        let gamma = try await desk.addCompany(NewCompany(name: "Gamma"), by: .system)
        let alphaOffice = try await desk.addLocation(
            NewLocation(companyID: alpha.id, name: "Alpha office"), by: .system)
        let alphaWarehouse = try await desk.addLocation(
            NewLocation(companyID: alpha.id, name: "Alpha warehouse"), by: .system)
        let betaOffice = try await desk.addLocation(NewLocation(companyID: beta.id, name: "Beta office"), by: .system)
        let alice = try await desk.addContact(
            NewContact(companyID: alpha.id, locationID: alphaOffice.id, name: "Alice", email: "alice@alpha.example"),
            by: .system)
        let carl = try await desk.addContact(
            NewContact(companyID: alpha.id, locationID: alphaOffice.id, name: "Carl", portalScope: .company),
            by: .system)
        let lena = try await desk.addContact(
            NewContact(companyID: alpha.id, locationID: alphaWarehouse.id, name: "Lena", portalScope: .location),
            by: .system)
        let petr = try await desk.addContact(
            NewContact(companyID: alpha.id, name: "Petr", mayFileTickets: false), by: .system)
        let alexei = try await desk.updateContact(
            try await desk.addContact(NewContact(companyID: alpha.id, name: "Alexei"), by: .system).id,
            ContactUpdate(isActive: false), by: .system)
        let bob = try await desk.addContact(
            NewContact(companyID: beta.id, locationID: betaOffice.id, name: "Bob", email: "bob@beta.example"),
            by: .system)
        let berta = try await desk.updateContact(
            try await desk.addContact(NewContact(companyID: beta.id, name: "Berta"), by: .system).id,
            ContactUpdate(isActive: false), by: .system)
        var alphaContract = try await desk.addContract(
            NewContract(companyID: alpha.id, number: "A-1", startsAt: day(-30), endsAt: day(20)), by: .system)
        let alphaPeriod = try await desk.addServicePeriod(
            to: alphaContract.id,
            // Includes an hour of contract work and a visit, so hostile labor commands exercise the allowance.
            NewServicePeriod(
                startsAt: day(-1), endsAt: day(20), fee: Money(minorUnits: 100_00, currency: .rub),
                includedLaborMinutes: 60, laborAlertPercent: 50, includedVisits: 1),
            by: .system)
        alphaContract = try await desk.contract(alphaContract.id, as: .system)
        let betaContract = try await desk.addContract(
            NewContract(companyID: beta.id, number: "B-1", startsAt: day(-30)), by: .system)
        let printerModel = try await desk.addAssetModel(name: "Laser printer", kind: "printer", by: .system)
        let alphaPrinter = try await desk.addAsset(
            NewAsset(
                modelID: printerModel.id, serialNumber: "A-SN-1", locationID: alphaOffice.id, inServiceSince: day(-10)),
            by: .system)
        let betaPrinter = try await desk.addAsset(
            NewAsset(
                modelID: printerModel.id, serialNumber: "B-SN-1", locationID: betaOffice.id, inServiceSince: day(-10)),
            by: .system)
        try await desk.topUp(alpha.id, amount: rub(1_000_00), paymentReference: "PAY-A", by: anna)
        try await desk.topUp(beta.id, amount: rub(1_000_00), paymentReference: "PAY-B", by: anna)
        // A paused automation rule, for the rule commands to act on (it never runs).
        _ = try await desk.defineRule(
            RuleDefinition(
                name: "Escalate VIP", priority: 10, isActive: false, triggers: [.ticketCreated],
                actions: [.setPriority(.high)]), by: .system)

        func file(
            _ title: String, _ requester: Requester, company: CompanyID? = nil, location: LocationID? = nil,
            asset: AssetID? = nil
        ) async throws -> Ticket {
            try await desk.createTicket(
                NewTicket(
                    title: title, channel: .email, requester: requester, companyID: company, locationID: location,
                    assetIDs: asset.map { [$0] } ?? []),
                by: anna)
        }
        let photo = try await desk.uploadAttachment(fileBytes, fileName: "photo.jpg", mediaType: "image/jpeg", by: anna)
        var a1 = try await file("Alpha printer jams", .contact(alice.id))
        _ = try await desk.comment(on: a1.id, NewComment("We are on it.", attachments: [photo]), by: anna)
        _ = try await desk.comment(
            on: a1.id, NewComment("Internal: the toner budget is spent.", visibility: .internal), by: anna)
        _ = try await desk.comment(on: a1.id, NewComment("Thank you!"), by: .contact(alice.id))
        _ = try await desk.addWatchers([test.boris.id], to: a1.id, by: anna)
        let a1Entry = try await desk.logTime(
            on: a1.id, NewTimeEntry(workDate: monday, minutes: 30), by: .employee(test.anna.id))
        let a1Spec = try await desk.addSpecificationLine(
            to: a1.id, NewSpecificationLine(itemID: cartridge.id, quantity: 1), by: anna)
        let a2 = try await file("Alpha printer is slow", .contact(alice.id), asset: alphaPrinter.id)
        try await desk.link(a1.id, .related, to: a2.id, by: anna)
        a1 = try await desk.ticket(a1.id, as: .system)
        let a3 = try await file("Alpha monitor", .contact(alice.id))
        var aResolved = try await file("Alpha password reset", .contact(alice.id))
        aResolved = try await desk.changeStatus(aResolved.id, to: .resolved, by: anna)
        let token = try await desk.ratingRequests(of: aResolved.id, as: .system)[0].token
        _ = try await desk.rate(token: token, score: 4, comment: "Quick")
        // Reopened and resolved again: the new resolution waits for Alice's score.
        _ = try await desk.changeStatus(aResolved.id, to: .inProgress, by: anna)
        _ = try await desk.changeStatus(aResolved.id, to: .resolved, by: anna)
        // A cartridge was swapped after all: the paid work waits for Alpha's approval.
        _ = try await desk.addSpecificationLine(
            to: aResolved.id, NewSpecificationLine(itemID: cartridge.id, quantity: 1), by: anna)
        _ = try await desk.requestApproval(of: aResolved.id, by: anna)
        let aByName = try await file("Alpha phone line", .freeText(ivan), company: alpha.id)
        let aLena = try await file("Alpha office badge", .contact(lena.id), location: alphaOffice.id)
        let aWarehouse = try await file("Alpha warehouse door", .contact(petr.id), location: alphaWarehouse.id)

        let b1 = try await file("Beta printer is down", .contact(bob.id), asset: betaPrinter.id)
        _ = try await desk.comment(on: b1.id, NewComment("Engineer is on the way."), by: anna)
        _ = try await desk.comment(
            on: b1.id, NewComment("Internal: Beta is late with payments.", visibility: .internal), by: anna)
        _ = try await desk.logTime(on: b1.id, NewTimeEntry(workDate: monday, minutes: 20), by: .employee(test.boris.id))
        _ = try await desk.addSpecificationLine(
            to: b1.id, NewSpecificationLine(itemID: cartridge.id, quantity: 2), by: anna)

        let f1 = try await file("Mail does not arrive", .freeText(ivan))
        let f2 = try await file("Keyboard broken", .freeText(olga))
        try await addCannedAnswers(test)
        try await addMail(test, about: a1)
        try await addVisit(test, on: a1, at: alphaOffice)

        try await AccessCatalog.seedKnowledge(test, alpha: alpha.id)
        try await AccessCatalog.seedMaintenance(
            test, alpha: alpha.id, contract: alphaContract.id, office: alphaOffice.id, printer: alphaPrinter.id)
        return AccessFixture(
            test: test, alpha: alpha, beta: beta, gamma: gamma, alphaOffice: alphaOffice,
            alphaWarehouse: alphaWarehouse,
            betaOffice: betaOffice, alice: alice, carl: carl, lena: lena, petr: petr, alexei: alexei, bob: bob,
            berta: berta, alphaContract: alphaContract, betaContract: betaContract,
            alphaPeriod: alphaPeriod, printerModel: printerModel, alphaPrinter: alphaPrinter, betaPrinter: betaPrinter,
            cartridge: cartridge, a1: a1, a2: a2, a3: a3, aResolved: try await desk.ticket(aResolved.id, as: .system),
            aByName: aByName, aLena: aLena, aWarehouse: aWarehouse, b1: try await desk.ticket(b1.id, as: .system),
            f1: f1, f2: f2, a1Entry: a1Entry,
            a1Line: a1Spec.lines[0].id)
    }

    private init(
        test: TestDesk, alpha: Company, beta: Company, gamma: Company, alphaOffice: Location, alphaWarehouse: Location,
        betaOffice: Location, alice: Contact, carl: Contact, lena: Contact, petr: Contact, alexei: Contact,
        bob: Contact, berta: Contact, alphaContract: Contract,
        betaContract: Contract, alphaPeriod: ServicePeriod, printerModel: AssetModel, alphaPrinter: Asset,
        betaPrinter: Asset,
        cartridge: PriceListItem, a1: Ticket, a2: Ticket, a3: Ticket, aResolved: Ticket, aByName: Ticket, aLena: Ticket,
        aWarehouse: Ticket, b1: Ticket,
        f1: Ticket, f2: Ticket, a1Entry: TimeEntry, a1Line: SpecificationLineID
    ) {
        self.test = test
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.alphaOffice = alphaOffice
        self.alphaWarehouse = alphaWarehouse
        self.betaOffice = betaOffice
        self.alice = alice
        self.carl = carl
        self.lena = lena
        self.petr = petr
        self.alexei = alexei
        self.bob = bob
        self.berta = berta
        self.alphaContract = alphaContract
        self.betaContract = betaContract
        self.alphaPeriod = alphaPeriod
        self.printerModel = printerModel
        self.alphaPrinter = alphaPrinter
        self.betaPrinter = betaPrinter
        self.cartridge = cartridge
        self.a1 = a1
        self.a2 = a2
        self.a3 = a3
        self.aResolved = aResolved
        self.aByName = aByName
        self.aLena = aLena
        self.aWarehouse = aWarehouse
        self.b1 = b1
        self.f1 = f1
        self.f2 = f2
        self.a1Entry = a1Entry
        self.a1Line = a1Line
    }
}

extension AccessFixture {
    /// The fixture's paused rule, read from the store (no access question asked).
    static func pausedRule(_ f: AccessFixture) async throws -> AutomationRule {
        guard let rule = try await ruleStore(f).rules().first else { throw AccessFixtureError.noRule }
        return rule
    }

    /// Every rule's identifier, read from the store.
    static func ruleIDs(_ f: AccessFixture) async throws -> [AutomationRuleID] {
        try await ruleStore(f).rules().map(\.id)
    }

    private static func ruleStore(_ f: AccessFixture) throws -> any AutomationRepository {
        guard let store = f.desk.store as? any AutomationRepository else { throw AccessFixtureError.noRule }
        return store
    }

    enum AccessFixtureError: Error { case noRule }
}
