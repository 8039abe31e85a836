import Foundation
import HelpDeskKit

extension StoreContract {
    static let queryChecks: [ContractCheck] = [
        ContractCheck("ticket queries agree with the reference evaluation on random data") { store in
            let fixtures = TicketFixtures(seed: 50)
            let tickets = fixtures.tickets(count: 1_500, seed: 51)
            for chunk in stride(from: 0, to: tickets.count, by: 250) {
                var work = UnitOfWork()
                for ticket in tickets[chunk..<min(chunk + 250, tickets.count)] {
                    work.save(ticket, expectedRevision: nil)
                }
                try await store.commit(work)
            }
            var random = SplitMix64(seed: 52)
            for round in 0..<300 {
                let query = fixtures.query(using: &random, ticketCount: tickets.count)
                let expected = query.evaluate(tickets, workflow: .standard)
                let actual = try await store.tickets(matching: query, workflow: .standard)
                try require(
                    actual == expected,
                    "round \(round): \(query) gave \(actual.tickets.map(\.number)) of \(actual.totalCount), "
                        + "expected \(expected.tickets.map(\.number)) of \(expected.totalCount)")
            }
        },
        ContractCheck("query results follow ticket updates") { store in
            let fixtures = TicketFixtures(seed: 53)
            var tickets = fixtures.tickets(count: 200, seed: 54)
            var work = UnitOfWork()
            for ticket in tickets { work.save(ticket, expectedRevision: nil) }
            try await store.commit(work)
            var random = SplitMix64(seed: 55)
            var update = UnitOfWork()
            for index in stride(from: 0, to: tickets.count, by: 3) {
                let old = tickets[index]
                tickets[index].status = fixtures.statuses.randomElement(using: &random)!
                tickets[index].assigneeID = fixtures.employeeIDs.randomElement(using: &random)
                tickets[index].title = "Changed \(index) title"
                tickets[index].priority = .critical
                tickets[index].revision += 1
                update.save(tickets[index], expectedRevision: old.revision)
            }
            try await store.commit(update)
            for _ in 0..<100 {
                let query = fixtures.query(using: &random, ticketCount: tickets.count)
                let expected = query.evaluate(tickets, workflow: .standard)
                let actual = try await store.tickets(matching: query, workflow: .standard)
                try require(actual == expected, "\(query): stale query results after update")
            }
        },
        ContractCheck("ticket scans return every ticket the reference filter keeps, each once") { store in
            let fixtures = TicketFixtures(seed: 56)
            var ids = SeededIdentifierSource(seed: 57)
            let companies: [CompanyID] = (0..<4).map { _ in ids.next() }
            let contracts: [ContractID] = (0..<3).map { _ in ids.next() }
            let locations: [LocationID] = (0..<5).map { _ in ids.next() }
            let tickets = fixtures.tickets(count: 600, seed: 58).map { ticket in
                var ticket = ticket
                let number = ticket.number.rawValue
                ticket.companyID = number % 5 == 0 ? nil : companies[number % companies.count]
                ticket.contractID = number % 4 == 0 ? nil : contracts[number % contracts.count]
                ticket.locationID = number % 3 == 0 ? nil : locations[number % locations.count]
                return ticket
            }
            var work = UnitOfWork()
            for ticket in tickets { work.save(ticket, expectedRevision: nil) }
            try await store.commit(work)
            var random = SplitMix64(seed: 59)
            func some<T: Hashable>(_ values: [T]) -> Set<T>? {
                guard random.next() % 3 == 0 else { return nil }
                return Set((0...Int(random.next() % 2)).map { _ in values.randomElement(using: &random)! })
            }
            for round in 0..<150 {
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
                let expected = tickets.filter(scan.matches)
                let returned = try await store.tickets(in: scan)
                try require(
                    Set(returned.map(\.number)).count == returned.count, "round \(round): a ticket returned twice")
                try require(
                    returned.allSatisfy { tickets[$0.number.rawValue - 1] == $0 }, "round \(round): a ticket not as stored")
                let kept = returned.filter(scan.matches).map(\.number).sorted()
                try require(
                    kept == expected.map(\.number), "round \(round): \(scan) kept \(kept.count) tickets, expected \(expected.count)")
            }
            try requireEqual(try await store.tickets(in: TicketScan()).count, tickets.count, "the unrestricted scan")
        },
    ]
}
