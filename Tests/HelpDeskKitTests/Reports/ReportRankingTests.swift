import Foundation
import HelpDeskKit
import Testing
import WorkingTime

/// Employee ranking and profitability against a brute-force recomputation on seeded data sets.
@Suite struct ReportRankingTests {
    static let period = ReportTicketTests.period.wholeDays()

    @Test(arguments: [UInt64(31), 32, 33])
    func employeeRankingMatchesBruteForce(seed: UInt64) async throws {
        let set = try await ReportWorkDataSet(seed: seed)
        let engine = ReportEngine(store: set.data.store, configuration: ReportDataSet.configuration)
        var random = SplitMix64(seed: seed)
        let filter = seed == 31 ? ReportFilter() : set.data.randomFilter(&random)
        let request = ReportRequest(period: Self.period, bucket: .week, filter: filter)
        // id → [resolved, reaction met/breached/pending, resolution met/breached/pending, ratings, satisfied, minutes]
        var figures: [EmployeeID: [Int]] = [:]
        func add(_ id: EmployeeID?, _ slot: Int, _ amount: Int = 1) {
            guard let id else { return }
            figures[id, default: Array(repeating: 0, count: 10)][slot] += amount
        }
        var present = Set<EmployeeID>()
        for ticket in set.data.tickets where ReportDataSet.passes(ticket, filter) {
            let category = Workflow.standard.category(of: ticket.status)
            if let resolvedAt = ticket.resolvedAt, Self.period.contains(resolvedAt), category == .resolved || category == .closed {
                add(ticket.assigneeID, 0)
            }
            guard Self.period.contains(ticket.createdAt), let sla = ticket.sla, let assignee = ticket.assigneeID else { continue }
            present.insert(assignee)
            add(assignee, 0, 0)
            for (offset, clock) in [sla.reaction, sla.resolution].enumerated() {
                guard let clock else { continue }
                add(assignee, 1 + offset * 3 + (clock.breachedAt != nil ? 1 : clock.stoppedAt != nil ? 0 : 2))
            }
        }
        for rating in set.ratings where Self.period.contains(rating.ratedAt) {
            guard ReportWorkDataSet.passesExceptEmployee(set.ticket(rating.ticketID), filter),
                filter.employeeIDs == nil || filter.employeeIDs!.contains(rating.assigneeID)
            else { continue }
            add(rating.assigneeID, 7)
            add(rating.assigneeID, 8, 4 * (rating.score - rating.scale.lowerBound) >= 3 * (rating.scale.upperBound - rating.scale.lowerBound) ? 1 : 0)
        }
        for entry in set.entries where Self.period.contains(ReportWorkDataSet.midnight(entry.workDate, in: TimeZone(identifier: "UTC")!)) {
            guard ReportWorkDataSet.passesExceptEmployee(set.ticket(entry.ticketID), filter),
                filter.employeeIDs == nil || filter.employeeIDs!.contains(entry.employeeID)
            else { continue }
            add(entry.employeeID, 9, entry.spentMinutes)
        }
        // Only employees with a figure: resolved tickets, SLA tickets, ratings or labor.
        let listed = figures.filter { id, values in values[0] > 0 || present.contains(id) || values[7] > 0 || values[9] > 0 }
        func percent(_ good: Int, _ bad: Int) -> Double { good + bad == 0 ? -1 : Double(good) * 100 / Double(good + bad) }
        let expected = listed.sorted { a, b in
            let left = [Double(a.value[0]), percent(a.value[4], a.value[5]), a.value[7] == 0 ? -1 : Double(a.value[8]) * 100 / Double(a.value[7]), Double(a.value[9])]
            let right = [Double(b.value[0]), percent(b.value[4], b.value[5]), b.value[7] == 0 ? -1 : Double(b.value[8]) * 100 / Double(b.value[7]), Double(b.value[9])]
            if left != right { return left.lexicographicallyPrecedes(right) == false }
            return a.key.description < b.key.description
        }.map { [$0.key.description] + $0.value.map(String.init) }
        let rows = try await engine.employeeRanking(request)
        let actual = rows.map { row in
            [row.key.value!] + [row.resolvedTickets, row.reaction.met, row.reaction.breached, row.reaction.pending,
                                row.resolution.met, row.resolution.breached, row.resolution.pending,
                                row.satisfaction?.ratings ?? 0, row.satisfaction?.satisfied ?? 0, row.spentMinutes].map(String.init)
        }
        #expect(actual == expected)
        #expect(rows.map(\.rank) == Array(rows.indices).map { $0 + 1 })
        #expect(expected.count >= 2 && Set(expected.map { $0[1] }).count > 1, "trivial data set")
        #expect(rows.allSatisfy { $0.key.label != nil })
    }
}
