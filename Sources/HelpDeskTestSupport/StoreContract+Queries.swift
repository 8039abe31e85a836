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
            let data = ScanFixtures(seed: 56, count: 600)
            let tickets = data.tickets
            try await data.commit(to: store)
            var random = SplitMix64(seed: 59)
            for round in 0..<150 {
                let scan = data.scan(using: &random)
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
