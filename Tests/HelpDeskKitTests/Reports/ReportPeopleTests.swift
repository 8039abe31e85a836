import Foundation
import HelpDeskKit
import Testing
import WorkingTime

/// Satisfaction, feedback comments and labor against a brute-force recomputation on seeded data sets.
@Suite struct ReportPeopleTests {
    static let period = ReportTicketTests.period

    /// The key a rating falls under, as the reference defines it.
    static func ratingKey(_ rating: Rating, _ ticket: Ticket, _ dimension: ReportDimension) -> String {
        switch dimension {
        case .bucket: ReportDataSet.weekKey(rating.ratedAt)
        case .employee: rating.assigneeID?.description ?? "-"
        default: ReportDataSet.value(ticket, dimension) ?? "-"
        }
    }

    @Test(arguments: [UInt64(21), 22])
    func satisfactionMatchesBruteForce(seed: UInt64) async throws {
        let set = try await ReportWorkDataSet(seed: seed)
        let engine = ReportEngine(store: set.data.store, configuration: ReportDataSet.configuration)
        var random = SplitMix64(seed: seed)
        var scalesSeen = Set<Int>()
        var mixed = false
        for (index, dimension) in [ReportDimension.bucket, .company, .contract, .employee, .total].enumerated() {
            let filter = index == 0 ? ReportFilter() : set.data.randomFilter(&random)
            let request = ReportRequest(period: Self.period, bucket: .week, filter: filter)
            // key → ratings, satisfied, score sum; normalized sums apart (floating point).
            var counts: [String: [Int]] = [:]
            var normalized: [String: Double] = [:]
            for rating in set.ratings where Self.period.contains(rating.ratedAt) {
                let ticket = set.ticket(rating.ticketID)
                guard ReportWorkDataSet.passesExceptEmployee(ticket, filter),
                    filter.employeeIDs == nil || filter.employeeIDs!.contains(rating.assigneeID)
                else { continue }
                let key = dimension == .total ? "-" : Self.ratingKey(rating, ticket, dimension)
                let low = rating.scale.lowerBound, high = rating.scale.upperBound
                let satisfied = Double(rating.score - low) >= 0.75 * Double(high - low)
                counts[key, default: [0, 0, 0]][0] += 1
                counts[key]![1] += satisfied ? 1 : 0
                counts[key]![2] += rating.score
                normalized[key, default: 0] += high == low ? 1 : Double(rating.score - low) / Double(high - low)
                scalesSeen.insert(high)
            }
            let rows = try await engine.satisfaction(request, by: dimension)
            let actual = Dictionary(uniqueKeysWithValues: rows.map { ($0.key.value ?? "-", [$0.ratings, $0.satisfied, $0.scoreSum]) })
            #expect(actual == counts, "dimension \(dimension)")
            mixed = mixed || counts.values.contains { $0[1] > 0 && $0[1] < $0[0] }
            for row in rows {
                let key = row.key.value ?? "-", count = Double(counts[key]?[0] ?? 0)
                #expect(abs(row.averageNormalizedPercent! - normalized[key]! * 100 / count) < 1e-9)
                #expect(row.csatPercent! == Double(counts[key]![1]) * 100 / count)
                #expect(row.averageScore! == Double(counts[key]![2]) / count)
            }
            #expect(rows.map { $0.key.value ?? "" } == rows.map { $0.key.value ?? "" }.sorted() || dimension == .total)
        }
        #expect(scalesSeen == [1, 3, 5, 10] && mixed, "trivial data set")
    }

    @Test func feedbackCommentsMatchBruteForce() async throws {
        let set = try await ReportWorkDataSet(seed: 23)
        let engine = ReportEngine(store: set.data.store, configuration: ReportDataSet.configuration)
        var random = SplitMix64(seed: 23)
        for _ in 0..<4 {
            let filter = set.data.randomFilter(&random)
            let expected = set.ratings.filter { rating in
                Self.period.contains(rating.ratedAt) && rating.comment != nil
                    && ReportWorkDataSet.passesExceptEmployee(set.ticket(rating.ticketID), filter)
                    && (filter.employeeIDs == nil || filter.employeeIDs!.contains(rating.assigneeID))
            }.sorted { $0.ratedAt < $1.ratedAt }.map {
                FeedbackCommentRow(
                    ratedAt: $0.ratedAt, ticketNumber: $0.ticketNumber.rawValue, score: $0.score,
                    scaleMaximum: $0.scale.upperBound, assigneeID: $0.assigneeID, comment: $0.comment!)
            }
            #expect(try await engine.feedbackComments(ReportRequest(period: Self.period, filter: filter)) == expected)
            #expect(filter != ReportFilter() || expected.count > 20)
        }
    }

