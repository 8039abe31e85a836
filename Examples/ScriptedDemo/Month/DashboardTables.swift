import Foundation
import HelpDeskKit

/// The dashboard's HTML tables, every cell escaped: a caption, a `<thead>` of `scope="col"` headers,
/// and body rows whose first cell is a `scope="row"` header; each scrolls sideways on a narrow screen.
enum DashboardTables {
    /// A table with a caption, a header row and body rows; `bad` marks cells to print in red.
    static func table(_ caption: String, header: [String], rows: [[String]], bad: Set<[Int]> = []) -> String {
        var html = "<div class=\"wide\"><table><caption>\(HTML.escape(caption))</caption>\n<thead><tr>"
        html += header.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (r, row) in rows.enumerated() {
            html +=
                "<tr>"
                + row.enumerated().map { c, cell in
                    let open = c == 0 ? "<th scope=\"row\"" : "<td"
                    let close = c == 0 ? "</th>" : "</td>"
                    return open + (bad.contains([r, c]) ? " class=\"bad\">" : ">") + HTML.escape(cell) + close
                }.joined() + "</tr>\n"
        }
        return html + "</tbody></table></div>"
    }

    /// Fees, paid work, labor cost and margin per contract (amounts as `Money` prints them, like the
    /// text report); negative margins in red.
    static func profitability(_ rows: [ProfitabilityRow]) -> String {
        let cells = rows.map { row in
            [
                MonthFormat.name(of: row.key), MonthFormat.money(row.serviceFees, row.currency),
                MonthFormat.money(row.paidWork, row.currency), MonthFormat.money(row.laborCost, row.currency),
                MonthFormat.money(row.margin, row.currency),
            ]
        }
        let bad = Set(rows.enumerated().filter { $0.element.isUnprofitable }.map { [$0.offset, 4] })
        return table(
            "Profitability by contract", header: ["Contract", "Service fees", "Paid work", "Labor cost", "Margin"],
            rows: cells, bad: bad)
    }

    /// The employee ranking.
    static func ranking(_ rows: [EmployeeRankingRow]) -> String {
        let cells = rows.map { row in
            [
                "\(row.rank). " + MonthFormat.name(of: row.key), "\(row.resolvedTickets)",
                MonthFormat.percent(row.resolution.compliancePercent),
                MonthFormat.percent(row.satisfaction?.csatPercent),
                String(format: "%.1f", row.laborHours),
            ]
        }
        return table(
            "Employee ranking", header: ["Employee", "Resolved", "Resolution SLA", "CSAT", "Hours"], rows: cells)
    }
}
