import Foundation
import HelpDeskKit
import Mail
import WorkingTime

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
        /// Head of support: watches the important tickets, hears about low ratings, manages the contracts.
        let maria: Employee

        /// Everyone, in the order the demo lists them.
        var all: [Employee] { [olga, sam, ben, lena, maria] }
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
        /// The engineers' own orders of spare parts: internal, never offered to clients.
        let spareParts: ServiceCategory

        /// Every category, in the order the demo lists them.
        var all: [ServiceCategory] { [accounts, printers, network, hardware, spareParts] }
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

    /// When the desk opens on the scripted day: Friday 6 March 2026, 08:30 Moscow time.
    static let opening = DemoTime.on(8, 30)
    /// When the desk was set up: Monday 2 February 2026, 09:00 Moscow time.
    static let setUpAt = DemoTime.at(9, 0, on: DemoClients.february.addingTimeInterval(86_400))
    /// The identifier seed; the same seed gives the same identifiers, hence the same output.
    static let seed: UInt64 = 2026_03_06

    /// The demo's engine settings: the SLA policies (with the debtor rule on), numbers from #1001,
    /// time entries dated in Moscow, ratings 1…5 with low scores reported to `managers`, and
    /// settlement of paid work when a ticket is resolved (owed when the prepaid balance runs out).
    static func configuration(escalatingTo managers: [EmployeeID]) throws -> HelpDeskConfiguration {
        var configuration = HelpDeskConfiguration(
            sla: try DemoSLA.configuration(),
            clients: ClientConfiguration(debtorSLAPolicyID: DemoSLA.debtorPolicyID),
            labor: try LaborConfiguration(timeZone: DemoTime.zone),
            ratings: try RatingConfiguration(escalationRecipientIDs: managers), firstTicketNumber: 1001)
        configuration.billing = BillingConfiguration(
            settleOn: .resolved, insufficientFunds: .receivable, laborItemCode: DemoClients.laborItemCode)
        configuration.email.deskAddress = MailAddress(name: "Service desk", address: "support@servicedesk.example")
        configuration.email.messageIDDomain = "servicedesk.example"
        return configuration
    }

    /// Builds a fresh desk on `store` (in memory by default): sets up the directory, catalog, clients
    /// and rates in February, plays the billing calendar up to `until`, then opens the working engine.
    ///
    /// The rating escalation names the head of support by identifier, which exists only once she is
    /// hired, so the set-up engine has no escalation and the working engine is built after it.
    static func seeded(
        store: any HelpDeskStore = InMemoryStore(), until: Date = opening, identifierSeed: UInt64 = seed,
        randomSeed: UInt64 = ~seed
    ) async throws -> DemoDesk {
        let clock = ManualClock(start: setUpAt)
        let desk = HelpDesk(
            store: store, configuration: try configuration(escalatingTo: []), clock: clock.clock,
            identifiers: SeededIdentifierSource(seed: identifierSeed), random: SeededRandomSource(seed: randomSeed))
        let groups = Groups(
            serviceDesk: try await desk.addGroup(named: "Service desk", by: .system),
            fieldEngineers: try await desk.addGroup(named: "Field engineers", by: .system),
            network: try await desk.addGroup(named: "Network", by: .system))
        /// Adds one employee to `groups` with hourly cost and billing rates from 1 February.
        func hire(_ name: String, _ email: String, _ memberOf: [SupportGroup], cost: Int64, billing: Int64)
            async throws -> Employee
        {
            let employee = try await desk.addEmployee(
                NewEmployee(name: name, email: email, groupIDs: memberOf.map(\.id)), by: .system)
            _ = try await desk.setEmployeeRate(
                employee.id, validFrom: DemoTime.localDate(DemoClients.february),
                hourlyCost: Money(minorUnits: cost * 100, currency: .rub),
                hourlyBilling: Money(minorUnits: billing * 100, currency: .rub), by: .system)
            return employee
        }
        let staff = Staff(
            olga: try await hire("Olga Ivanova", "olga@example.com", [groups.serviceDesk], cost: 1_200, billing: 2_400),
            sam: try await hire("Sam Carter", "sam@example.com", [groups.serviceDesk], cost: 1_000, billing: 2_000),
            ben: try await hire("Ben Okafor", "ben@example.com", [groups.fieldEngineers], cost: 1_800, billing: 3_600),
            lena: try await hire(
                "Lena Park", "lena@example.com", [groups.fieldEngineers, groups.network], cost: 2_200, billing: 4_400),
            maria: try await hire("Maria Lopez", "maria@example.com", [groups.serviceDesk], cost: 2_500, billing: 5_000)
        )
        try await DemoRoles.grant(on: desk, to: staff)

        /// Adds one service category with its default routing.
        func category(
            _ name: String, assignee: Employee?, group: SupportGroup, sla: SLAPolicyID? = nil, clients: Bool = true
        ) async throws(HelpDeskError) -> ServiceCategory {
            try await desk.addCategory(
                NewServiceCategory(
                    name: name, defaultAssigneeID: assignee?.id, defaultGroupID: group.id, slaPolicyID: sla,
                    isVisibleToClients: clients),
                by: .system)
        }
        _ = try await category("Accounts & access", assignee: staff.sam, group: groups.serviceDesk)
        _ = try await category("Printers", assignee: nil, group: groups.fieldEngineers)
        _ = try await category("Network & VPN", assignee: staff.lena, group: groups.network, sla: "premium")
        _ = try await category("Hardware", assignee: staff.ben, group: groups.fieldEngineers)
        _ = try await category("Spare parts orders", assignee: nil, group: groups.fieldEngineers, clients: false)

        let clients = try await DemoClients.seed(on: desk, manager: staff.maria)
        try await DemoKnowledge.seed(on: desk, northwind: clients.northwind, editor: staff.maria, at: clock.now)
        try await DemoBilling.run(
            from: setUpAt, to: until, on: desk, clock: clock, clients: clients, by: staff.maria)
        if clock.now < until { clock.set(to: until) }
        return try await open(store: store, clock: clock, identifierSeed: identifierSeed ^ 0x5EED_0000_0000_0000)
    }

    /// Writes the seeded directory and catalog to `out`, naming the store as `storeDescription`.
    func describe(storeDescription: String, into out: inout Transcript) {
        out.heading("The desk")
        out.note("A fresh \(storeDescription), seeded with three groups, five employees and a small service")
        out.note("catalog. A category's default assignee and group receive its new tickets. Hourly rates:")
        out.note("what an hour costs the company, and what it bills a client for paid work.")
        out.line()
        var people = TextTable([
            .init("Employee"), .init("Email"), .init("Groups"), .init("Cost/h", .right), .init("Billed/h", .right),
        ])
        for employee in staff.all {
            let groupNames = employee.groupIDs.map { directory.name(of: $0) }.sorted()
            let rate = directory.rates[employee.id]
            people.add([
                employee.name, employee.email, groupNames.joined(separator: ", "),
                rate.map { "\($0.hourlyCost)" } ?? "-", rate?.hourlyBilling.map { "\($0)" } ?? "-",
            ])
        }
        out.lines(people.render())
        out.line()
        var categories = TextTable([
            .init("Category"), .init("Default assignee"), .init("Default group"), .init("SLA policy"),
            .init("Clients"),
        ])
        for category in catalog.all {
            categories.add([
                category.name, directory.name(of: category.defaultAssigneeID),
                directory.name(of: category.defaultGroupID),
                category.slaPolicyID?.rawValue ?? "standard (desk default)",
                category.isVisibleToClients ? "may file" : "internal",
            ])
        }
        out.lines(categories.render())
        out.note("An internal category is for the desk's own work: the client portal never offers it.")
        out.line()
        out.note("SLA targets count office hours, 09:00-13:00 and 14:00-18:00 Moscow time, by the Russian")
        out.note("production calendar. A client with an overdue invoice gets the debtor policy instead:")
        var policies = TextTable([.init("Policy"), .init("Priority"), .init("Reaction"), .init("Resolution")])
        for policy in desk.configuration.sla.policies.values.sorted(by: { $0.id < $1.id }) {
            for priority in [Priority.critical, .high, .normal, .low] {
                guard let targets = policy.targets[priority] else { continue }
                policies.add([
                    policy.id.rawValue, priority.description, targets.reaction.map(DemoSLA.words) ?? "-",
                    targets.resolution.map(DemoSLA.words) ?? "-",
                ])
            }
        }
        out.lines(policies.render())
    }
}
