import Foundation
import HelpDeskKit

extension DemoHost {
    /// Working days in `helpdesk-demo --month`: six weeks, 2 March to 10 April 2026.
    static let monthDays = 30

    /// Simulates `days` working days on a fresh desk and returns the report tables; with
    /// `reportDirectory`, also writes one CSV per report and `dashboard.html` there.
    /// The same text and files on every run.
    static func runMonth(days: Int = monthDays, reportDirectory: URL? = nil) async throws -> String {
        let demo = try await MonthDesk.seeded()
        var simulation = MonthSimulation(demo: demo)
        try await simulation.run(days: days)
        let workingDays = MonthSimulation.workingDays(days)
        let start = workingDays[0]
        let weeks = (DemoTime.calendar.dateComponents([.day], from: start, to: workingDays[workingDays.count - 1]).day! / 7) + 1
        let end = start.addingTimeInterval(Double(weeks) * 7 * 86_400)
        let reports = try await MonthReports(desk: demo.desk, period: start..<end)

        var out = Transcript()
        out.line("HelpDeskKit demo: a simulated month at a small service desk")
        out.line("\(days) working days, \(DemoTime.date(start)) to \(DemoTime.date(workingDays[workingDays.count - 1])) (UTC), three")
        out.line("clients, seeded random choices: every run prints exactly the same text.")
        let tally = simulation.tally
        out.line()
        out.note("\(tally.created) tickets, \(tally.resolutions) resolutions, \(tally.reopened) reopened, \(tally.closed) closed, \(tally.postponed) postponed;")
        out.note("\(tally.timeEntries) time entries, \(tally.ratings) ratings; the host's ticks raised \(tally.slaWarnings) SLA warnings and \(tally.slaBreaches) breaches.")
        out.note("Reports cover \(DemoTime.date(start)) to \(DemoTime.date(end.addingTimeInterval(-1))) in weekly buckets (weeks start on Monday).")
        reports.render(into: &out)
        if let reportDirectory {
            let files = try MonthExport.write(reports, title: "\(days) working days from \(DemoTime.date(start))", to: reportDirectory)
            out.line()
            out.line("  Wrote \(files.count) files to \(reportDirectory.path): \(files.joined(separator: ", "))")
        }
        return out.text
    }
}
