import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// The leak matrix desk: three client companies, one per sharing mode — Nonesuch (none),
/// Permember (per member) and Allshare (all) — each built the same way by ``addCompany(_:_:_:printer:)``:
///
/// - Locations: office, warehouse, shop; a printer at each.
/// - Contacts: Owen (own tickets, office, sees billing), Lena (location: warehouse), Max (location:
///   office and, further, the shop; sees billing), Carla (company, office, approves paid work),
///   Nora (location scope but no location at all), Ada (location scope, only a further location:
///   the warehouse; sees billing), Otto (own tickets, no location, may not file), Cecil (own
///   tickets, shop; copied on Owen's ticket) and Ivy (company, office, sees billing; has left).
/// - Tickets (tags `[N1]`…`[N11]`, `[P1]`…, `[A1]`…): Owen's (office, Cecil copied, paid work
///   awaiting approval, in progress), Lena's (warehouse, waiting for the client), Owen's at the
///   shop (postponed), a walk-in's by name without location (new), a caller's by name at the
///   warehouse (resolved), Nora's without location (new), Ivy's (office, Nora copied, resolved with
///   paid work awaiting approval), Otto's in a hidden category (cancelled), Max's filed in the portal
///   at the shop (closed), Ada's filed in the portal without location (in progress), Carla's at the
///   warehouse (in progress). Each has a public reply carrying its tag, an internal note with a
///   unique marker, most have labor with an internal comment and a specification line; staff-filed
///   ones have an assignee, a watcher and an internal custom field.
/// - Billing: a top-up first (resolving and closing settle paid work from the wallet), a contract
///   with an invoiced period; every transfer id is secret from the other companies.
///
/// Plus `[F1]`, a stray ticket by name without any company.
struct PortalLeakFixture {
    /// The builder, holding the desk, the model and the secrets.
    var b: LeakDeskBuilder
    /// Every contact with a label such as "Nonesuch/Owen (own tickets)", in the order added.
    var contacts: [(label: String, id: ContactID)] = []
    /// The three companies, in sharing-mode order none, perMember, all.
    var companies: [CompanyID] = []
    /// The period the statement reads cover.
    static let period = TestDesk.start.addingTimeInterval(-2 * 86_400)..<TestDesk.start.addingTimeInterval(30 * 86_400)
    /// Roubles.
    static let rub = BillingUnit.money(.rub)

    /// Builds the desk.
    static func make() async throws -> PortalLeakFixture {
        var f = PortalLeakFixture(b: try await LeakDeskBuilder.start())
        let model = try await f.b.desk.addAssetModel(name: "Laser printer", kind: "printer", by: .system)
        try await f.addCompany("Nonesuch", .none, "N", printer: model.id)
        try await f.addCompany("Permember", .perMember, "P", printer: model.id)
        try await f.addCompany("Allshare", .all, "A", printer: model.id)
        _ = try await f.b.ticket("Stray caller [F1]", tag: "[F1]", requester: .freeText("Stray Caller"))
        try await f.b.converse(on: f.b.model.tickets.last!.id)
        try await f.b.finish()
        for company in f.companies {
            for role in [AccountRole.wallet, .receivable] {
                let lines = try await f.b.desk.statement(of: company, in: rub, role: role, period: period, as: .system)
                f.b.companySecrets[company]! += (lines?.lines ?? []).map(\.transferID.description)
            }
        }
        return f
    }

