import Foundation
import HelpDeskKit

/// The main reports of the simulated month, read once from `HelpDesk.reports(as:)`.
struct MonthReports: Sendable {
    let request: ReportRequest
    let slaByWeek: [SLAComplianceRow]
    let slaByClient: [SLAComplianceRow]
    /// The total row first, then one row per client.
    let responseTimes: [ResponseTimeRow]
    let backlog: [BacklogRow]
    let csatByEmployee: [SatisfactionRow]
    let laborByClient: [LaborRow]
    let profitability: [ProfitabilityRow]
    let ranking: [EmployeeRankingRow]

    /// Runs every report over `period` in weekly UTC buckets.
    init(desk: HelpDesk, period: Range<Date>) async throws {
        let reports = try await desk.reports(as: .system)
        let request = ReportRequest(period: period, bucket: .week, timeZone: DemoTime.calendar.timeZone)
        self.request = request
        slaByWeek = try await reports.slaCompliance(request, by: .bucket)
        slaByClient = try await reports.slaCompliance(request, by: .company)
        responseTimes =
            try await reports.responseTimes(request, by: .total) + reports.responseTimes(request, by: .company)
        backlog = try await reports.backlog(request)
        csatByEmployee = try await reports.satisfaction(request, by: .employee)
        laborByClient = try await reports.labor(request, by: .company)
        profitability = try await reports.profitability(request, by: .contract)
        ranking = try await reports.employeeRanking(request)
    }

    /// Every report as a CSV file name and its text (`ReportExport.csv`), in print order.
    var csvFiles: [(name: String, text: String)] {
        [
            ("sla-by-week.csv", ReportExport.csv(slaByWeek)),
            ("sla-by-client.csv", ReportExport.csv(slaByClient)),
            ("response-times.csv", ReportExport.csv(responseTimes)),
            ("backlog-by-week.csv", ReportExport.csv(backlog)),
            ("csat-by-employee.csv", ReportExport.csv(csatByEmployee)),
            ("labor-by-client.csv", ReportExport.csv(laborByClient)),
            ("profitability-by-contract.csv", ReportExport.csv(profitability)),
            ("employee-ranking.csv", ReportExport.csv(ranking)),
        ]
    }
}

/// Short, locale-independent texts of report figures.
enum MonthFormat {
    /// The name a row's key stands for: a label, a week, `All`, or `(none)`.
    static func name(of key: ReportKey) -> String {
        switch key.dimension {
        case .total: "All"
        case .bucket: "Week of " + week(of: key)
        default: key.label ?? key.value ?? "(none)"
        }
    }

    /// `YYYY-MM-DD` of a bucket key's start.
    static func week(of key: ReportKey) -> String { String((key.value ?? "").prefix(10)) }

    /// `87.5%`, or `-` when there is nothing to divide.
    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0) } ?? "-"
    }

    /// `4.25`, or `-`.
    static func decimal(_ value: Double?, digits: Int = 2) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "-"
    }

    /// A duration in seconds as `2h 05m` (or `45m`), `-` when absent.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "-" }
        let minutes = Int((seconds / 60).rounded())
        let rest = minutes % 60
        guard minutes >= 60 else { return "\(minutes)m" }
        return "\(minutes / 60)h " + (rest < 10 ? "0\(rest)m" : "\(rest)m")
    }

    /// Minor units of `currency` as `Money` prints them, `90000.00 RUB`: the one money format of every
    /// text report of the demo (the scripted day's statements and debtors print the same way).
    static func money(_ minorUnits: Int64, _ currency: String) -> String {
        guard let code = CurrencyCode(currency) else { return "\(minorUnits) (minor units of \(currency))" }
        return Money(minorUnits: minorUnits, currency: code).description
    }

    /// `met/breached (pending)` counts of one SLA clock.
    static func counts(_ clock: SLAClockCounts) -> String {
        "\(clock.met)/\(clock.breached)" + (clock.pending > 0 ? " (+\(clock.pending))" : "")
    }

    /// Tickets whose policy has no reaction / resolution target for their priority, `2/0`; `-` when none.
    static func notMeasured(_ row: SLAComplianceRow) -> String {
        row.reaction.notMeasured + row.resolution.notMeasured == 0
            ? "-" : "\(row.reaction.notMeasured)/\(row.resolution.notMeasured)"
    }
}
