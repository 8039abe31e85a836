import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import PostgresStore
import Testing

/// Rough figures for the adapter, run only with `HELPDESK_PG_BENCH=1` (they take a minute):
/// commits per second with 1 and 16 concurrent writers, and a filtered page at 100k tickets.
@Suite(
    "PostgreSQL store figures",
    .enabled(if: ScratchDatabase.server != nil && ProcessInfo.processInfo.environment["HELPDESK_PG_BENCH"] == "1"))
struct BenchmarkTests {
    @Test func figures() async throws {
        try await ScratchDatabase.withStore { store in
            let clock = ContinuousClock()
            for writers in [1, 16] {
                let perWriter = 1_600 / writers
                let base = writers == 1 ? 0 : 10_000
                let elapsed = try await clock.measure {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for writer in 0..<writers {
                            group.addTask {
                                for unit in 0..<perWriter {
                                    let number = base + writer * perWriter + unit + 1
                                    try await store.commit(Units.creation(of: Units.ticket(number: number)))
                                }
                            }
                        }
                        try await group.waitForAll()
                    }
                }
                print("figure: \(writers) writer(s): \(rate(writers * perWriter, in: elapsed)) commits/s")
            }

            let fixtures = TicketFixtures(seed: 7)
            let tickets = fixtures.tickets(count: 100_000, firstNumber: 100_000, seed: 8)
            let loading = try await clock.measure {
                for chunk in stride(from: 0, to: tickets.count, by: 1_000) {
                    var work = UnitOfWork()
                    for ticket in tickets[chunk..<min(chunk + 1_000, tickets.count)] {
                        work.save(ticket, expectedRevision: nil)
                    }
                    try await store.commit(work)
                }
            }
            print("figure: loading 100k tickets in units of 1,000: \(loading)")
            var random = SplitMix64(seed: 9)
            let queries = (0..<50).map { _ in fixtures.query(using: &random, ticketCount: tickets.count) }
            let paging = try await clock.measure {
                for query in queries { _ = try await store.tickets(matching: query, workflow: .standard) }
            }
            print("figure: filtered page at ~103k tickets: \(paging / queries.count) per query (mean of 50)")
            let scan = try await clock.measure { _ = try await store.allTickets() }
            print("figure: allTickets() at ~103k tickets: \(scan)")
        }
    }

    private func rate(_ count: Int, in duration: Duration) -> Int {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return Int(Double(count) / seconds)
    }
}
