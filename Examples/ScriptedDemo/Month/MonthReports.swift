import Foundation
import HelpDeskKit

/// The reports of the simulated month, read once from `HelpDesk.reports(as:)` and the billing reads.
struct MonthReports: Sendable {
    let request: ReportRequest
    let slaByWeek: [SLAComplianceRow]
    let slaByContract: [SLAComplianceRow]
    /// The total row first, then one row per client.
    let responseTimes: [ResponseTimeRow]
    let backlog: [BacklogRow]
    /// First-contact resolution and reopen rates: the total row first, then one row per client.
    let firstContact: [ResolutionQualityRow]
    /// Who files the tickets: per client location and per contact, most first.
    let ticketsByLocation: [TicketCountRow]
    let ticketsByContact: [TicketCountRow]
    let csatByEmployee: [SatisfactionRow]
    /// The comments clients left with their ratings.
    let feedback: [FeedbackCommentRow]
    let laborByClient: [LaborRow]
    let profitability: [ProfitabilityRow]
    let ranking: [EmployeeRankingRow]
    /// Debtors and receivables at the end of the month.
    let debtors: [Debtor]
    let ageing: [DebtorAgeing]
    /// Each contract's service periods of the month: included hours, used, and work beyond them.
    let allowances: [AllowanceStatement]
    /// Names of companies and employees (for rows that carry identifiers only).
    let names: [String: String]

    /// Runs every report over `period` in weekly buckets of Moscow time.
    init(desk: HelpDesk, period: Range<Date>) async throws {
        let reports = try await desk.reports(as: .system)
        let request = ReportRequest(period: period, bucket: .week, timeZone: DemoTime.zone)
        self.request = request
        slaByWeek = try await reports.slaCompliance(request, by: .bucket)
        slaByContract = try await reports.slaCompliance(request, by: .contract)
        responseTimes =
            try await reports.responseTimes(request, by: .total) + reports.responseTimes(request, by: .company)
        backlog = try await reports.backlog(request)
        firstContact =
            try await reports.resolutionQuality(request, by: .total)
            + reports.resolutionQuality(request, by: .company)
        ticketsByLocation = try await reports.ticketCounts(request, by: .location)
        ticketsByContact = try await reports.ticketCounts(request, by: .contact)
        csatByEmployee = try await reports.satisfaction(request, by: .employee)
        feedback = try await reports.feedbackComments(request)
        laborByClient = try await reports.labor(request, by: .company)
        profitability = try await reports.profitability(request, by: .contract)
        ranking = try await reports.employeeRanking(request)
        debtors = try await desk.debtors(at: period.upperBound, as: .system)
        ageing = try await desk.debtorAgeing(at: period.upperBound, as: .system)
        allowances = try await desk.allowanceReport(from: period.lowerBound, to: period.upperBound, as: .system)
        var names: [String: String] = [:]
        for company in try await desk.companies(as: .system) { names[company.id.description] = company.name }
        for employee in try await desk.employees(as: .system) { names[employee.id.description] = employee.name }
        self.names = names
    }

    /// Every report as a CSV file name and its text (`ReportExport.csv`), in print order.
    var csvFiles: [(name: String, text: String)] {
        [
            ("sla-by-week.csv", ReportExport.csv(slaByWeek)),
            ("sla-by-contract.csv", ReportExport.csv(slaByContract)),
            ("response-times.csv", ReportExport.csv(responseTimes)),
            ("backlog-by-week.csv", ReportExport.csv(backlog)),
            ("first-contact-resolution.csv", ReportExport.csv(firstContact)),
            ("tickets-by-location.csv", ReportExport.csv(ticketsByLocation)),
            ("tickets-by-contact.csv", ReportExport.csv(ticketsByContact)),
            ("csat-by-employee.csv", ReportExport.csv(csatByEmployee)),
            ("feedback-comments.csv", ReportExport.csv(feedback)),
            ("labor-by-client.csv", ReportExport.csv(laborByClient)),
            ("profitability-by-contract.csv", ReportExport.csv(profitability)),
            ("employee-ranking.csv", ReportExport.csv(ranking)),
        ]
    }

    /// A week bucket's days within the month: `2-8 Mar`, `Sun 1 Mar` (a week cut by the month's start).
    func week(of key: ReportKey) -> String {
        guard let start = MonthFormat.weekStart(of: key) else { return MonthFormat.name(of: key) }
        let first = max(start, request.period.lowerBound)
        let end = min(DemoTime.calendar.date(byAdding: .day, value: 7, to: start)!, request.period.upperBound)
        let last = end.addingTimeInterval(-1)
        guard !DemoTime.calendar.isDate(first, inSameDayAs: last) else {
            return DemoTime.dayAndMonth(first, weekday: true)
        }
        let firstDay = DemoTime.calendar.component(.day, from: first)
        let sameMonth =
            DemoTime.calendar.component(.month, from: first) == DemoTime.calendar.component(.month, from: last)
        return (sameMonth ? "\(firstDay)" : DemoTime.dayAndMonth(first)) + "-" + DemoTime.dayAndMonth(last)
    }
}

/// Short, locale-independent texts of report figures.
enum MonthFormat {
    /// The name a row's key stands for: a label, a week, `All`, or `(none)`.
    static func name(of key: ReportKey) -> String {
        switch key.dimension {
        case .total: "All"
        case .bucket: "Week of " + String((key.value ?? "").prefix(10))
        default: key.label ?? key.value ?? "(none)"
        }
    }

    /// The start of a bucket key (its ISO 8601 value), `nil` for other keys.
    static func weekStart(of key: ReportKey) -> Date? {
        guard key.dimension == .bucket, let value = key.value else { return nil }
        return ISO8601DateFormatter().date(from: value)
    }

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
