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
    /// Reopens the demo desk a previous run left in `store`, with the clock at 08:30 on the day
    /// after its newest ticket and identifiers seeded from the outbox position, so a run repeated
    /// on the same data prints the same text and never reuses an identifier.
    static func resumed(store: any HelpDeskStore) async throws -> DemoDesk {
        let newest = try await store.tickets(
            matching: TicketQuery(sort: [TicketSort(.createdAt, .descending)], limit: 1), workflow: .standard)
        let days = newest.tickets.first.map { Int($0.createdAt.timeIntervalSince(DemoTime.on(0, 0)) / 86_400) + 1 } ?? 0
        let clock = ManualClock(start: opening.addingTimeInterval(Double(days) * 86_400))
        let seed = Self.seed &+ (try await store.lastEventSequence())
        let desk = HelpDesk(
            store: store, configuration: try configuration(), clock: clock.clock,
            identifiers: SeededIdentifierSource(seed: seed), random: SeededRandomSource(seed: ~seed))

        func find<T>(_ items: [T], _ what: String, _ matches: (T) -> Bool) throws -> T {
            guard let item = items.first(where: matches) else { throw DemoResumeError.missing(what) }
            return item
        }
        let employees = try await desk.employees(as: .system)
        func staff(_ email: String) throws -> Employee { try find(employees, email) { $0.email == email } }
        let groupList = try await desk.groups(as: .system)
        func group(_ name: String) throws -> SupportGroup { try find(groupList, name) { $0.name == name } }
        let categories = try await desk.categories(as: .system)
        func category(_ name: String) throws -> ServiceCategory { try find(categories, name) { $0.name == name } }
        let companies = try await desk.companies(as: .system)
        func company(_ name: String) throws -> Company { try find(companies, name) { $0.name == name } }
        func contact(_ email: String) async throws -> Contact {
            guard let found = try await store.contact(email: email) else { throw DemoResumeError.missing(email) }
            return found
        }
        let printer = try find(try await desk.assets(as: .system), "the printer") { $0.serialNumber == "PHB3F12345" }

        let team = Staff(
            olga: try staff("olga@example.com"), sam: try staff("sam@example.com"), ben: try staff("ben@example.com"),
            lena: try staff("lena@example.com"), maria: try staff("maria@example.com"))
        let clients = DemoClients(
            acme: try company("Acme Ltd"), northwind: try company("Northwind Traders"),
            contoso: try company("Contoso Bank"),
            anna: try await contact("anna.smith@acme.example"), tom: try await contact("tom@northwind.example"),
            jane: try await contact("jane@northwind.example"), priya: try await contact("priya@contoso.example"),
            northwindPrinter: printer,
            engineerHour: try find(try await desk.priceList(as: .system), "the engineer hour") { $0.code == "ENG-HOUR" }
        )
        var directory = Directory(employees: employees, groups: groupList, categories: categories)
        directory.remember([clients.anna, clients.tom, clients.jane, clients.priya])
        return DemoDesk(
            desk: desk, clock: clock, staff: team,
            groups: Groups(
                serviceDesk: try group("Service desk"), fieldEngineers: try group("Field engineers"),
                network: try group("Network")),
            catalog: Catalog(
                accounts: try category("Accounts & access"), printers: try category("Printers"),
                network: try category("Network & VPN"), hardware: try category("Hardware")),
            clients: clients, directory: directory)
    }
}
