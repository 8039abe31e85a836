import Foundation
import HelpDeskKit
import Testing

/// CSV (RFC 4180) and JSON export.
@Suite struct ReportExportTests {
    @Test func csvQuotesOnlyWhatMustBeQuoted() {
        #expect(ReportExport.field("plain") == "plain")
        #expect(ReportExport.field("a,b") == "\"a,b\"")
        #expect(ReportExport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ReportExport.field("line\nbreak") == "\"line\nbreak\"")
        #expect(ReportExport.field("cr\rx") == "\"cr\rx\"")
        #expect(ReportExport.field("Принтер") == "Принтер")
        let row = FeedbackCommentRow(
            ratedAt: Date(timeIntervalSince1970: 0), ticketNumber: 7, score: 5, scaleMaximum: 5, assigneeID: nil,
            comment: "Fast, \"great\"\nthanks")
        let csv = ReportExport.csv([row])
        #expect(
            csv
                == "rated_at,ticket_number,score,scale_maximum,assignee_id,comment\r\n1970-01-01T00:00:00Z,7,5,5,,\"Fast, \"\"great\"\"\nthanks\"\r\n"
        )
        #expect(ReportExport.csvData([row]) == Data(csv.utf8))
    }

    @Test func jsonIsSortedAndDeterministic() throws {
        var counts = SLAClockCounts()
        counts.met = 3
        counts.breached = 1
        let row = SLAComplianceRow(
            key: ReportKey(dimension: .priority, value: "high"), tickets: 4, reaction: counts,
            resolution: SLAClockCounts())
        let first = try ReportExport.json([row])
        #expect(first == (try ReportExport.json([row])))
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("\"compliancePercent\" : 75"))
        let keys = ["key", "reaction", "resolution", "tickets"].map { text.range(of: "\"\($0)\"")!.lowerBound }
        #expect(keys == keys.sorted())
        #expect(SLAComplianceRow.csvHeader.count == row.csvFields.count)
    }

    /// Trend rows say which bucket they are: `week starting 2026-01-05` in the label column, the local
    /// date of the bucket's start in the request's zone.
    @Test func bucketRowsAreLabelled() async throws {
        let engine = ReportEngine(store: InMemoryStore())
        let moscow = TimeZone(identifier: "Europe/Moscow")!
        let start = Date(timeIntervalSince1970: 1_767_560_400)  // Monday 2026-01-05 00:00 in Moscow
        let period = start..<start.addingTimeInterval(40 * 86_400)
        let expected: [TimeBucket: String] = [
            .day: "2026-01-05", .week: "week starting 2026-01-05", .month: "month starting 2026-01-01",
        ]
        for (bucket, first) in expected {
            let rows = try await engine.backlog(ReportRequest(period: period, bucket: bucket, timeZone: moscow))
            #expect(rows.first?.key.label == first)
            #expect(rows.allSatisfy { $0.key.label != nil })
            let csv = ReportExport.csv(rows)
            #expect(csv.split(separator: "\r\n")[1].hasPrefix("bucket,\(rows[0].key.value!),\(first),"))
        }
    }
}
