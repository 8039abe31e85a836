import Foundation
import Testing

@testable import DemoHost

/// The demo host: its output's content, its determinism, and the built executable.
@Suite("helpdesk-demo")
struct DemoHostTests {
    /// The demo runs and prints the day, the three summary sections, the return to work and the rejection.
    @Test func outputHasEverySection() async throws {
        let output = try await DemoHost.run()
        #expect(output.contains("The working day"))
        #expect(output.contains("1. Tickets at the end of the day"))
        #expect(output.contains("2. SLA at the end of the day"))
        #expect(output.contains("3. Audit trail of #1002"))
        #expect(output.contains("4. Notifications (the outbox)"))
        #expect(output.contains("SLA warning on #1006"))
        #expect(output.contains("DEBTOR: 45000.00 RUB overdue for 31 days"))
        #expect(output.contains("5. Billing (from the ledger)"))
        #expect(output.contains("Acme Ltd's prepaid balance is now 8875.00 RUB"))
        #expect(output.contains("Northwind Traders  45000.00 RUB"))
        #expect(output.contains("paused since 16:45"))
        #expect(output.contains("met at 09:10"))
        #expect(output.contains("BREACHED, was due 10:05"))
        #expect(output.contains("#1002 returned to work at 14:00: now In progress"))
        #expect(
            output.contains(
                "rejected with HelpDeskError.transitionNotAllowed: The workflow does not allow #1003 to move from 'in_progress' to 'closed'."
            ))
        #expect(output.contains("nothing changed: #1003 is still In progress"))
        #expect(output.contains("the client's reply moved #1001 from Waiting for client to In progress"))
        #expect(output.contains("merges the duplicate #1004 into #1002"))
        #expect(output.contains("A second read of the outbox returns 0 events"))
        #expect(output.contains("on #1001 she reads 3 of 4 comments: internal notes never reach a client"))
        #expect(output.contains("Tom Baker of Northwind asks for #1001: notFound, as if it did not exist"))
        #expect(output.contains("the engine answers #1001 again: no second ticket, nothing new in the outbox"))
        #expect(!output.contains("WARNING"))
    }

    /// Every ticket row shows the agent label, assignee and group by name, never an identifier.
    @Test func ticketsTableUsesNames() async throws {
        let output = try await DemoHost.run()
        let section = output.components(separatedBy: "1. Tickets at the end of the day")[1]
            .components(separatedBy: "2. SLA at the end of the day")[0]
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("  #100") }
        #expect(rows.count == 6)
        #expect(rows.contains { $0.contains("#1002") && $0.contains("Resolved") && $0.contains("Ben Okafor") })
        #expect(rows.contains { $0.contains("#1006") && $0.contains("web form") && $0.contains("Waiting for client") })
        let uuid = /[0-9A-F]{8}-[0-9A-F]{4}-/
        #expect(!output.contains(uuid), "identifiers leaked into the output")
    }

    /// Two runs print byte-identical output.
    @Test func outputIsDeterministic() async throws {
        let first = try await DemoHost.run()
        let second = try await DemoHost.run()
        #expect(first == second)
        #expect(Data(first.utf8) == Data(second.utf8))
    }

    /// The table renderer pads each column to its widest cell and trims trailing spaces.
    @Test func textTableAlignsColumns() {
        var table = TextTable([.init("Name"), .init("Count", .right), .init("Note")])
        table.add(["a", "1", ""])
        table.add(["longer name", "123"])
        #expect(table.widths == [11, 5, 4])
        #expect(
            table.render() == [
                "  Name         Count  Note",
                "  -----------  -----  ----",
                "  a                1",
                "  longer name    123",
            ])
    }

    /// Times print as `HH:mm` in UTC whatever the machine's time zone.
    @Test func timesAreUTC() {
        #expect(DemoTime.clock(DemoTime.on(8, 30)) == "08:30")
        #expect(DemoTime.date(DemoTime.on(23, 59)) == "2026-03-02")
        #expect(DemoTime.auditValue("2026-03-02T14:00:00Z") == "14:00")
        #expect(DemoTime.auditValue("not a date") == "not a date")
    }

    /// The built `helpdesk-demo` binary runs end to end, exits with 0 and prints the same text.
    @Test func binaryRunsEndToEnd() async throws {
        let binary = try #require(Self.locateBinary(), "helpdesk-demo was not found next to the test bundle")
        let process = Process()
        process.executableURL = binary
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let expected = try await DemoHost.run()
        #expect(String(decoding: data, as: UTF8.self) == expected)
    }

    /// Walks up from the test bundle (or runner) to the build products folder holding `helpdesk-demo`.
    static func locateBinary() -> URL? {
        let starts =
            [
                URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(),
                Bundle.main.bundleURL,
            ] + Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var folder = start.deletingLastPathComponent()
            for _ in 0..<6 {
                let candidate = folder.appendingPathComponent("helpdesk-demo")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                    !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }
}

@Suite("helpdesk-demo --data")
struct DemoDataDirectoryTests {
    /// The first run seeds and plays the scripted day; each later run continues the same desk.
    @Test func runningTwiceContinuesTheSameDesk() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("helpdesk-demo-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await DemoHost.run(dataDirectory: directory)
        #expect(first.contains("#1006"))
        #expect(first.contains("run again with --data to continue it"))
        let second = try await DemoHost.run(dataDirectory: directory)
        #expect(second.contains("Day 2 of the desk: 2026-03-03"))
        #expect(second.contains("#1007 \"New starter needs a door badge\""))
        #expect(second.contains("All 8 tickets"))
        let third = try await DemoHost.run(dataDirectory: directory)
        #expect(third.contains("Day 3 of the desk: 2026-03-04"))
        #expect(third.contains("All 10 tickets"))
    }
}
