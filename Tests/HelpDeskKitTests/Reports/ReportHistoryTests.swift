import Foundation
import HelpDeskKit
import Testing

/// Backlog, first-contact resolution and reopen rates against brute force over audit trails.
@Suite struct ReportHistoryTests {
    static let period = ReportTicketTests.period

    /// Status categories from a trail, recomputed independently: (instant, old, new).
    static func moves(_ trail: [AuditEntry]) -> [(Date, StatusCategory, StatusCategory)] {
        trail.filter { $0.field == .status }.map {
            ($0.at, Workflow.standard.category(of: StatusCode($0.oldValue!))!, Workflow.standard.category(of: StatusCode($0.newValue!))!)
        }
    }

    static func active(_ category: StatusCategory) -> Bool { [.new, .open, .waiting].contains(category) }

    @Test(arguments: [UInt64(8), 9])
    func backlogMatchesBruteForce(seed: UInt64) async throws {
        let data = try await ReportDataSet(seed: seed)
        let engine = ReportEngine(store: data.store)
        let rows = try await engine.backlog(ReportRequest(period: Self.period, bucket: .week))
        #expect(rows.count == 4)
        for (index, row) in rows.enumerated() {
            let start = index == 0 ? Self.period.lowerBound : ReportDataSet.start.addingTimeInterval(Double(index) * 7 * 86_400)
            let end = min(ReportDataSet.start.addingTimeInterval(Double(index + 1) * 7 * 86_400), Self.period.upperBound)
            var opened = 0, resolved = 0, open = 0
            for ticket in data.tickets {
                if (start..<end).contains(ticket.createdAt) { opened += 1 }
                let moves = Self.moves(data.trails[ticket.id]!)
                resolved += moves.count { (start..<end).contains($0.0) && Self.active($0.1) && ($0.2 == .resolved || $0.2 == .closed) }
                if ticket.createdAt < end {
                    let category = moves.last { $0.0 < end }?.2 ?? .new
                    if Self.active(category) { open += 1 }
                }
            }
            let actual: [Int] = [row.opened, row.resolved, row.openAtEnd]
            #expect(actual == [opened, resolved, open], "bucket \(index)")
        }
        #expect(rows.map(\.opened).reduce(0, +) > 0)
        #expect(rows.map(\.resolved).reduce(0, +) > 0)
    }

    @Test(arguments: [UInt64(10), 11])
    func resolutionQualityMatchesBruteForce(seed: UInt64) async throws {
        let data = try await ReportDataSet(seed: seed)
        let engine = ReportEngine(store: data.store)
        var expected: [String: [Int]] = [:]
        for ticket in data.tickets {
            let key = ticket.companyID?.description ?? "-"
            let moves = Self.moves(data.trails[ticket.id]!)
            let reopenings = moves.filter { $0.1 == .resolved && Self.active($0.2) }.map(\.0)
            let category = Workflow.standard.category(of: ticket.status)!
            if category == .resolved || category == .closed, let resolvedAt = ticket.resolvedAt, Self.period.contains(resolvedAt) {
                let replies = data.comments[ticket.id]!.count {
                    if case .employee = $0.author { $0.visibility == .public } else { false }
                }
                expected[key, default: [0, 0, 0, 0]][0] += 1
                if replies <= 1 && reopenings.isEmpty { expected[key]![1] += 1 }
            }
            if let first = moves.first(where: { Self.period.contains($0.0) && Self.active($0.1) && ($0.2 == .resolved || $0.2 == .closed) })?.0 {
                expected[key, default: [0, 0, 0, 0]][2] += 1
                if reopenings.contains(where: { $0 >= first }) { expected[key]![3] += 1 }
            }
        }
        let rows = try await engine.resolutionQuality(ReportRequest(period: Self.period), by: .company)
        let actual = Dictionary(uniqueKeysWithValues: rows.map {
            ($0.key.value ?? "-", [$0.resolvedTickets, $0.firstContactResolved, $0.resolvedInPeriod, $0.reopened])
        })
        #expect(actual == expected)
        #expect(expected.values.map { $0[3] }.reduce(0, +) > 0, "the data set must contain reopenings")
        #expect(expected.values.map { $0[1] }.reduce(0, +) > 0)
    }

    @Test func weeksStartOnMondayInTheRequestZone() {
        let moscow = TimeZone(identifier: "Europe/Moscow")!
        // Wednesday 2026-01-07 12:00 UTC to Tuesday 2026-01-20.
        let period = Date(timeIntervalSince1970: 1_767_787_200)..<Date(timeIntervalSince1970: 1_768_867_200)
        let buckets = ReportBuckets(period: period, bucket: .week, timeZone: moscow)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = moscow
        #expect(buckets.starts.map { formatter.string(from: $0) } == ["2026-01-05T00:00:00+03:00", "2026-01-12T00:00:00+03:00", "2026-01-19T00:00:00+03:00"])
        #expect(buckets.ends.last == period.upperBound)
        #expect(buckets.index(of: period.lowerBound) == 0)
        #expect(buckets.index(of: buckets.starts[1]) == 1)
        #expect(buckets.index(of: period.upperBound) == nil)
        let months = ReportBuckets(period: period, bucket: .month, timeZone: moscow)
        #expect(months.starts.count == 1)
        #expect(ReportBuckets(period: period, bucket: .day, timeZone: moscow).starts.count == 14)
    }
}
