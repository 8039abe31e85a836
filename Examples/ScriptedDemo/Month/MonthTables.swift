import Foundation
import HelpDeskKit

extension MonthReports {
    /// Writes every report as an aligned text table.
    func render(into out: inout Transcript) {
        typealias F = MonthFormat
        func slaTable(_ title: String, _ first: String, _ rows: [SLAComplianceRow]) {
            out.heading(title)
            var table = TextTable([
                .init(first), .init("Tickets", .right), .init("Reaction met/breached", .right),
                .init("Reaction", .right),
                .init("Resolution met/breached", .right), .init("Resolution", .right), .init("Not measured", .right),
            ])
            for row in rows {
                table.add([
                    row.key.dimension == .bucket ? week(of: row.key) : F.name(of: row.key), "\(row.tickets)",
                    F.counts(row.reaction),
                    F.percent(row.reaction.compliancePercent),
                    F.counts(row.resolution), F.percent(row.resolution.compliancePercent), F.notMeasured(row),
                ])
            }
            out.lines(table.render())
        }
        slaTable("1. SLA compliance by week", "Week", slaByWeek)
        out.note("(+n) = clocks still running at the end of the period, left out of the percentage.")
        out.note("Not measured = reaction/resolution clocks of tickets whose policy has no target for their")
        out.note("priority (premium covers only high and critical network tickets); also left out.")
        slaTable("2. SLA compliance by contract", "Contract", slaByContract)
        let owing = Set(debtors.flatMap { $0.debts.map(\.contractNumber) }).sorted()
        if !owing.isEmpty {
            out.note(
                "\(owing.joined(separator: ", ")): the client has an overdue invoice, so its new tickets run on the")
            out.note("debtor policy's longer targets.")
        }

        out.heading("3. Response times (working time; calendar time in brackets)")
        var times = TextTable([
            .init("Client"), .init("Responses", .right), .init("First response avg", .right), .init("Median", .right),
            .init("Resolved", .right), .init("Resolution avg", .right), .init("Median", .right), .init("p90", .right),
        ])
        for row in responseTimes {
            table(&times, row)
        }
        out.lines(times.render())

        out.heading("4. Backlog by week")
        var backlogTable = TextTable([
            .init("Week"), .init("Opened", .right), .init("Resolved", .right), .init("Open at end", .right),
        ])
        for row in backlog {
            backlogTable.add([week(of: row.key), "\(row.opened)", "\(row.resolved)", "\(row.openAtEnd)"])
        }
        out.lines(backlogTable.render())

        renderFirstContact(into: &out)
        renderWhoFiles(into: &out)

        out.heading("7. Customer satisfaction by employee")
        var csat = TextTable([
            .init("Employee"), .init("Ratings", .right), .init("Satisfied", .right), .init("CSAT", .right),
            .init("Average", .right),
        ])
        for row in csatByEmployee {
            csat.add([
                F.name(of: row.key), "\(row.ratings)", "\(row.satisfied)", F.percent(row.csatPercent),
                F.decimal(row.averageScore),
            ])
        }
        out.lines(csat.render())
        renderFeedback(into: &out)

        out.heading("8. Labor by client")
        var labor = TextTable([
            .init("Client"), .init("Entries", .right), .init("Hours", .right), .init("Charged h", .right),
            .init("Billable share", .right),
        ])
        for row in laborByClient {
            labor.add([
                F.name(of: row.key), "\(row.entries)", F.decimal(row.hours, digits: 1),
                F.decimal(Double(row.chargedMinutes) / 60, digits: 1), F.percent(row.billableSharePercent),
            ])
        }
        out.lines(labor.render())

        out.heading("9. Profitability by contract")
        out.note("Fees are the service periods; paid work is work outside the contract (billable time and")
        out.note("spare parts) and work beyond the included hours (section 12), charged when its ticket was")
        out.note("resolved (Contoso Bank's once the bank approved it); labor cost is every hour logged.")
        var money = TextTable([
            .init("Contract"), .init("Fees", .right), .init("Paid work", .right), .init("Labor cost", .right),
            .init("Margin", .right), .init("Note"),
        ])
        for row in profitability {
            let currency = row.currency
            money.add([
                F.name(of: row.key), F.money(row.serviceFees, currency), F.money(row.paidWork, currency),
                F.money(row.laborCost, currency), F.money(row.margin, currency),
                row.isUnprofitable ? "UNPROFITABLE" : "",
            ])
        }
        out.lines(money.render())

        renderDebtors(into: &out)

        out.heading("11. Employee ranking")
        var ranking = TextTable([
            .init("#", .right), .init("Employee"), .init("Resolved", .right), .init("Resolution SLA", .right),
            .init("CSAT", .right), .init("Hours", .right),
        ])
        for row in self.ranking {
            ranking.add([
                "\(row.rank)", F.name(of: row.key), "\(row.resolvedTickets)",
                F.percent(row.resolution.compliancePercent),
                F.percent(row.satisfaction?.csatPercent), F.decimal(row.laborHours, digits: 1),
            ])
        }
        out.lines(ranking.render())

        renderAllowances(into: &out)
    }

    /// One response-time row: counts, averages and medians in working time, calendar in brackets.
    private func table(_ table: inout TextTable, _ row: ResponseTimeRow) {
        typealias F = MonthFormat
        func both(_ working: Double?, _ calendar: Double?) -> String {
            F.duration(working) + " (" + F.duration(calendar) + ")"
        }
        table.add([
            F.name(of: row.key), "\(row.firstResponseWorking.count)",
            both(row.firstResponseWorking.averageSeconds, row.firstResponseCalendar.averageSeconds),
            F.duration(row.firstResponseWorking.medianSeconds.map(Double.init)),
            "\(row.resolutionWorking.count)",
            both(row.resolutionWorking.averageSeconds, row.resolutionCalendar.averageSeconds),
            F.duration(row.resolutionWorking.medianSeconds.map(Double.init)),
            F.duration(row.resolutionWorking.p90Seconds.map(Double.init)),
        ])
    }
}
