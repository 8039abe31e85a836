import Foundation
import Testing

@testable import ScriptedDemo

/// The month's dashboard and text report as people read them: accessible HTML, axis titles, the
/// paid-work column, one money format, and SLA clocks that were not measured.
@Suite("helpdesk-demo --month: readable reports")
struct DashboardTests {
    /// The dashboard is usable on a phone and by a screen reader: a viewport, table heads with
    /// `scope="col"`, row headers, axis titles on every chart, and the paid-work column of the CSV.
    @Test func dashboardHasAxisTitlesTableHeadsViewportAndPaidWork() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("helpdesk-dashboard-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await ScriptedDemo.month(reportDirectory: directory)
        let html = try String(contentsOf: directory.appendingPathComponent("dashboard.html"), encoding: .utf8)
        #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#))
        let charts = html.components(separatedBy: "<svg").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
        #expect(charts.count == 4)
        for chart in charts {
            let titles = chart.matches(of: /<text class="axis-title"[^>]*>([^<]+)<\/text>/).map { String($0.1) }
            #expect(titles.count == 2, "every chart has an x and a y axis title: \(titles)")
        }
        #expect(html.contains(">Week (Monday to Sunday, within March)</text>") && html.contains(">Tickets</text>"))
        #expect(html.contains("Moscow time, Russian production calendar"))
        #expect(html.contains(">First-contact resolution</div>"))
        let tables = html.components(separatedBy: "<table>").dropFirst().map {
            $0.components(separatedBy: "</table>")[0]
        }
        #expect(tables.count == 2)
        for table in tables {
            let head = try #require(table.firstMatch(of: /<thead><tr>(.*?)<\/tr><\/thead>/)).1
            let columns = head.matches(of: /<th scope="col">/).count
            #expect(columns > 0 && head.matches(of: /<th[ >]/).count == columns, "every header cell has scope=col")
            let body = try #require(table.firstMatch(of: /<tbody>([\s\S]*)<\/tbody>/)).1
            let rows = body.matches(of: /<tr>(.*?)<\/tr>/).map { String($0.1) }
            #expect(!rows.isEmpty)
            for row in rows {
                #expect(row.hasPrefix(#"<th scope="row""#))
                #expect(row.matches(of: /<t[hd][ >]/).count == columns, "\(row)")
            }
        }
        // The paid-work column the CSV has, in the money format of the text report.
        let profitability = try #require(tables.first { $0.contains("Profitability by contract") })
        #expect(profitability.contains(#"<th scope="col">Paid work</th>"#))
        let csv = try String(
            contentsOf: directory.appendingPathComponent("profitability-by-contract.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let currency = try #require(lines[0].firstIndex(of: "currency"))
        let paidWork = try #require(lines[0].firstIndex(of: "paid_work_minor"))
        #expect(lines.count > 1)
        for line in lines.dropFirst() {
            let paid = MonthFormat.money(try #require(Int64(line[paidWork])), String(line[currency]))
            #expect(paid.hasSuffix(" RUB") && profitability.contains("<td>\(paid)</td>"), "\(paid)")
        }
    }

    /// Every amount of the month's text report prints like `Money` (and the scripted day): `126000.00 RUB`.
    @Test func moneyHasOneFormat() async throws {
        let output = try await ScriptedDemo.month()
        let section = output.components(separatedBy: "9. Profitability by contract")[1]
            .components(separatedBy: "10. Debtors")[0]
        let amounts = section.matches(of: /-?[0-9][0-9,.]* RUB/).map { String($0.0) }
        #expect(amounts.count >= 12, "\(amounts)")
        #expect(amounts.allSatisfy { $0.wholeMatch(of: /-?[0-9]+\.[0-9]{2} RUB/) != nil }, "\(amounts)")
        #expect(MonthFormat.money(-3_086_667, "RUB") == "-30866.67 RUB")
        #expect(MonthFormat.money(1_500, "JPY") == "1500 JPY")
    }

    /// The SLA tables show tickets whose policy has no target for their priority (premium network
    /// tickets of normal priority) instead of leaving them out.
    @Test func slaTablesShowNotMeasured() async throws {
        let output = try await ScriptedDemo.month()
        let section = output.components(separatedBy: "2. SLA compliance by contract")[1]
            .components(separatedBy: "3. Response times")[0]
        #expect(section.contains("Not measured"))
        #expect(section.contains(/CB-2026 .* [1-9][0-9]*\/[1-9][0-9]*\n/), "\(section)")
    }
}
