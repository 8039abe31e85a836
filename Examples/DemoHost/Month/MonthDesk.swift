import Foundation
import HelpDeskKit
import WorkingTime

/// The desk of the simulated month: the demo's seeding (`DemoDesk`) on an engine with ratings on,
/// plus hourly rates for everyone and an April service period for every contract.
enum MonthDesk {
    /// The identifier seed of the month (unlike the scripted day's, so nobody mixes their output up).
    static let identifierSeed: UInt64 = 2026_04_01
    /// The seed of the rating tokens.
    static let tokenSeed: UInt64 = 0x5EED_70CE

    /// The scripted day's settings (`DemoDesk.configuration()`: SLA policies, numbering, billing) with
    /// satisfaction ratings on (1…5, scores ≤ 2 are low).
    static func configuration() throws -> HelpDeskConfiguration {
        var configuration = try DemoDesk.configuration()
        configuration.ratings = try RatingConfiguration()
        return configuration
    }

    /// Builds a fresh in-memory desk seeded like the scripted day, ready for a month of work.
    static func seeded() async throws -> DemoDesk {
        let clock = ManualClock(start: DemoDesk.opening)
        let desk = HelpDesk(
            store: InMemoryStore(), configuration: try configuration(), clock: clock.clock,
            identifiers: SeededIdentifierSource(seed: identifierSeed), random: SeededRandomSource(seed: tokenSeed))

        let groups = DemoDesk.Groups(
            serviceDesk: try await desk.addGroup(named: "Service desk", by: .system),
            fieldEngineers: try await desk.addGroup(named: "Field engineers", by: .system),
            network: try await desk.addGroup(named: "Network", by: .system))
        func hire(_ name: String, _ email: String, _ memberOf: [SupportGroup]) async throws -> Employee {
            try await desk.addEmployee(NewEmployee(name: name, email: email, groupIDs: memberOf.map(\.id)), by: .system)
        }
        let staff = DemoDesk.Staff(
            olga: try await hire("Olga Ivanova", "olga@example.com", [groups.serviceDesk]),
            sam: try await hire("Sam Carter", "sam@example.com", [groups.serviceDesk]),
            ben: try await hire("Ben Okafor", "ben@example.com", [groups.fieldEngineers]),
            lena: try await hire("Lena Park", "lena@example.com", [groups.fieldEngineers, groups.network]),
            maria: try await hire("Maria Lopez", "maria@example.com", [groups.serviceDesk]))
        func category(_ name: String, _ assignee: Employee?, _ group: SupportGroup, sla: SLAPolicyID? = nil)
            async throws -> ServiceCategory
        {
            try await desk.addCategory(
                NewServiceCategory(
                    name: name, defaultAssigneeID: assignee?.id, defaultGroupID: group.id, slaPolicyID: sla),
                by: .system)
        }
        let catalog = DemoDesk.Catalog(
            accounts: try await category("Accounts & access", staff.sam, groups.serviceDesk),
            printers: try await category("Printers", nil, groups.fieldEngineers),
            network: try await category("Network & VPN", staff.lena, groups.network, sla: "premium"),
            hardware: try await category("Hardware", staff.ben, groups.fieldEngineers))
        let clients = try await DemoClients.seed(on: desk, catalog: catalog, manager: staff.maria)
        try await prepareForTheMonth(desk, staff: staff, clients: clients)

        var directory = Directory(
            employees: try await desk.employees(as: .system), groups: try await desk.groups(as: .system),
            categories: try await desk.categories(as: .system))
        directory.remember([clients.anna, clients.tom, clients.jane, clients.priya])
        return DemoDesk(
            desk: desk, clock: clock, staff: staff, groups: groups, catalog: catalog, clients: clients,
            directory: directory)
    }

    /// Hourly cost and billing rates from 1 February, and a service period from 31 March for every contract.
    static func prepareForTheMonth(_ desk: HelpDesk, staff: DemoDesk.Staff, clients: DemoClients) async throws {
        let february = try LocalDate(year: 2026, month: 2, day: 1)
        let rates: [(Employee, Int64, Int64)] = [
            (staff.olga, 1_200, 2_400), (staff.sam, 1_000, 2_000), (staff.ben, 1_800, 3_600),
            (staff.lena, 2_200, 4_400), (staff.maria, 2_500, 5_000),
        ]
        for (employee, cost, billing) in rates {
            _ = try await desk.setEmployeeRate(
                employee.id, validFrom: february, hourlyCost: Money(minorUnits: cost * 100, currency: .rub),
                hourlyBilling: Money(minorUnits: billing * 100, currency: .rub), by: .system)
        }
        for company in [clients.acme, clients.northwind, clients.contoso] {
            for contract in try await desk.contracts(of: company.id, as: .system) {
                guard let last = contract.periods.last else { continue }
                _ = try await desk.addServicePeriod(
                    to: contract.id,
                    NewServicePeriod(
                        startsAt: last.endsAt, endsAt: last.endsAt.addingTimeInterval(30 * 86_400), fee: last.fee,
                        includedLaborMinutes: 1_200, laborRoundingStepMinutes: 15,
                        paymentDueAt: last.endsAt.addingTimeInterval(10 * 86_400)), by: .system)
            }
        }
    }
}
