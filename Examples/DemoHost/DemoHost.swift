import Foundation
import HelpDeskFileStore
import HelpDeskKit

/// Entry point of `helpdesk-demo`: plays a scripted working day on an in-memory desk and prints it.
@main
struct DemoHost {
    /// Prints the demo's output. Exit status 2 for a wrong command line (one line with the usage),
    /// 1 when the engine rejects a scripted command or a directory cannot be used.
    static func main() async {
        let mode: DemoMode
        do {
            mode = try DemoOptions.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("helpdesk-demo: \(error)\n\(DemoOptions.usageLine)\n".utf8))
            exit(2)
        }
        do {
            switch mode {
            case .help:
                print(DemoOptions.usage)
            case .day:
                print(try await run(), terminator: "")
            case .durableDay(let path):
                let directory = try DemoDirectory.prepare(path, for: "data directory")
                print(try await run(dataDirectory: directory), terminator: "")
            case .month(let path):
                let directory = try path.map { path throws(DemoFailure) in
                    try DemoDirectory.prepare(path, for: "report directory")
                }
                print(try await runMonth(reportDirectory: directory), terminator: "")
            }
        } catch {
            FileHandle.standardError.write(Data("helpdesk-demo: \(error)\n".utf8))
            exit(1)
        }
    }

    /// What opening the store had to repair, for the person running the demo; empty when it
    /// cut nothing and rebuilt nothing.
    static func recoveryNote(_ report: RecoveryReport) -> String {
        guard report.truncatedTail != nil || report.rebuiltLock else { return "" }
        return (["The store was repaired when it was opened:"] + report.lines.map { "  " + $0 })
            .joined(separator: "\n") + "\n\n"
    }

    /// Runs the demo on a durable desk in `directory`: the first run plays the scripted day, each
    /// later run reopens the same desk and plays the next day.
    static func run(dataDirectory directory: URL) async throws -> String {
        let store = try await FileStore.open(at: directory)
        let recovered = recoveryNote(store.recovery)
        if try await store.employees().isEmpty {
            var text = try await recovered + run(store: store)
            text += "\n  The desk is saved in \(directory.path); run again with --data to continue it.\n"
            await store.close()
            return text
        }
        let previous =
            try await store.tickets(
                matching: TicketQuery(sort: [TicketSort(.createdAt, .descending)], limit: 1), workflow: .standard
            ).tickets.first?.createdAt ?? DemoDesk.opening
        let demo = try await DemoDesk.resumed(store: store)
        var out = Transcript()
        out.line("HelpDeskKit demo: continuing the desk in \(directory.path)")
        var script = ScriptedDay(demo: demo, out: out)
        try await script.nextDay(after: DemoTime.startOfDay(previous))
        out = script.out
        let report = try await Report(demo: demo)
        try await report.ticketsTable(into: &out)
        try await report.slaBoard(into: &out)
        try await report.notifications(into: &out)
        let morning = DemoTime.startOfDay(demo.clock.now)
        try await report.laborAndRatings(from: morning, to: demo.clock.now, into: &out)
        try await report.billing(from: morning, to: demo.clock.now, into: &out)
        await store.close()
        return recovered + out.text
    }

    /// Runs the whole demo on a fresh desk and returns its output; the same on every run.
    static func run(store: any HelpDeskStore = InMemoryStore()) async throws -> String {
        var out = Transcript()
        out.line("HelpDeskKit demo: one working day at a small service desk in Moscow")
        out.line(
            "Simulated time on Friday \(DemoTime.date(DemoDesk.opening)), Moscow time (UTC+3); seeded identifiers,")
        out.line("so every run prints exactly the same text.")

        let demo = try await DemoDesk.seeded(store: store)
        demo.describe(into: &out)
        try await demo.clients.describe(on: demo.desk, at: demo.clock.now, into: &out)

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
        try await report.laborAndRatings(from: DemoTime.on(0, 0), to: demo.clock.now, into: &out)
        try await report.billing(from: DemoTime.on(0, 0), to: demo.clock.now, into: &out)
        return out.text
    }
}
