import Foundation
import Testing

@testable import DemoHost
@testable import ScriptedDemo

/// The demo host: its output's content, its determinism, and the built executable.
@Suite("helpdesk-demo")
struct DemoHostTests {
    /// The demo runs and prints the day, the summary sections, the return to work and the rejection.
    @Test func outputHasEverySection() async throws {
        let output = try await ScriptedDemo.inMemoryDay()
        for heading in [
            "The working day", "1. Tickets at the end of the day", "2. SLA at the end of the day",
            "3. Audit trail of #1002", "4. Notifications (the outbox)", "5. Time spent and client satisfaction",
            "6. Billing (from the ledger)",
        ] {
            #expect(output.contains(heading), "missing \(heading)")
        }
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
        #expect(output.contains("on #1002 both read 3 of its 4 comments, the public ones:"))
        #expect(
            output.contains("Olga Ivanova's internal note \"Same printer as the phone call at 08:55.\" is in neither"))
        #expect(output.contains("Tom Baker asks for #1001 of Acme Ltd: notFound, as if it did not exist"))
        #expect(output.contains("the engine knows it: #1001 stays the only ticket, nothing new in the outbox"))
        // Email: Anna's windows-1251 letter opens #1001, her answer threads in, her absence notice changes nothing.
        #expect(output.contains("the desk decodes «Не могу войти в CRM» and knows the sender by her address"))
        #expect(output.contains("Subject: [#1001] Не могу войти в CRM"))
        #expect(output.contains("Auto-Submitted: auto-replied"))
        #expect(output.contains("her letter threads into #1001 by In-Reply-To"))
        #expect(output.contains("cut off: \"Логин asmith, пишет «учётная запись заблокирована».\""))
        #expect(output.contains("recognised as an out-of-office reply: #1001 stays Resolved, no comment, no answer"))
        // The knowledge base: a canned reply cites a public article, the portal shows it, search hides
        // what a client may not read, and a stale article is reviewed.
        #expect(output.contains("He answers with the canned reply \"Paper jam first aid\" (::jam), citing"))
        #expect(output.contains("Tom Baker opens #1002 in the portal and follows the cited article \"Printer jams on every page\""))
        #expect(output.contains("\"Fuser unit replacement (HP LaserJet M428)\" is for engineers: neither listed nor counted"))
        #expect(output.contains("is Northwind's own and not among them"))
        #expect(output.contains("\"Connecting to the office VPN\": review due, 2 days overdue, cited in 1 ticket today"))
        #expect(!output.contains("WARNING"))
    }

    /// The desk works in Moscow time by the Russian production calendar: the headings say so, and
    /// the deadlines of Friday's tickets step over the weekend and the 9 March holiday.
    @Test func moscowTimeAndTheHolidayShowInTheDeadlines() async throws {
        let output = try await ScriptedDemo.inMemoryDay()
        #expect(output.contains("Simulated time on Friday 2026-03-06, Moscow time (UTC+3)"))
        #expect(output.contains("(Moscow time). Lines starting with '->'"))
        #expect(output.contains("09:00-13:00, 14:00-18:00 Moscow time) by the Russian"))
        #expect(!output.contains("(UTC)") && !output.contains(" UTC;") && !output.contains("UTC)."))
        #expect(
            output.contains(
                "Public holidays the clocks skip: Mon 9 Mar (International Women's Day, moved from Sunday 8 March)."))
        // #1006 (low priority, 10:15 Friday): 6 h 45 min left on Friday, the rest on Tuesday 10 March.
        #expect(output.contains("reaction due Tue 10 Mar 10:15, resolution due Mon 16 Mar 10:15"))
        #expect(
            output.contains(
                "-> the clocks stop over the weekend and on the public holiday Mon 9 Mar (International Women's Day"))
        let board = output.components(separatedBy: "2. SLA at the end of the day")[1]
        let row = try #require(board.split(separator: "\n").first { $0.hasPrefix("  #1006  ") })
        #expect(row.contains("met at 16:45 (due Tue 10 Mar 10:15)"), "\(row)")
    }

    /// The debtor SLA policy is on: Northwind, whose February invoice is overdue, gets it for its
    /// new tickets, and the dispatcher sees the debt.
    @Test func debtorPolicyIsVisible() async throws {
        let output = try await ScriptedDemo.inMemoryDay()
        #expect(output.contains("DEBTOR: 45000.00 RUB unpaid, the oldest invoice overdue for 24 days"))
        #expect(output.contains("Northwind Traders has an overdue invoice: the debtor SLA policy applies"))
        let board = output.components(separatedBy: "2. SLA at the end of the day")[1]
            .components(separatedBy: "3. Audit trail")[0]
        let policies = board.split(separator: "\n").filter { $0.hasPrefix("  #10") }.map {
            $0.split(separator: " ", omittingEmptySubsequences: true)[1]
        }
        #expect(
            policies == [
                "standard", "debtor", "premium", "debtor", "standard", "debtor", "debtor", "debtor", "debtor", "standard",
            ])
    }

    /// Engineers log time, billable time goes on the bill at the engineer's rate, a spare part is
    /// owed by the debtor, and the day's time is priced in section 5.
    @Test func laborAndPaidWorkAppearInTheDay() async throws {
        let output = try await ScriptedDemo.inMemoryDay()
        #expect(output.contains("Sam Carter logs 45 min of work on #1001 (billable, outside the contract)"))
        #expect(output.contains("45 min at 2000.00 RUB per hour = 1500.00 RUB"))
        #expect(output.contains("1500.00 RUB from the prepaid balance"))
        #expect(output.contains("the prepaid balance of Acme Ltd is now 8500.00 RUB"))
        #expect(output.contains("counted as 1 h 30 min: the contract rounds time up to 15 minutes"))
        #expect(output.contains("Northwind Traders has no prepaid money left: 6900.00 RUB is posted as owed"))
        #expect(output.contains("Time spent       logged 40 min of travel (counted 45 min), covered by the contract"))
        let section = output.components(separatedBy: "5. Time spent and client satisfaction")[1]
            .components(separatedBy: "6. Billing")[0]
        #expect(section.contains(/Total\s+4 h 20 min\s+7733.33 RUB\s+1500.00 RUB/), "\(section)")
    }

    /// Clients rate resolved tickets with the token from the rating request; a low score alerts
    /// the head of support, and the day's satisfaction index is shown.
    @Test func ratingsAppearInTheDay() async throws {
        let output = try await ScriptedDemo.inMemoryDay()
        #expect(output.contains("Anna Smith is asked to rate the work (a link valid until 20 Mar)"))
        #expect(output.contains("Anna Smith rates #1001 5 of 5: \"Unlocked in ten minutes, thank you!\""))
        #expect(output.contains("Tom Baker rates #1002 2 of 5"))
        #expect(output.contains("a low score: Maria Lopez, head of support, is alerted"))
        #expect(output.contains(/LOW RATING 2 for Ben Okafor: call the client\s+Maria Lopez/))
        #expect(output.contains("Rating           rated 2/5: The shop had no printer until the afternoon."))
        #expect(output.contains("Satisfaction index (CSAT): 1 of 2 ratings satisfied, 50.0%; average score 3.50."))
    }

    /// The client portal (issue #18): a location-scoped contact and a company-scoped manager of the
    /// same client see different lists, an internal note reaches neither, another company's ticket
    /// does not exist for them, an internal category is not offered, and billing is shown only to
    /// the contact allowed to see it.
    @Test func portalShowsEachContactItsOwnShare() async throws {
        let output = try await ScriptedDemo.inMemoryDay()
        #expect(output.contains("-> 3 tickets, all at Shop on Arbat:"))
        #expect(output.contains("#1004 \"Floor 3 printer broken again\" from Jane Doe, Closed"))
        #expect(output.contains("Awaiting your reply (the desk's own label: Waiting for client)"))
        #expect(
            output.contains(
                "4 tickets: Tom's 3 and Igor Sokolov's #1007 at Warehouse in Khimki, which Tom does not see"))
        #expect(output.contains("the form offers 4 categories: Accounts & access, Hardware, Network & VPN, Printers"))
        #expect(output.contains("\"Spare parts orders\" is internal to the desk: the portal does not list it"))
        #expect(output.contains("prepaid balance 0.00 RUB; owed 101100.00 RUB"))
        #expect(output.contains("Tom Baker asks for the same page: forbidden, billing is not his to see"))
    }

    /// Paid work waits for the client's approval: charging it before is refused, a declined bill
    /// changes and is asked again, and only the approved bill is charged when the ticket is resolved.
    @Test func paidWorkIsChargedOnlyAfterApproval() async throws {
        let output = try await ScriptedDemo.inMemoryDay()
        let day = output.components(separatedBy: "  15:45  ")[1].components(separatedBy: "  16:30  ")[0]
        let steps = [
            "Olga Ivanova asks Northwind to approve the paid work on #1007",
            "refused: The paid work of #1007 is awaiting the client's approval.",
            "it awaits her approval: 2 x Toner cartridge HP 59A, 8400.00 RUB",
            "Elena Volkova declines the paid work in the portal: \"One cartridge is enough; we keep no spares.\"",
            "it waits for Elena Volkova once more",
            "Elena Volkova approves the paid work of #1007 in the portal: 1 x Toner cartridge HP 59A, 4200.00 RUB",
            "Ben Okafor moves #1007 to Resolved",
            "4200.00 RUB is posted as owed (a receivable)",
        ]
        var rest = Substring(day)
        for step in steps {
            let found = try #require(rest.range(of: step), "missing or out of order: \(step)")
            rest = rest[found.upperBound...]
        }
        #expect(output.contains("Paid work settled for Northwind Traders: 11100.00 RUB in 2 transfer(s)."))
        #expect(output.contains(/#1007\s+paid work DECLINED by the client/))
    }

    /// The receivables ageing and the debtor list count from the same due date: the February invoice,
    /// due 10 February, is 24 days overdue and sits in the 0-30 column with the paid work owed today
    /// (the fuser unit and the toner), while March's invoice is not yet due.
    @Test func ageingAndDaysOverdueAgree() async throws {
        let output = try await ScriptedDemo.inMemoryDay()
        let billing = output.components(separatedBy: "6. Billing (from the ledger)")[1]
        let ageing = try #require(billing.split(separator: "\n").first { $0.hasPrefix("  Northwind Traders ") })
        let cells = ageing.split(separator: /\s{2,}/).map(String.init)
        #expect(
            cells == [
                "Northwind Traders", "45000.00 RUB", "56100.00 RUB", "0.00 RUB", "0.00 RUB", "0.00 RUB", "101100.00 RUB",
            ])
        #expect(billing.contains(/NW-2026\s+1 Feb - 28 Feb\s+45000.00 RUB\s+2026-02-10\s+24 days/))
    }

    /// Every ticket row shows the agent label, assignee and group by name, never an identifier.
    @Test func ticketsTableUsesNames() async throws {
        let output = try await ScriptedDemo.inMemoryDay()
        let section = output.components(separatedBy: "1. Tickets at the end of the day")[1]
            .components(separatedBy: "2. SLA at the end of the day")[0]
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("  #10") }
        #expect(rows.count == 10)
        #expect(rows.contains { $0.contains("#1002") && $0.contains("Resolved") && $0.contains("Ben Okafor") })
        #expect(rows.contains { $0.contains("#1006") && $0.contains("web form") && $0.contains("Waiting for client") })
        let uuid = /[0-9A-F]{8}-[0-9A-F]{4}-/
        #expect(!output.contains(uuid), "identifiers leaked into the output")
    }

    /// Two runs print byte-identical output.
    @Test func outputIsDeterministic() async throws {
        let first = try await ScriptedDemo.inMemoryDay()
        let second = try await ScriptedDemo.inMemoryDay()
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

    /// Times print as `HH:mm` in Moscow time (UTC+3) whatever the machine's time zone.
    @Test func timesAreMoscowTime() {
        #expect(DemoTime.on(8, 30) == Date(timeIntervalSince1970: 1_772_775_000))  // 2026-03-06 05:30 UTC
        #expect(DemoTime.clock(DemoTime.on(8, 30)) == "08:30")
        #expect(DemoTime.date(DemoTime.on(23, 59)) == "2026-03-06")
        #expect(DemoTime.auditValue("2026-03-06T11:00:00Z") == "14:00")
        #expect(DemoTime.auditValue("not a date") == "not a date")
        #expect(DemoTime.moment(DemoTime.on(8, 30).addingTimeInterval(4 * 86_400)) == "Tue 10 Mar 08:30")
    }

    /// The production calendar: 247 working days in 2026, 21 in March (Monday 9 March is a day off),
    /// the working day after Friday 6 March is Tuesday 10 March, and pre-holiday days are an hour short.
    @Test func productionCalendar() throws {
        let year = DemoCalendar.workingDays(
            from: DemoTime.midnight(of: DateComponents(year: 2026, month: 1, day: 1)),
            to: DemoTime.midnight(of: DateComponents(year: 2027, month: 1, day: 1)))
        #expect(year.count == 247)
        let march = MonthSimulation.workingDays
        #expect(march.count == 21)
        #expect(march.first.map(DemoTime.date) == "2026-03-02" && march.last.map(DemoTime.date) == "2026-03-31")
        #expect(!march.map(DemoTime.date).contains("2026-03-09"))
        #expect(DemoTime.date(DemoCalendar.nextWorkingDay(after: DemoTime.on(0, 0))) == "2026-03-10")
        let april30 = DemoTime.midnight(of: DateComponents(year: 2026, month: 4, day: 30))
        let hours = try DemoCalendar.hours.workingTime(from: april30, to: DemoTime.midnight(after: april30))
        #expect(hours == .hours(7))
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
        let expected = try await ScriptedDemo.inMemoryDay()
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
        #expect(first.contains("A fresh file-store desk"), "the transcript names the store")
        #expect(first.contains("run again with --data to continue it"))
        let second = try await DemoHost.run(dataDirectory: directory)
        #expect(second.contains("Day 2 of the desk: Tue 10 Mar (2026-03-10)"))
        #expect(
            second.contains(
                "Days off since the last working day: Sat 7 Mar, Sun 8 Mar (International Women's Day), Mon 9 Mar (International Women's Day, moved"))
        #expect(second.contains("#1011 \"New starter needs a door badge\""))
        #expect(second.contains("Anna Smith rates #1011 4 of 5"))
        #expect(second.contains("All 12 tickets"))
        // On 10 March the March invoice falls due too: Northwind owes two periods.
        #expect(second.contains(/NW-2026\s+1 Mar - 31 Mar\s+45000.00 RUB\s+2026-03-10\s+0 days/))
        let third = try await DemoHost.run(dataDirectory: directory)
        #expect(third.contains("Day 3 of the desk: Wed 11 Mar (2026-03-11)"))
        #expect(!third.contains("Days off since"))
        #expect(third.contains("All 14 tickets"))
    }
}
