import Foundation
import HelpDeskKit

/// The seeded desk the demo works on: the engine, its simulated clock, and the people and catalog in it.
struct DemoDesk: Sendable {
    /// The employees of the demo, by role.
    struct Staff: Sendable {
        /// Dispatcher on the service desk: takes calls, routes and merges tickets.
        let olga: Employee
        /// First-line agent on the service desk.
        let sam: Employee
        /// Field engineer.
        let ben: Employee
        /// Network engineer, also a field engineer.
        let lena: Employee
        /// Head of support, watches the important tickets.
        let maria: Employee
    }

    /// The groups (departments) of the demo.
    struct Groups: Sendable {
        let serviceDesk: SupportGroup
        let fieldEngineers: SupportGroup
        let network: SupportGroup
    }

    /// The service catalog of the demo.
    struct Catalog: Sendable {
        let accounts: ServiceCategory
        let printers: ServiceCategory
        let network: ServiceCategory
        let hardware: ServiceCategory
    }

    /// The engine.
    let desk: HelpDesk
    /// The simulated clock the engine reads.
    let clock: ManualClock
    let staff: Staff
    let groups: Groups
    let catalog: Catalog
    /// Client companies, contacts and equipment.
    let clients: DemoClients
    /// Names of everything above, for printing.
    let directory: Directory

    /// When the desk opens: Monday 2 March 2026, 08:30 UTC.
    static let opening = DemoTime.on(8, 30)
    /// The identifier seed; the same seed gives the same identifiers, hence the same output.
    static let seed: UInt64 = 2026_03_02

    /// The demo's engine settings: the SLA policies and numbers from #1001.
    static func configuration() throws -> HelpDeskConfiguration {
        var configuration = HelpDeskConfiguration(sla: try DemoSLA.configuration(), firstTicketNumber: 1001)
        configuration.billing = BillingConfiguration(settleOn: .resolved, insufficientFunds: .receivable)
        return configuration
    }

    /// Builds a fresh desk on `store` (in memory by default) and fills its directory and catalog.
    static func seeded(store: any HelpDeskStore = InMemoryStore()) async throws -> DemoDesk {
        let clock = ManualClock(start: opening)
        let desk = HelpDesk(
            store: store, configuration: try configuration(), clock: clock.clock,
            identifiers: SeededIdentifierSource(seed: seed), random: SeededRandomSource(seed: ~seed))

        let groups = Groups(
            serviceDesk: try await desk.addGroup(named: "Service desk", by: .system),
            fieldEngineers: try await desk.addGroup(named: "Field engineers", by: .system),
            network: try await desk.addGroup(named: "Network", by: .system))

        /// Adds one employee to `groups`.
        func hire(_ name: String, _ email: String, _ memberOf: [SupportGroup]) async throws(HelpDeskError) -> Employee {
            try await desk.addEmployee(NewEmployee(name: name, email: email, groupIDs: memberOf.map(\.id)), by: .system)
        }
        let staff = Staff(
            olga: try await hire("Olga Ivanova", "olga@example.com", [groups.serviceDesk]),
            sam: try await hire("Sam Carter", "sam@example.com", [groups.serviceDesk]),
            ben: try await hire("Ben Okafor", "ben@example.com", [groups.fieldEngineers]),
            lena: try await hire("Lena Park", "lena@example.com", [groups.fieldEngineers, groups.network]),
            maria: try await hire("Maria Lopez", "maria@example.com", [groups.serviceDesk]))

        /// Adds one service category with its default routing.
        func category(_ name: String, assignee: Employee?, group: SupportGroup, sla: SLAPolicyID? = nil)
            async throws(HelpDeskError) -> ServiceCategory
        {
            try await desk.addCategory(
                NewServiceCategory(
                    name: name, defaultAssigneeID: assignee?.id, defaultGroupID: group.id, slaPolicyID: sla),
                by: .system)
        }
        let catalog = Catalog(
            accounts: try await category("Accounts & access", assignee: staff.sam, group: groups.serviceDesk),
            printers: try await category("Printers", assignee: nil, group: groups.fieldEngineers),
            network: try await category("Network & VPN", assignee: staff.lena, group: groups.network, sla: "premium"),
            hardware: try await category("Hardware", assignee: staff.ben, group: groups.fieldEngineers))

        let clients = try await DemoClients.seed(on: desk, catalog: catalog, manager: staff.maria)
        var directory = Directory(
            employees: try await desk.employees(as: .system), groups: try await desk.groups(as: .system),
            categories: try await desk.categories(as: .system))
        directory.remember([clients.anna, clients.tom, clients.jane, clients.priya])
        return DemoDesk(
            desk: desk, clock: clock, staff: staff, groups: groups, catalog: catalog, clients: clients,
            directory: directory)
    }

    /// Writes the seeded directory and catalog to `out`.
    func describe(into out: inout Transcript) {
        out.heading("The desk")
        out.note("A fresh in-memory desk, seeded with three groups, five employees and a small service")
        out.note("catalog. A category's default assignee and group receive its new tickets.")
        out.line()
        var people = TextTable([.init("Employee"), .init("Email"), .init("Groups")])
        for employee in [staff.olga, staff.sam, staff.ben, staff.lena, staff.maria] {
            let groupNames = employee.groupIDs.map { directory.name(of: $0) }.sorted()
            people.add([employee.name, employee.email, groupNames.joined(separator: ", ")])
        }
        out.lines(people.render())
        out.line()
        var categories = TextTable([
            .init("Category"), .init("Default assignee"), .init("Default group"), .init("SLA policy"),
        ])
        for category in [catalog.accounts, catalog.printers, catalog.network, catalog.hardware] {
            categories.add([
                category.name, directory.name(of: category.defaultAssigneeID),
                directory.name(of: category.defaultGroupID),
                category.slaPolicyID?.rawValue ?? "standard (desk default)",
            ])
        }
        out.lines(categories.render())
    }
}
