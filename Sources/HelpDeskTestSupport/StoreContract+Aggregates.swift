import Foundation
import HelpDeskKit

extension StoreContract {
    static let aggregateChecks: [ContractCheck] = [
        ContractCheck("SLA outcome tallies agree with the reference tally, and follow updates") { store in
            let data = ScanFixtures(seed: 60, count: 700)
            try await data.commit(to: store)
            var random = SplitMix64(seed: 61)
            try await requireTallies(in: store, agreeWith: data.tickets, of: data, rounds: 120, using: &random, "stored")

            // Stop, breach, strip and add clocks, then tally again: aggregates read the latest versions.
            var tickets = data.tickets
            var update = UnitOfWork()
            for index in stride(from: 0, to: tickets.count, by: 4) {
                let old = tickets[index]
                var sla = old.sla ?? TicketSLA(policyID: "standard", startedAt: old.createdAt)
                switch random.next() % 4 {
                case 0: if let due = sla.reaction?.dueAt { sla.reaction?.breachedAt = due }
                case 1: sla.resolution?.stoppedAt = old.createdAt.addingTimeInterval(60)
                case 2: sla.reaction = nil
                default: sla.resolution = SLAClock(target: .hours(2), dueAt: old.createdAt.addingTimeInterval(7_200))
                }
                tickets[index].sla = random.next() % 5 == 0 ? nil : sla
                tickets[index].revision += 1
                update.save(tickets[index], expectedRevision: old.revision)
            }
            try await store.commit(update)
            try await requireTallies(in: store, agreeWith: tickets, of: data, rounds: 60, using: &random, "updated")
        }
    ]

    /// Compares `rounds` random scans and groupings of `data` in `store` with the reference tally of
    /// `tickets` (the stored versions of `data`'s tickets).
    private static func requireTallies(
        in store: any HelpDeskStore, agreeWith tickets: [Ticket], of data: ScanFixtures, rounds: Int,
        using random: inout SplitMix64, _ phase: String
    ) async throws {
        var seen = Set<ReportDimension>()
        for round in 0..<rounds {
            let scan = data.scan(using: &random)
            let grouping = data.grouping(using: &random)
            seen.insert(grouping.dimension)
            let expected = SLAOutcomeTally.tally(tickets, in: scan, groupedBy: grouping)
            let actual = try await store.slaOutcomes(in: scan, groupedBy: grouping).sorted { $0.key < $1.key }
            try require(
                actual == expected,
                "\(phase) round \(round): \(grouping.dimension) over \(scan) gave \(actual), expected \(expected)")
        }
        try require(seen.count == ReportDimension.allCases.count, "\(phase): every dimension tried")
    }
}
