import Foundation
import HelpDeskKit

/// Entry point of `helpdesk-demo`: plays a scripted working day on an in-memory desk and prints it.
@main
struct DemoHost {
    /// Prints the demo's output; exits with status 1 if the engine rejects a scripted command.
    static func main() async {
        do {
            print(try await run(), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("helpdesk-demo failed: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Runs the whole demo on a fresh desk and returns its output; the same on every run.
    static func run() async throws -> String {
        var out = Transcript()
        out.line("HelpDeskKit demo: one working day at a small service desk")
        out.line("Simulated time (UTC) on \(DemoTime.date(DemoDesk.opening)); seeded identifiers, so every run")
        out.line("prints exactly the same text.")

        let demo = try await DemoDesk.seeded()
        demo.describe(into: &out)

        var day = ScriptedDay(demo: demo, out: out)
        try await day.run()
        out = day.out

        let report = try await Report(demo: demo)
        try await report.ticketsTable(into: &out)
        try await report.slaBoard(into: &out)
        if let printer = day.tickets.printer {
            try await report.auditTrail(of: printer, into: &out)
        }
        try await report.notifications(into: &out)
        return out.text
    }
}