    /// Adds one company of the matrix (see the type's summary); `p` prefixes its tags.
    private mutating func addCompany(_ word: String, _ sharing: TicketSharing, _ p: String, printer: AssetModelID)
        async throws
    {
        let c = try await b.company("\(word) Ltd", sharing: sharing)
        companies.append(c)
        let office = try await b.location("\(word) office", of: c)
        let warehouse = try await b.location("\(word) warehouse", of: c)
        let shop = try await b.location("\(word) shop", of: c)
        for (index, location) in [office, warehouse, shop].enumerated() {
            let serial = "SN-\(p)-\(index)"
            let asset = try await b.desk.addAsset(
                NewAsset(modelID: printer, serialNumber: serial, locationID: location, inServiceSince: TestDesk.start),
                by: .system)
            b.model.assets[asset.id] = location
            b.companySecrets[c]! += [serial, asset.id.description]
        }
        // Money first: closing a ticket with paid work settles it from the wallet.
        let paid = try await b.desk.topUp(
            c, amount: Money(minorUnits: 1_000_00, currency: .rub), paymentReference: "PAYREF-\(p)", by: b.anna)
        let contract = try await b.desk.addContract(
            NewContract(
                companyID: c, number: "K-\(p)-1", startsAt: TestDesk.start.addingTimeInterval(-30 * 86_400),
                endsAt: TestDesk.start.addingTimeInterval(60 * 86_400)),
            by: .system)
        let period = try await b.desk.addServicePeriod(
            to: contract.id,
            NewServicePeriod(
                startsAt: TestDesk.start.addingTimeInterval(-86_400),
                endsAt: TestDesk.start.addingTimeInterval(20 * 86_400),
                fee: Money(minorUnits: 100_00, currency: .rub)),
            by: .system)
        _ = try await b.desk.markServicePeriodInvoiced(period.id, of: contract.id, by: .system)
        b.companySecrets[c]! += [paid.description, "PAYREF-\(p)", "K-\(p)-1", contract.id.description]
        /// A contact's label.
        func person(_ name: String, _ why: String) -> String { "\(word)/\(name) (\(why))" }
        let owen = try await b.contact("Owen of \(word)", of: c, at: office, billing: true)
        let lena = try await b.contact("Lena of \(word)", of: c, at: warehouse, scope: .location)
        let max = try await b.contact(
            "Max of \(word)", of: c, at: office, also: [shop], scope: .location, billing: true)
        let carla = try await b.contact("Carla of \(word)", of: c, at: office, scope: .company, mayApprove: true)
        let nora = try await b.contact("Nora of \(word)", of: c, scope: .location)
        let ada = try await b.contact("Ada of \(word)", of: c, also: [warehouse], scope: .location, billing: true)
        let otto = try await b.contact("Otto of \(word)", of: c, mayFile: false)
        let cecil = try await b.contact("Cecil of \(word)", of: c, at: shop)
        let ivy = try await b.contact("Ivy of \(word)", of: c, at: office, scope: .company, billing: true)
        contacts += [
            (person("Owen", "own tickets, sees billing"), owen), (person("Lena", "location: warehouse"), lena),
            (person("Max", "location: office + shop"), max), (person("Carla", "company scope"), carla),
            (person("Nora", "location scope without location"), nora),
            (person("Ada", "location scope, further location only"), ada),
            (person("Otto", "own tickets, no location"), otto), (person("Cecil", "copied"), cecil),
            (person("Ivy", "has left"), ivy),
        ]
        /// The tag of the company's `n`th ticket.
        func tag(_ n: Int) -> String { "[\(p)\(n)]" }
        let t1 = try await b.ticket("Printer jams \(tag(1))", tag: tag(1), requester: .contact(owen), cc: [cecil])
        let t2 = try await b.ticket("Door is stuck \(tag(2))", tag: tag(2), requester: .contact(lena))
        let t3 = try await b.ticket("Till is slow \(tag(3))", tag: tag(3), requester: .contact(owen), at: shop)
        let t4 = try await b.ticket(
            "Phone line \(tag(4))", tag: tag(4), requester: .freeText("Walk-in of \(word)"), company: c)
        let t5 = try await b.ticket(
            "Forklift \(tag(5))", tag: tag(5), requester: .freeText("Caller of \(word)"), at: warehouse)
        let t6 = try await b.ticket("Laptop \(tag(6))", tag: tag(6), requester: .contact(nora))
        let t7 = try await b.ticket("Badge reader \(tag(7))", tag: tag(7), requester: .contact(ivy), cc: [nora])
        let t8 = try await b.ticket(
            "Escalation \(tag(8))", tag: tag(8), requester: .contact(otto), category: b.hiddenCategory.id)
        let t9 = try await b.ticket(
            "Shop printer \(tag(9))", tag: tag(9), requester: .contact(max), at: shop, category: b.test.printers.id,
            viaPortal: true)
        let t10 = try await b.ticket("Mail \(tag(10))", tag: tag(10), requester: .contact(ada), viaPortal: true)
        let t11 = try await b.ticket("Scanner \(tag(11))", tag: tag(11), requester: .contact(carla), at: warehouse)
        for ticket in [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11] {
            try await b.converse(on: ticket)
            b.test.clock.advance(by: 60)
        }
        try await b.work(on: t1, approval: true)
        try await b.work(on: t7, approval: true)
        for ticket in [t2, t4, t5, t9, t11] { try await b.work(on: ticket) }
        let moves: [(TicketID, StatusCode)] = [
            (t1, .inProgress), (t2, .waitingForClient), (t3, .postponed), (t5, .resolved), (t7, .resolved),
            (t8, .cancelled), (t9, .closed), (t10, .inProgress), (t11, .inProgress),
        ]
        for (ticket, status) in moves { try await b.status(ticket, status) }
        try await b.deactivate(ivy)

    }

    /// The contact whose label starts with `prefix`, e.g. "Nonesuch/Owen".
    func contact(_ prefix: String) -> ContactID { contacts.first { $0.label.hasPrefix(prefix) }!.id }

    /// The ticket tagged `tag`, e.g. "[N1]".
    func ticket(_ tag: String) -> LeakTicket { b.model.tickets.first { $0.tag == tag }! }

    /// The label of a contact.
    func label(_ id: ContactID) -> String { contacts.first { $0.id == id }?.label ?? "unknown contact" }

    /// The active contacts.
    var active: [(label: String, id: ContactID)] { contacts.filter { b.model.contacts[$0.id]!.isActive } }

    /// The ticket queries every contact runs: the default page, active tickets, its own, each
    /// location of every company, a title word, internal markers and text outside titles (which
    /// must match nothing), and each order.
    var queries: [PortalTicketQuery] {
        var all: [PortalTicketQuery] = [
            PortalTicketQuery(), .active, PortalTicketQuery(requestedByMe: true), PortalTicketQuery(text: "PRINTER"),
            PortalTicketQuery(statusCategories: [.resolved, .closed, .cancelled]),
        ]
        all += ["INTERNAL-7f3a", "LABOR-c0st", "CUSTOM-9b1e", "As filed", "Public reply", "Owen of"].map {
            PortalTicketQuery(text: $0)
        }
        all += b.model.companies.values.flatMap(\.locations).map { PortalTicketQuery(locationIDs: [$0]) }
        all += PortalSort.allCases.map { PortalTicketQuery(sort: $0, offset: 1, limit: 4) }
        return all
    }
}
