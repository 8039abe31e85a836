import Foundation
import HelpDeskKit

/// The dashboard's HTML tables, every cell escaped.
enum DashboardTables {
    /// A table with a caption, a header row and body rows; `bad` marks cells to print in red.
    static func table(_ caption: String, header: [String], rows: [[String]], bad: Set<[Int]> = []) -> String {
        var html = "<table><caption>\(HTML.escape(caption))</caption>\n<tr>"
        html += header.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>\n"
        for (r, row) in rows.enumerated() {
            html += "<tr>" + row.enumerated().map { c, cell in
                (bad.contains([r, c]) ? "<td class=\"bad\">" : "<td>") + HTML.escape(cell) + "</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</table>"
    }

    /// Fees, labor cost and margin per contract; negative margins in red.
    static func profitability(_ rows: [ProfitabilityRow]) -> String {
        let cells = rows.map { row in
            [MonthFormat.name(of: row.key), MonthFormat.money(row.serviceFees), MonthFormat.money(row.laborCost),
             MonthFormat.money(row.margin), row.currency]
        }
        let bad = Set(rows.enumerated().filter { $0.element.isUnprofitable }.map { [$0.offset, 3] })
        return table("Profitability by contract", header: ["Contract", "Service fees", "Labor cost", "Margin", "Currency"], rows: cells, bad: bad)
    }

    /// The employee ranking.
    static func ranking(_ rows: [EmployeeRankingRow]) -> String {
        let cells = rows.map { row in
            ["\(row.rank). " + MonthFormat.name(of: row.key), "\(row.resolvedTickets)",
             MonthFormat.percent(row.resolution.compliancePercent), MonthFormat.percent(row.satisfaction?.csatPercent),
             String(format: "%.1f", row.laborHours)]
        }
        return table("Employee ranking", header: ["Employee", "Resolved", "Resolution SLA", "CSAT", "Hours"], rows: cells)
    }
}
