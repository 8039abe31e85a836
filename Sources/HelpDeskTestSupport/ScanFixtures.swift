import Foundation
import HelpDeskKit

/// Random tickets spread over companies, contracts and locations, and random report scans over
/// them: the data of the scan and aggregate contract checks.
struct ScanFixtures {
    let fixtures: TicketFixtures
    let companies: [CompanyID]
    let contracts: [ContractID]
    let locations: [LocationID]
    /// The tickets, ticket *n* at index *n* − 1.
    let tickets: [Ticket]

    /// `count` tickets from `seed`.
    init(seed: UInt64, count: Int) {
        fixtures = TicketFixtures(seed: seed)
        var ids = SeededIdentifierSource(seed: seed ^ 0xA5A5)
        let companies: [CompanyID] = (0..<4).map { _ in ids.next() }
        let contracts: [ContractID] = (0..<3).map { _ in ids.next() }
        let locations: [LocationID] = (0..<5).map { _ in ids.next() }
        tickets = fixtures.tickets(count: count, seed: seed &+ 1).map { ticket in
            var ticket = ticket
            let number = ticket.number.rawValue
            ticket.companyID = number % 5 == 0 ? nil : companies[number % companies.count]
            ticket.contractID = number % 4 == 0 ? nil : contracts[number % contracts.count]
            ticket.locationID = number % 3 == 0 ? nil : locations[number % locations.count]
            return ticket
        }
        self.companies = companies
        self.contracts = contracts
        self.locations = locations
    }

    /// Commits the tickets in one unit of work.
    func commit(to store: any HelpDeskStore) async throws {
        var work = UnitOfWork()
        for ticket in tickets { work.save(ticket, expectedRevision: nil) }
        try await store.commit(work)
    }

    /// A random scan: half the time a creation period, and a few random filters.
    func scan(using random: inout SplitMix64) -> TicketScan {
        func some<T: Hashable>(_ values: [T]) -> Set<T>? {
            guard random.next() % 3 == 0 else { return nil }
            return Set((0...Int(random.next() % 2)).map { _ in values.randomElement(using: &random)! })
        }
        var scan = TicketScan()
        if random.next() % 2 == 0 {
            let start = TicketFixtures.epoch.addingTimeInterval(Double(random.next() % 36_000))
            scan.createdIn = start..<start.addingTimeInterval(Double(random.next() % 20_000))
        }
        scan.filter = ReportFilter(
            companyIDs: some(companies.map(Optional.some) + [nil]),
            contractIDs: some(contracts.map(Optional.some) + [nil]),
            locationIDs: some(locations.map(Optional.some) + [nil]),
            groupIDs: some(fixtures.groupIDs.map(Optional.some) + [nil]),
            employeeIDs: some(fixtures.employeeIDs.map(Optional.some) + [nil]),
            categoryIDs: some(fixtures.categoryIDs.map(Optional.some) + [nil]),
            priorities: some(Priority.allCases), channels: some(Channel.allCases))
        return scan
    }

    /// A random grouping: any dimension, and 0–12 bucket starts in any order around the tickets'
    /// creation instants (some before the first ticket, some exactly on one, some repeated).
    func grouping(using random: inout SplitMix64) -> TicketGrouping {
        let dimension = ReportDimension.allCases.randomElement(using: &random)!
        let span = Double(tickets.count) * 60
        let starts = (0..<Int(random.next() % 13)).map { _ -> Date in
            random.next() % 4 == 0
                ? tickets.randomElement(using: &random)!.createdAt
                : TicketFixtures.epoch.addingTimeInterval(Double(random.next() % UInt64(span + 7_200)) - 3_600)
        }
        return TicketGrouping(dimension, bucketStarts: starts + starts.prefix(Int(random.next() % 3)))
    }
}
