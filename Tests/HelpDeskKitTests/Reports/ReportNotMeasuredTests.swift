import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Tickets whose SLA policy has no target for their priority appear in SLA reports as not measured.
@Suite struct ReportNotMeasuredTests {
    /// Normal tickets have both targets, high tickets only a reaction target, low tickets none.
    static let partial = SLAPolicy(
        id: "partial", name: "Partial", calendar: SLAFixtures.calendar,
        targets: [
            .normal: SLATargets(reaction: .hours(1), resolution: .hours(8)),
            .high: SLATargets(reaction: .minutes(30)),
        ])

    @Test func ticketsWithoutATargetAreCountedAsNotMeasured() async throws {
        let configuration = HelpDeskConfiguration(
            sla: try SLAConfiguration(policies: [Self.partial], defaultPolicyID: "partial"))
        let test = try await TestDesk.make(configuration: configuration)
        try await test.ticket("Normal one")
        try await test.ticket("Normal two")
        try await test.ticket("High", priority: .high)
        let low = try await test.ticket("Low", priority: .low)
        #expect(low.sla != nil && low.sla?.reaction == nil && low.sla?.resolution == nil)

        let reports = try await test.desk.reports(as: .system)
        let request = ReportRequest(
            period: TestDesk.start.addingTimeInterval(-3_600)..<TestDesk.start.addingTimeInterval(86_400))
        let byPriority = Dictionary(
            uniqueKeysWithValues: try await reports.slaCompliance(request, by: .priority).map { ($0.key.value, $0) })
        let lowRow = try #require(byPriority["low"])
        #expect(lowRow.tickets == 1)
        #expect(lowRow.reaction.notMeasured == 1 && lowRow.resolution.notMeasured == 1)
        #expect(lowRow.reaction.met + lowRow.reaction.breached + lowRow.reaction.pending == 0)
        #expect(lowRow.reaction.compliancePercent == nil)
        let highRow = try #require(byPriority["high"])
        #expect(highRow.reaction.notMeasured == 0 && highRow.reaction.pending == 1)
        #expect(highRow.resolution.notMeasured == 1)
        #expect(byPriority["normal"]?.reaction.notMeasured == 0 && byPriority["normal"]?.resolution.notMeasured == 0)

        let total = try #require(try await reports.slaCompliance(request, by: .total).first)
        #expect(total.tickets == 4)
        #expect(total.reaction.notMeasured == 1 && total.resolution.notMeasured == 2)
        for clock in [total.reaction, total.resolution] {
            #expect(clock.met + clock.breached + clock.pending + clock.notMeasured == total.tickets)
        }

        // The CSV has the column, filled, and the JSON carries the figure.
        let lines = ReportExport.csv([lowRow]).split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let header = lines[0].map(String.init)
        for clock in ["reaction", "resolution"] {
            let index = try #require(header.firstIndex(of: "\(clock)_not_measured"))
            #expect(lines[1][index] == "1")
        }
        let json = String(decoding: try ReportExport.json([lowRow]), as: UTF8.self)
        #expect(json.contains("\"notMeasured\" : 1"))
        let decoded = try JSONDecoder().decode(
            SLAClockCounts.self, from: Data(#"{"met":1,"breached":0,"pending":0}"#.utf8))
        #expect(decoded.notMeasured == 0, "JSON written before the figure existed still decodes")
    }
}