    @Test(arguments: [UInt64(24), 25])
    func laborMatchesBruteForce(seed: UInt64) async throws {
        let set = try await ReportWorkDataSet(seed: seed)
        let engine = ReportEngine(store: set.data.store, configuration: ReportDataSet.configuration)
        var random = SplitMix64(seed: seed)
        let dimensions: [ReportDimension] = [.bucket, .company, .contract, .employee, .activity, .total]
        for (index, dimension) in dimensions.enumerated() {
            let filter = index == 0 ? ReportFilter() : set.data.randomFilter(&random)
            // Trends in UTC (week keys); the rest in Berlin, where a work date's midnight is 23:00 UTC the day before.
            let zone = dimension == .bucket ? TimeZone(identifier: "UTC")! : TimeZone(identifier: "Europe/Berlin")!
            let period = Self.period.wholeDays(in: zone)
            let request = ReportRequest(period: period, bucket: .week, timeZone: zone, filter: filter)
            var expected: [String: [Int]] = [:]
            for entry in set.entries {
                let midnight = ReportWorkDataSet.midnight(entry.workDate, in: zone)
                let ticket = set.ticket(entry.ticketID)
                guard period.contains(midnight), ReportWorkDataSet.passesExceptEmployee(ticket, filter),
                    filter.employeeIDs == nil || filter.employeeIDs!.contains(entry.employeeID)
                else { continue }
                let key = switch dimension {
                case .bucket: ReportDataSet.weekKey(midnight)
                case .employee: entry.employeeID.description
                case .activity: entry.activity
                case .total: "-"
                default: ReportDataSet.value(ticket, dimension) ?? "-"
                }
                var sums = expected[key, default: [0, 0, 0, 0]]
                sums[0] += 1
                sums[1] += entry.spentMinutes
                sums[2] += entry.chargedMinutes
                sums[3] += entry.billable ? entry.spentMinutes : 0
                expected[key] = sums
            }
            let rows = try await engine.labor(request, by: dimension)
            let actual = Dictionary(uniqueKeysWithValues: rows.map {
                ($0.key.value ?? "-", [$0.entries, $0.spentMinutes, $0.chargedMinutes, $0.billableMinutes])
            })
            #expect(actual == expected, "dimension \(dimension)")
            // The unfiltered trend must be a real mix; a random filter may leave a single row.
            #expect(
                index != 0 || expected.values.contains { $0[0] > 1 && $0[3] > 0 && $0[3] < $0[1] },
                "trivial data set for \(dimension): \(expected)")
            #expect(!expected.isEmpty, "the filter for \(dimension) left nothing to compare")
            for row in rows {
                #expect(row.hours == Double(row.spentMinutes) / 60)
                #expect(row.billableSharePercent == Double(row.billableMinutes) * 100 / Double(row.spentMinutes))
            }
        }
    }
}

@Suite("Labor reports take whole days")
struct LaborPeriodTests {
    @Test func aPeriodNotFromMidnightToMidnightIsRefusedWithAReason() async throws {
        let set = try await ReportWorkDataSet(seed: 24)
        let engine = ReportEngine(store: set.data.store, configuration: ReportDataSet.configuration)
        let days = ReportTicketTests.period.wholeDays()
        let nineAM = days.lowerBound.addingTimeInterval(9 * 3_600)..<days.upperBound
        for period in [nineAM, days.lowerBound..<days.upperBound.addingTimeInterval(60)] {
            await #expect(throws: HelpDeskError.self) { try await engine.labor(ReportRequest(period: period), by: .total) }
            await #expect(throws: HelpDeskError.self) { try await engine.employeeRanking(ReportRequest(period: period)) }
        }
        let error = await #expect(throws: HelpDeskError.self) {
            try await engine.labor(ReportRequest(period: nineAM), by: .total)
        }
        #expect(error?.field == "period" && error?.code == .invalidInput)
        #expect(try await engine.labor(ReportRequest(period: days), by: .total).first?.entries ?? 0 > 0)
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        await #expect(throws: HelpDeskError.self, "UTC midnights are not Berlin midnights") {
            try await engine.labor(ReportRequest(period: days, timeZone: berlin), by: .total)
        }
        _ = try await engine.labor(ReportRequest(period: days.wholeDays(in: berlin), timeZone: berlin), by: .total)
    }
}
