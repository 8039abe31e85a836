import Foundation
import Testing

@testable import DemoHost

/// `helpdesk-demo --month`: the simulated month, its report tables, CSV files and HTML dashboard.
@Suite("helpdesk-demo --month")
struct MonthTests {
    /// A short month (one working week) keeps the tests fast; the code path is the full month's.
    static let days = 5

    /// Two runs print byte-identical tables.
    @Test func monthIsDeterministic() async throws {
        let first = try await DemoHost.runMonth(days: Self.days)
        let second = try await DemoHost.runMonth(days: Self.days)
        #expect(first == second)
    }

    /// The output has every report section, filled with rows for the three clients and the staff.
    @Test func tablesHaveEverySection() async throws {
        let output = try await DemoHost.runMonth(days: Self.days)
        for section in [
            "1. SLA compliance by week", "2. SLA compliance by client", "3. Response times", "4. Backlog by week",
            "5. Customer satisfaction by employee", "6. Labor by client", "7. Profitability by contract",
            "8. Employee ranking",
        ] {
            #expect(output.contains(section), "missing \(section)")
        }
        for name in [
            "Acme Ltd", "Northwind Traders", "Contoso Bank", "AC-2026", "NW-2026", "CB-2026", "Sam Carter",
            "Week of 2026-03-02",
        ] {
            #expect(output.contains(name), "missing \(name)")
        }
        #expect(output.contains("5 working days, 2026-03-02 to 2026-03-06"))
        #expect(!output.contains(/[0-9A-F]{8}-[0-9A-F]{4}-/), "identifiers leaked into the output")
        #expect(!output.contains("Wrote"))
    }

    /// The simulation exercises the engine: tickets, resolutions, ratings, time, SLA breaches.
    @Test func simulationDoesRealWork() async throws {
        let demo = try await MonthDesk.seeded()
        var simulation = MonthSimulation(demo: demo)
        try await simulation.run(days: Self.days)
        let tally = simulation.tally
        #expect(tally.created > 15)
        #expect(tally.resolutions > 10)
        #expect(tally.ratings > 5)
        #expect(tally.timeEntries > 10)
        #expect(tally.slaBreaches > 0)
    }

    /// With a report directory: one CSV per report with the right header, and a self-contained dashboard.
    @Test func reportDirectoryHoldsCSVAndDashboard() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("helpdesk-month-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try await DemoHost.runMonth(days: Self.days, reportDirectory: directory)
        #expect(output.contains("Wrote 9 files to"))

        let headers = [
            "sla-by-week.csv":
                "dimension,key,label,tickets,reaction_met,reaction_breached,reaction_pending,reaction_not_measured,"
                + "reaction_compliance_percent,",
            "sla-by-client.csv": "dimension,key,label,tickets,",
            "response-times.csv":
                "dimension,key,label,first_response_working_count,first_response_working_average_seconds,",
            "backlog-by-week.csv": "dimension,key,label,opened,resolved,open_at_end\r\n",
            "csat-by-employee.csv":
                "dimension,key,label,ratings,satisfied,csat_percent,average_score,average_normalized_percent\r\n",
            "labor-by-client.csv":
                "dimension,key,label,entries,spent_minutes,charged_minutes,billable_minutes,spent_hours,"
                + "billable_share_percent\r\n",
            "profitability-by-contract.csv":
                "dimension,key,label,currency,service_fees_minor,paid_work_minor,revenue_minor,labor_cost_minor,margin_minor,",
            "employee-ranking.csv":
                "rank,dimension,key,label,resolved_tickets,reaction_compliance_percent,resolution_compliance_percent,"
                + "ratings,csat_percent,labor_hours\r\n",
        ]
        for (name, header) in headers {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix(header), "\(name) starts with \(text.prefix(80))")
            #expect(text.split(separator: "\r\n").count >= 2, "\(name) has no rows")
        }
        let csat = try String(contentsOf: directory.appendingPathComponent("csat-by-employee.csv"), encoding: .utf8)
        #expect(csat.contains("Sam Carter"))

        let html = try String(contentsOf: directory.appendingPathComponent("dashboard.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
        #expect(html.contains("<polyline"))
        #expect(!html.lowercased().contains("http"), "the dashboard must not link anything")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(html.contains("Contoso Bank"))
        #expect(html.components(separatedBy: "\n").count < 400)
    }

    /// Text in the page is escaped.
    @Test func htmlIsEscaped() {
        #expect(HTML.escape("R&D <\"x\"> 'y'") == "R&amp;D &lt;&quot;x&quot;&gt; &#39;y&#39;")
    }

    /// Chart axes round up to 1, 2 or 5 × 10ⁿ, bars stay inside the plot.
    @Test func chartAxisIsRound() {
        let chart = SVGChart(
            categories: ["a", "b"], series: [.init(name: "n", color: "#000", values: [3, 17])], xTitle: "x", yTitle: "y"
        )
        #expect(chart.axisTop == 20)
        #expect(chart.y(0) == chart.top + chart.plotHeight)
        #expect(chart.y(20) == chart.top)
        #expect(chart.bars(title: "t").contains("<rect"))
    }
}
