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
        #expect(csv == "rated_at,ticket,score,scale_maximum,assignee,comment\r\n1970-01-01T00:00:00Z,7,5,5,,\"Fast, \"\"great\"\"\nthanks\"\r\n")
        #expect(ReportExport.csvData([row]) == Data(csv.utf8))
    }

    @Test func jsonIsSortedAndDeterministic() throws {
        var counts = SLAClockCounts()
        counts.met = 3
        counts.breached = 1
        let row = SLAComplianceRow(key: ReportKey(dimension: .priority, value: "high"), tickets: 4, reaction: counts, resolution: SLAClockCounts())
        let first = try ReportExport.json([row])
        #expect(first == (try ReportExport.json([row])))
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("\"compliancePercent\" : 75"))
        let keys = ["key", "reaction", "resolution", "tickets"].map { text.range(of: "\"\($0)\"")!.lowerBound }
        #expect(keys == keys.sorted())
        #expect(SLAComplianceRow.csvHeader.count == row.csvFields.count)
    }
}
