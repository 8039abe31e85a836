import Foundation
import HelpDeskKit

/// Finding the demo's records again in a store a previous run filled.
enum DemoResumeError: Error, CustomStringConvertible {
    /// The store holds a desk, but not the one the demo seeds.
    case missing(String)

    var description: String {
        switch self {
        case .missing(let what): "the data directory holds a desk without \(what); use an empty directory"
        }
    }
}

extension DemoDesk {
    /// Reopens the demo desk a previous run left in `store`, with the clock at 08:30 on the next
    /// working day (by the production calendar) after its newest ticket, the billing calendar
    /// played up to then, and identifiers seeded from the outbox position, so a run repeated on the
    /// same data prints the same text and never reuses an identifier.
    static func resumed(store: any HelpDeskStore) async throws -> DemoDesk {
        let newest = try await store.tickets(
            matching: TicketQuery(sort: [TicketSort(.createdAt, .descending)], limit: 1), workflow: .standard)
        let lastDay = DemoTime.startOfDay(newest.tickets.first?.createdAt ?? opening)
        let day = DemoCalendar.nextWorkingDay(after: lastDay)
        let clock = ManualClock(start: DemoTime.midnight(after: lastDay))
        let seed = Self.seed &+ (try await store.lastEventSequence())
        let demo = try await open(store: store, clock: clock, identifierSeed: seed)
        try await DemoBilling.run(
            from: clock.now, to: DemoTime.at(8, 30, on: day), on: demo.desk, clock: clock, clients: demo.clients,
            by: demo.staff.maria)
        clock.set(to: DemoTime.at(8, 30, on: day))
        return demo
    }

    /// Opens the working engine on a store holding the demo's directory, finding every record the
    /// script needs by name, email, serial number or code.
    static func open(store: any HelpDeskStore, clock: ManualClock, identifierSeed seed: UInt64) async throws
        -> DemoDesk
    {
        func find<T>(_ items: [T], _ what: String, _ matches: (T) -> Bool) throws -> T {
            guard let item = items.first(where: matches) else { throw DemoResumeError.missing(what) }
            return item
        }
        let employees = try await store.employees()
        func staff(_ email: String) throws -> Employee { try find(employees, email) { $0.email == email } }
        let maria = try staff("maria@example.com")
        let desk = HelpDesk(
            store: store, configuration: try configuration(escalatingTo: [maria.id]), clock: clock.clock,
            identifiers: SeededIdentifierSource(seed: seed), random: SeededRandomSource(seed: ~seed))

        let groupList = try await desk.groups(as: .system)
        func group(_ name: String) throws -> SupportGroup { try find(groupList, name) { $0.name == name } }
        let categories = try await desk.categories(as: .system)
        func category(_ name: String) throws -> ServiceCategory { try find(categories, name) { $0.name == name } }
        let companies = try await desk.companies(as: .system)
        func company(_ name: String) throws -> Company { try find(companies, name) { $0.name == name } }
        func contact(_ email: String) async throws -> Contact {
            let directory = try store.feature((any CompanyRepository).self)
            guard let found = try await directory?.contact(email: email) else { throw DemoResumeError.missing(email) }
            return found
        }
        let printer = try find(try await desk.assets(as: .system), "the printer") { $0.serialNumber == "PHB3F12345" }
        let priceList = try await desk.priceList(as: .system)
        func item(_ code: String) throws -> PriceListItem { try find(priceList, code) { $0.code == code } }

        let team = Staff(
            olga: try staff("olga@example.com"), sam: try staff("sam@example.com"), ben: try staff("ben@example.com"),
            lena: try staff("lena@example.com"), maria: maria)
        let clients = DemoClients(
            acme: try company("Acme Ltd"), northwind: try company("Northwind Traders"),
            contoso: try company("Contoso Bank"),
            anna: try await contact("anna.smith@acme.example"), tom: try await contact("tom@northwind.example"),
            jane: try await contact("jane@northwind.example"), priya: try await contact("priya@contoso.example"),
            igor: try await contact("igor@northwind.example"), elena: try await contact("elena@northwind.example"),
            northwindPrinter: printer,
            engineerHour: try item(DemoClients.laborItemCode), fuserUnit: try item("FUSER-M428"),
            tonerCartridge: try item("TONER-59A"))
        var directory = Directory(employees: employees, groups: groupList, categories: categories)
        directory.remember(clients.contacts)
        for employee in employees {
            directory.rates[employee.id] = try await desk.employeeRate(
                employee.id, on: DemoTime.localDate(clock.now), as: .system)
        }
        return DemoDesk(
            desk: desk, clock: clock, staff: team,
            groups: Groups(
                serviceDesk: try group("Service desk"), fieldEngineers: try group("Field engineers"),
                network: try group("Network")),
            catalog: Catalog(
                accounts: try category("Accounts & access"), printers: try category("Printers"),
                network: try category("Network & VPN"), hardware: try category("Hardware"),
                spareParts: try category("Spare parts orders")),
            clients: clients, directory: directory)
    }
}
