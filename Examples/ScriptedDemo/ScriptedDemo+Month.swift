import Foundation
import HelpDeskKit

extension ScriptedDemo {
    /// Simulates March 2026 on a fresh in-memory desk and returns the report tables.
    ///
    /// The month's working days follow the Russian production calendar. With `reportDirectory`, also
    /// writes one CSV per report and `dashboard.html` there. The same text and files on every run.
    public static func month(reportDirectory: URL? = nil) async throws -> String {
        let demo = try await MonthDesk.seeded()
        var simulation = MonthSimulation(demo: demo)
        let days = MonthSimulation.workingDays
        try await simulation.run(days: days)
        let month = MonthDesk.month
        let reports = try await MonthReports(desk: demo.desk, period: month)

        var out = Transcript()
        out.line("HelpDeskKit demo: a simulated month at a small service desk in Moscow")
        out.line("March 2026 in Moscow time: \(days.count) working days by the Russian production calendar; three")
        out.line("clients, seeded random choices: every run prints exactly the same text.")
        for holiday in DemoCalendar.holidays(from: month.lowerBound, to: month.upperBound) {
            out.line("Public holiday: \(holiday).")
        }
        let tally = simulation.tally
        out.line()
        out.note(
            "\(tally.created) tickets, \(tally.resolutions) resolutions, \(tally.reopened) reopened, \(tally.closed) closed, \(tally.postponed) postponed;"
        )
        out.note(
            "\(tally.timeEntries) time entries, \(tally.paidTickets) tickets with paid work, \(tally.ratings) ratings; \(tally.billingSteps) invoices, payments and top-ups;"
        )
        out.note(
            "Contoso Bank approved \(tally.approved) paid jobs in the portal and declined \(tally.declined); the host's ticks raised"
        )
        out.note("\(tally.slaWarnings) SLA warnings and \(tally.slaBreaches) breaches.")
        out.note(
            "Reports cover \(DemoTime.date(month.lowerBound)) to \(DemoTime.date(month.upperBound.addingTimeInterval(-1))) in weekly buckets (weeks start on Monday)."
        )
        reports.render(into: &out)
        if let reportDirectory {
            let files = try MonthExport.write(
                reports, title: "March 2026, \(days.count) working days", to: reportDirectory)
            out.line()
            out.line("  Wrote \(files.count) files to \(reportDirectory.path): \(files.joined(separator: ", "))")
        }
        return out.text
    }
}
