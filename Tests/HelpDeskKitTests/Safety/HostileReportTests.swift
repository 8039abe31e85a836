import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Reports (issue #14, points 6.3 and 6.5): periods beyond any calendar are rejected before a
/// report builds its buckets, and the statistics helpers take any numbers.
@Suite("Hostile numbers in reports")
struct HostileReportTests {
    /// Every report of the engine on `request`.
    static func runEveryReport(_ reports: ReportEngine, _ request: ReportRequest) async throws {
        _ = try await reports.ticketCounts(request, by: .bucket)
        _ = try await reports.backlog(request)
        _ = try await reports.responseTimes(request, by: .total)
        _ = try await reports.resolutionQuality(request, by: .total)
        _ = try await reports.slaCompliance(request, by: .total)
        _ = try await reports.satisfaction(request, by: .total)
        _ = try await reports.feedbackComments(request)
        _ = try await reports.labor(request, by: .employee)
        _ = try await reports.profitability(request, by: .company)
        _ = try await reports.employeeRanking(request)
    }

    @Test(.timeLimit(.minutes(1)))
    func reportPeriodsBeyondAnyCalendarAreRejected() async throws {
        let test = try await TestDesk.make()
        try await test.ticket()
        let reports = try await test.desk.reports(as: .system)
        let periods = [
            SafetyFixture.farPast..<SafetyFixture.farFuture, Date.distantPast..<Date.distantFuture,
            TestDesk.start..<SafetyFixture.farFuture, SafetyFixture.farPast..<TestDesk.start,
        ]
        for period in periods {
            for bucket in TimeBucket.allCases {
                await #expect(throws: SafetyFixture.outOfRange("period")) {
                    try await Self.runEveryReport(reports, ReportRequest(period: period, bucket: bucket))
                }
            }
            await #expect(throws: SafetyFixture.outOfRange("period")) {
                _ = try await reports.billingPaidWork.paidWork(in: period)
            }
            // Built directly, such buckets are empty rather than endless.
            #expect(ReportBuckets(period: period, bucket: .day, timeZone: TimeZone(identifier: "UTC")!).starts.isEmpty)
            #expect(
                ReportBuckets(period: period, bucket: .day, timeZone: TimeZone(identifier: "UTC")!).index(
                    of: TestDesk.start) == nil)
        }
        // The widest accepted period works, in every report.
        try await Self.runEveryReport(
            reports,
            ReportRequest(
                period: (TestDesk.start..<TestDesk.start.addingTimeInterval(86_400 * 400)).wholeDays(), bucket: .month))
    }

    @Test func proratingAPeriodNoInt64OfSecondsCanMeasureIsAnOverflow() {
        var ids = SeededIdentifierSource(seed: 4)
        let stored = ServicePeriod(
            id: ids.next(), startsAt: SafetyFixture.farPast, endsAt: SafetyFixture.farFuture,
            fee: ClientFixture.rub(1_000))
        #expect(throws: MoneyError.overflow) {
            _ = try ReportEngine.proratedFee(of: stored, in: ClientFixture.day(0)..<ClientFixture.day(1))
        }
    }

    @Test func durationStatisticsOfHugeValuesAverageExactly() {
        var values: [Int64] = [.max, .max, .max]
        let statistics = DurationStatistics(selecting: &values)
        #expect(statistics.averageSeconds == Double(Int64.max))
        #expect(statistics.p90Seconds == .max)
        var mixed: [Int64] = [.min, .max, 1]
        #expect(DurationStatistics(selecting: &mixed).averageSeconds == 0)
    }

    @Test func nearestRankOfAnyPercentIsAnObservedValue() {
        #expect(DurationStatistics.nearestRank(.max, ofSorted: [1, 2, 3]) == 3)
        #expect(DurationStatistics.nearestRank(.min, ofSorted: [1, 2, 3]) == 1)
        #expect(DurationStatistics.nearestRank(50, ofSorted: [1, 2, 3, 4]) == 2)
    }

    @Test func satisfactionOnAnExtremeScaleDoesNotOverflow() {
        #expect(SatisfactionRow.isSatisfied(score: .max, scale: Int.min...Int.max))
        #expect(!SatisfactionRow.isSatisfied(score: .min, scale: Int.min...Int.max))
        #expect(SatisfactionRow.isSatisfied(score: 4, scale: 1...5))
        #expect(!SatisfactionRow.isSatisfied(score: 3, scale: 1...5))
    }
}
