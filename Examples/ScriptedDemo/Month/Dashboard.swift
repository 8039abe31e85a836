import Foundation
import HelpDeskKit

/// The month's dashboard: one self-contained HTML page (inline CSS and SVG, no scripts or links).
enum Dashboard {
    static let blue = "#2f6fb3", orange = "#e08a2c", green = "#3a9a5b", grey = "#9aa5b1"

    /// The page for `reports`; `title` says which days it covers.
    static func html(_ reports: MonthReports, title: String) -> String {
        let weeks = reports.slaByWeek.map { reports.week(of: $0.key) }
        let sla = SVGChart(
            categories: weeks,
            series: [
                .init(name: "Reaction met %", color: blue, values: reports.slaByWeek.map(\.reaction.compliancePercent)),
                .init(
                    name: "Resolution met %", color: orange,
                    values: reports.slaByWeek.map(\.resolution.compliancePercent)),
            ],
            xTitle: "Week (Monday to Sunday, within March)", yTitle: "Clocks met in time (%)",
            maximum: 100, format: { String(format: "%.0f%%", $0) })
        let backlog = SVGChart(
            categories: reports.backlog.map { reports.week(of: $0.key) },
            series: [
                .init(name: "Opened", color: blue, values: reports.backlog.map { Double($0.opened) }),
                .init(name: "Resolved", color: green, values: reports.backlog.map { Double($0.resolved) }),
                .init(name: "Open at week end", color: orange, values: reports.backlog.map { Double($0.openAtEnd) }),
            ],
            xTitle: "Week (Monday to Sunday, within March)", yTitle: "Tickets")
        let csat = SVGChart(
            categories: reports.csatByEmployee.map { MonthFormat.name(of: $0.key) },
            series: [
                .init(
                    name: "CSAT % (share of 4–5 scores)", color: green,
                    values: reports.csatByEmployee.map(\.csatPercent))
            ],
            xTitle: "Employee rated", yTitle: "Satisfied ratings (%)",
            maximum: 100, format: { String(format: "%.0f%%", $0) })
        let labor = SVGChart(
            categories: reports.laborByClient.map { MonthFormat.name(of: $0.key) },
            series: [
                .init(name: "Hours spent", color: blue, values: reports.laborByClient.map(\.hours)),
                .init(
                    name: "Billable hours", color: green,
                    values: reports.laborByClient.map { Double($0.billableMinutes) / 60 }),
            ],
            xTitle: "Client", yTitle: "Hours logged",
            format: { String(format: "%.0f", $0) })
        let cards = [
            card("SLA compliance by week", sla.lines(title: "SLA compliance by week")),
            card("Backlog by week", backlog.bars(title: "Backlog by week")),
            card("Customer satisfaction by employee", csat.bars(title: "CSAT by employee")),
            card("Labor hours by client", labor.bars(title: "Labor hours by client")),
        ]
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>HelpDeskKit demo: month dashboard</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>Service desk month</h1>
            <p class="sub">\(HTML.escape(title)) · simulated, seeded data · Moscow time, Russian production calendar</p>
            <div class="kpis">\(kpis(reports).joined())</div>
            <div class="grid">
            \(cards.joined(separator: "\n"))
            </div>
            \(DashboardTables.profitability(reports.profitability))
            \(DashboardTables.ranking(reports.ranking))
            </body>
            </html>

            """
    }

    /// The headline figures: tickets, SLA, CSAT, hours.
    static func kpis(_ reports: MonthReports) -> [String] {
        let tickets = reports.slaByContract.reduce(0) { $0 + $1.tickets }
        var reaction = SLAClockCounts()
        var resolution = SLAClockCounts()
        for row in reports.slaByContract {
            reaction.met += row.reaction.met
            reaction.breached += row.reaction.breached
            resolution.met += row.resolution.met
            resolution.breached += row.resolution.breached
        }
        let ratings = reports.csatByEmployee.reduce(0) { $0 + $1.ratings }
        let satisfied = reports.csatByEmployee.reduce(0) { $0 + $1.satisfied }
        let hours = reports.laborByClient.reduce(0.0) { $0 + $1.hours }
        let firstContact = reports.firstContact.first { $0.key.dimension == .total }?.firstContactPercent
        let figures: [(String, String)] = [
            ("Tickets", "\(tickets)"),
            ("Reaction SLA met", MonthFormat.percent(reaction.compliancePercent)),
            ("Resolution SLA met", MonthFormat.percent(resolution.compliancePercent)),
            (
                "CSAT (\(ratings) ratings)",
                MonthFormat.percent(ratings == 0 ? nil : Double(satisfied) * 100 / Double(ratings))
            ),
            ("First-contact resolution", MonthFormat.percent(firstContact)),
            ("Hours logged", String(format: "%.1f", hours)),
        ]
        return figures.map {
            "<div class=\"kpi\"><div class=\"v\">\(HTML.escape($0.1))</div><div class=\"k\">\(HTML.escape($0.0))</div></div>"
        }
    }

    /// A titled card around a chart.
    static func card(_ title: String, _ chart: String) -> String {
        "<section class=\"card\"><h2>\(HTML.escape(title))</h2>\n\(chart)\n</section>"
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1140px;\
        color:#1f2933;background:#f5f7fa;padding:0 16px}
        h1{margin:0 0 4px;font-size:26px}.sub{margin:0 0 18px;color:#616e7c}
        h2{font-size:15px;margin:0 0 6px;color:#323f4b}
        .kpis{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin-bottom:16px}
        .kpi,.card,table{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .kpi{padding:12px 16px}.kpi .v{font-size:24px;font-weight:600}.kpi .k{color:#616e7c;font-size:13px}
        .grid{display:grid;grid-template-columns:1fr 1fr;gap:16px;margin-bottom:16px}
        .card{padding:14px 16px}svg{width:100%;height:auto;display:block}
        table{border-collapse:collapse;width:100%;margin:0 0 16px;font-size:14px;overflow:hidden}
        caption{text-align:left;font-weight:600;font-size:15px;padding:6px 0;color:#323f4b}
        th,td{padding:7px 12px;border-bottom:1px solid #e4e7eb;text-align:right}thead th{background:#eef2f6}
        tbody th{font-weight:400}th:first-child,td:first-child{text-align:left}td.bad{color:#c0392b;font-weight:600}
        .wide{overflow-x:auto;margin:0 0 16px}.wide table{margin:0}td{white-space:nowrap}
        @media (max-width:760px){.kpis{grid-template-columns:repeat(2,1fr)}.grid{grid-template-columns:1fr}\
        th,td{padding:6px 8px;font-size:13px}}
        """
}
