import Foundation
import HelpDeskKit
import Testing
import WorkingTime

/// Every ticket report against a brute-force recomputation on seeded random data sets.
@Suite struct ReportTicketTests {
    static let period = ReportDataSet.start..<ReportDataSet.start.addingTimeInterval(21 * 86_400 + 3_600)

    @Test(arguments: [UInt64(1), 2, 3])
    func slaComplianceMatchesBruteForce(seed: UInt64) async throws {
        let data = try await ReportDataSet(seed: seed)
        let engine = ReportEngine(store: data.store, configuration: ReportDataSet.configuration)
        var random = SplitMix64(seed: seed)
        var unmeasured = [0, 0]
        for dimension in [ReportDimension.bucket, .company, .contract, .employee, .priority, .total] {
            let filter = data.randomFilter(&random)
            let request = ReportRequest(period: Self.period, bucket: .week, filter: filter)
            var expected: [String: [Int]] = [:]
            for ticket in data.tickets
            where Self.period.contains(ticket.createdAt) && ReportDataSet.passes(ticket, filter) {
                guard let sla = ticket.sla else { continue }
                let key =
                    dimension == .bucket
                    ? ReportDataSet.weekKey(ticket.createdAt) : ReportDataSet.value(ticket, dimension) ?? "-"
                // tickets, then per clock: met, breached, pending, not measured (no clock: no target).
                var counts = expected[key, default: [Int](repeating: 0, count: 9)]
                counts[0] += 1
                for (offset, clock) in [sla.reaction, sla.resolution].enumerated() {
                    let slot = clock.map { $0.breachedAt != nil ? 1 : ($0.stoppedAt != nil ? 0 : 2) } ?? 3
                    counts[1 + offset * 4 + slot] += 1
                }
                expected[key] = counts
            }
            let rows = try await engine.slaCompliance(request, by: dimension)
            let actual = Dictionary(
                uniqueKeysWithValues: rows.map { row in
                    (
                        row.key.value ?? "-",
                        [row.tickets]
                            + [row.reaction, row.resolution].flatMap {
                                [$0.met, $0.breached, $0.pending, $0.notMeasured]
                            }
                    )
                })
            #expect(actual == expected, "dimension \(dimension)")
            #expect(!expected.isEmpty)
            unmeasured[0] += expected.values.reduce(0) { $0 + $1[4] }
            unmeasured[1] += expected.values.reduce(0) { $0 + $1[8] }
            for row in rows where row.reaction.met + row.reaction.breached > 0 {
                #expect(
                    row.reaction.compliancePercent! == Double(row.reaction.met) * 100
                        / Double(row.reaction.met + row.reaction.breached))
            }
        }
        #expect(unmeasured[0] > 0 && unmeasured[1] > 0, "no unmeasured clocks in the data set")
    }

    @Test(arguments: [UInt64(4), 5])
    func responseTimesMatchBruteForce(seed: UInt64) async throws {
        let data = try await ReportDataSet(seed: seed)
        let engine = ReportEngine(store: data.store, configuration: ReportDataSet.configuration)
        var random = SplitMix64(seed: seed)
        for dimension in [ReportDimension.bucket, .company, .employee] {
            let filter = data.randomFilter(&random)
            let request = ReportRequest(period: Self.period, bucket: .week, filter: filter)
            var samples: [String: [[Int64]]] = [:]
            for ticket in data.tickets
            where Self.period.contains(ticket.createdAt) && ReportDataSet.passes(ticket, filter) {
                let key =
                    dimension == .bucket
                    ? ReportDataSet.weekKey(ticket.createdAt) : ReportDataSet.value(ticket, dimension) ?? "-"
                // Known policy → its calendar and pauses; otherwise the fallback: 24×7 UTC, nothing paused.
                let known = ticket.sla?.policyID == "std"
                let calendar = known ? ReportDataSet.calendar : .twentyFourSeven()
                let pauses = PauseSet(known ? ticket.sla!.pauses : (ticket.sla?.pauses ?? []))
                for (offset, end) in [ticket.firstResponseAt, ticket.resolvedAt].enumerated() {
                    guard let end else { continue }
                    var lists = samples[key, default: [[], [], [], []]]
                    lists[offset * 2].append(
                        try calendar.workingTime(
                            from: ticket.createdAt, to: end,
                            excluding: known ? pauses : (ticket.sla == nil ? .empty : pauses)
                        ).seconds)
                    lists[offset * 2 + 1].append(Int64(end.timeIntervalSince(ticket.createdAt)))
                    samples[key] = lists
                }
            }
            func stats(_ values: [Int64]) -> [Double?] {
                guard !values.isEmpty else { return [0, nil, nil, nil] }
                let sorted = values.sorted()
                let median = sorted[Int((Double(sorted.count) * 0.5).rounded(.up)) - 1]
                let p90 = sorted[Int((Double(sorted.count) * 0.9).rounded(.up)) - 1]
                return [
                    Double(values.count), Double(values.reduce(0, +)) / Double(values.count), Double(median),
                    Double(p90),
                ]
            }
            let expected = samples.mapValues { $0.flatMap(stats) }
            let rows = try await engine.responseTimes(request, by: dimension)
            let actual = Dictionary(
                uniqueKeysWithValues: rows.map { row in
                    (
                        row.key.value ?? "-",
                        [
                            row.firstResponseWorking, row.firstResponseCalendar, row.resolutionWorking,
                            row.resolutionCalendar,
                        ]
                        .flatMap { stats -> [Double?] in
                            [
                                Double(stats.count), stats.averageSeconds, stats.medianSeconds.map(Double.init),
                                stats.p90Seconds.map(Double.init),
                            ]
                        }
                    )
                })
            #expect(actual.count == expected.count)
            for (key, values) in expected {
                let got = try #require(actual[key])
                for (a, b) in zip(got, values) {
                    #expect(a == nil && b == nil || abs((a ?? .nan) - (b ?? .nan)) < 1e-6, "\(dimension) \(key)")
                }
            }
        }
    }

    @Test func nearestRankPercentiles() {
        #expect(DurationStatistics.nearestRank(50, ofSorted: []) == nil)
        #expect(DurationStatistics.nearestRank(90, ofSorted: [7]) == 7)
        #expect(DurationStatistics.nearestRank(50, ofSorted: [1, 2, 3, 4]) == 2)
        #expect(DurationStatistics.nearestRank(90, ofSorted: Array(1...10)) == 9)
        #expect(DurationStatistics.nearestRank(90, ofSorted: Array(1...11)) == 10)
        #expect(DurationStatistics.nearestRank(100, ofSorted: [1, 5, 9]) == 9)
        var values: [Int64] = [30, 10, 20, 40]
        let stats = DurationStatistics(sorting: &values)
        #expect(stats.count == 4)
        #expect(stats.averageSeconds == 25)
        #expect(stats.medianSeconds == 20)
        #expect(stats.p90Seconds == 40)
    }

    @Test(arguments: [UInt64(6), 7])
    func ticketCountsMatchBruteForce(seed: UInt64) async throws {
        let data = try await ReportDataSet(seed: seed)
        let engine = ReportEngine(store: data.store)
        for dimension in [ReportDimension.contact, .category, .company] {
            var expected: [String: Int] = [:]
            for ticket in data.tickets where Self.period.contains(ticket.createdAt) {
                expected[ReportDataSet.value(ticket, dimension) ?? "-", default: 0] += 1
            }
            let rows = try await engine.ticketCounts(ReportRequest(period: Self.period), by: dimension)
            #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0.key.value ?? "-", $0.tickets) }) == expected)
            #expect(rows.map(\.tickets) == rows.map(\.tickets).sorted(by: >))
            let top = try await engine.ticketCounts(ReportRequest(period: Self.period), by: dimension, top: 2)
            #expect(top == Array(rows.prefix(2)))
        }
    }
}
