import Foundation
import HelpDeskKit
import Testing

@testable import ScriptedDemo

/// `helpdesk-demo --month`: the simulated calendar month, its report tables, CSV files and HTML dashboard.
@Suite("helpdesk-demo --month")
struct MonthTests {
    /// Two runs print byte-identical tables.
    @Test func monthIsDeterministic() async throws {
        let first = try await ScriptedDemo.month()
        let second = try await ScriptedDemo.month()
        #expect(first == second)
    }

    /// The output has every report section, filled with rows for the three clients and the staff.
    @Test func tablesHaveEverySection() async throws {
        let output = try await ScriptedDemo.month()
        for section in [
            "1. SLA compliance by week", "2. SLA compliance by contract", "3. Response times", "4. Backlog by week",
            "5. First-contact resolution", "6. Who files the tickets", "7. Customer satisfaction by employee",
            "What clients wrote with their ratings", "8. Labor by client", "9. Profitability by contract",
            "10. Debtors and receivables at the end of the month", "11. Employee ranking",
            "12. Included hours and work beyond them",
        ] {
            #expect(output.contains(section), "missing \(section)")
        }
        for name in [
            "Acme Ltd", "Northwind Traders", "Contoso Bank", "AC-2026", "NW-2026", "CB-2026", "Sam Carter",
            "Head office", "Warehouse in Khimki", "Igor Sokolov", "2-8 Mar", "30-31 Mar",
        ] {
            #expect(output.contains(name), "missing \(name)")
        }
        #expect(!output.contains(/[0-9A-F]{8}-[0-9A-F]{4}-/), "identifiers leaked into the output")
        #expect(!output.contains("Wrote"))
    }

    /// Every contract's 20 included hours are used up in March; the work beyond them was billed on
    /// the tickets (or, logged after a bill was settled, reported as unbilled), which the statements
    /// and the specifications agree on, and each manager was alerted at 80 % and at 100 %. Contoso
    /// Bank's paid work is charged only after the bank approved it in the portal.
    @Test func includedHoursAreCrossedBilledAndApproved() async throws {
        let demo = try await MonthDesk.seeded()
        var simulation = MonthSimulation(demo: demo)
        try await simulation.run(days: MonthSimulation.workingDays)
        let statements = try await demo.desk.allowanceReport(
            from: MonthDesk.month.lowerBound, to: MonthDesk.month.upperBound, as: .system)
        #expect(statements.count == 3)
        for statement in statements {
            #expect(statement.consumed == statement.included && statement.overage > 0, "\(statement.contractNumber)")
            #expect(statement.alertsSent == [80, 100])
            var billed = 0
            for share in statement.tickets where share.excess > 0 {
                let specification = try await demo.desk.specification(of: share.ticketID, as: .system)
                let lines = specification?.lines.filter {
                    $0.exceedsAllowance == AllowanceReference(periodID: statement.periodID, measure: statement.measure)
                } ?? []
                #expect(lines.reduce(0) { $0 + Int($1.quantity) } == share.billed)
                // Work beyond the hours logged after a ticket's bill was settled (a reopened ticket)
                // stays unbilled, and the statement says so.
                if share.billed < share.excess { #expect(specification?.isSettled == true) }
                billed += share.billed
            }
            #expect(billed + statement.unbilled == statement.overage, "\(statement.contractNumber)")
            #expect(billed > 0)
        }
        // Contoso Bank's contract charges paid work only once the bank approved it.
        #expect(simulation.tally.approved > 0)
        let bank = try await demo.desk.tickets(
            matching: TicketQuery(companyIDs: [demo.clients.contoso.id], limit: 1_000), as: .system)
        var charged = 0
        for ticket in bank.tickets {
            guard let specification = try await demo.desk.specification(of: ticket.id, as: .system),
                specification.isSettled, specification.lines.contains(where: { $0.coverage == .billable })
            else { continue }
            charged += 1
            #expect(specification.approval?.decision == .approved, "#\(ticket.number) was charged unapproved")
        }
        #expect(charged > 0)
    }

    /// "A month" is the calendar month of March 2026 in Moscow time: its 21 working days by the
    /// production calendar, so nothing happens on weekends or on the 9 March holiday.
    @Test func theMonthIsTheCalendarMonth() async throws {
        let output = try await ScriptedDemo.month()
        #expect(output.contains("March 2026 in Moscow time: 21 working days by the Russian production calendar"))
        #expect(output.contains("Public holiday: Mon 9 Mar (International Women's Day"))
        #expect(output.contains("Reports cover 2026-03-01 to 2026-03-31"))
        let demo = try await MonthDesk.seeded()
        var simulation = MonthSimulation(demo: demo)
        try await simulation.run(days: MonthSimulation.workingDays)
        let tickets = try await demo.desk.tickets(
            matching: TicketQuery(limit: TicketQuery.maximumLimit), as: .system
        ).tickets
        let days = Set(tickets.map { DemoTime.date($0.createdAt) })
        let working = Set(MonthSimulation.workingDays.map(DemoTime.date))
        #expect(days.isSubset(of: working) && days.count >= 19, "\(days.subtracting(working))")
        #expect(!days.contains("2026-03-09"))
        #expect(tickets.allSatisfy { $0.createdAt < MonthDesk.month.upperBound })
    }

    /// The simulation exercises the engine: tickets, resolutions, ratings, time, paid work, billing, SLA.
    @Test func simulationDoesRealWork() async throws {
        let demo = try await MonthDesk.seeded()
        var simulation = MonthSimulation(demo: demo)
        try await simulation.run(days: MonthSimulation.workingDays)
        let tally = simulation.tally
        #expect(tally.created > 80)
        #expect(tally.resolutions > 60)
        #expect(tally.ratings > 30)
        #expect(tally.timeEntries > 60)
        #expect(tally.paidTickets > 10)
        #expect(tally.billingSteps == 4, "March: invoices, two payments, a top-up")
        #expect(tally.slaBreaches > 0)
    }

    /// Paid work is billed and settled, so the profitability table's paid-work column is not all zero;
    /// first-contact resolution, feedback comments and the debtors are filled in.
    @Test func paidWorkFirstContactFeedbackAndDebtorsAreFilled() async throws {
        let output = try await ScriptedDemo.month()
        let profitability = output.components(separatedBy: "9. Profitability by contract")[1]
            .components(separatedBy: "10. Debtors")[0]
        let rows = profitability.split(separator: "\n").filter {
            $0.hasPrefix("  AC-") || $0.hasPrefix("  NW-") || $0.hasPrefix("  CB-")
        }
        #expect(rows.count == 3)
        let paid = rows.map { String($0.split(separator: /\s{2,}/)[2]) }
        #expect(paid.allSatisfy { $0 != "0.00 RUB" }, "\(paid)")

        let fcr = output.components(separatedBy: "5. First-contact resolution")[1]
            .components(separatedBy: "6. Who files")[0]
        let all = try #require(fcr.split(separator: "\n").first { $0.hasPrefix("  All ") })
        let cells = all.split(separator: /\s{2,}/)
        #expect(Int(cells[1]) ?? 0 > 0 && Int(cells[2]) ?? 0 > 0, "\(all)")

        let feedback = output.components(separatedBy: "What clients wrote with their ratings")[1]
            .components(separatedBy: "8. Labor by client")[0]
        #expect(feedback.contains("Took too long.") && feedback.contains("of 5"))
    }

    /// The debtor list and the receivables ageing count days from the same payment due date: on
    /// 1 April, Northwind's February invoice (due 10 February) is 50 days overdue and in the 31-60
    /// column, its March invoice (due 10 March) 22 days and in the 0-30 column.
    @Test func debtorsAndAgeingAgree() async throws {
        let output = try await ScriptedDemo.month()
        let section = output.components(separatedBy: "10. Debtors and receivables")[1]
            .components(separatedBy: "11. Employee ranking")[0]
        #expect(section.contains(/NW-2026\s+1 Feb - 28 Feb\s+45000.00 RUB\s+2026-02-10\s+50 days/))
        #expect(section.contains(/NW-2026\s+1 Mar - 31 Mar\s+45000.00 RUB\s+2026-03-10\s+22 days/))
        let ageing = try #require(section.split(separator: "\n").first { $0.hasPrefix("  Northwind Traders ") })
        let cells = ageing.split(separator: /\s{2,}/).map(String.init)
        #expect(cells.count == 7)
        #expect(cells[1] == "0.00 RUB" && cells[3] == "45000.00 RUB", "\(cells)")
        let zeroTo30 = Double(cells[2].dropLast(4)) ?? 0
        #expect(zeroTo30 >= 45_000, "the March invoice and paid work owed: \(cells[2])")
        let debts = section.split(separator: "\n").filter { $0.contains(" days") && $0.contains("RUB") }
        #expect(debts.count == 2 && debts.allSatisfy { $0.hasPrefix("  Northwind Traders ") }, "payers are no debtors")
    }

    /// With a report directory: one CSV per report with the right header, and a self-contained dashboard.
    @Test func reportDirectoryHoldsCSVAndDashboard() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("helpdesk-month-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try await ScriptedDemo.month(reportDirectory: directory)
        #expect(output.contains("Wrote 13 files to"))

        let headers = [
            "sla-by-week.csv":
                "dimension,key,label,tickets,reaction_met,reaction_breached,reaction_pending,reaction_not_measured,"
                + "reaction_compliance_percent,",
            "sla-by-contract.csv": "dimension,key,label,tickets,",
            "first-contact-resolution.csv":
                "dimension,key,label,resolved_tickets,first_contact_resolved,first_contact_percent,",
            "tickets-by-location.csv": "dimension,key,label,tickets,share_percent\r\n",
            "tickets-by-contact.csv": "dimension,key,label,tickets,share_percent\r\n",
            "feedback-comments.csv": "rated_at,ticket_number,score,scale_maximum,assignee_id,comment\r\n",
            "response-times.csv":
                "dimension,key,label,first_response_working_count,first_response_working_average_seconds,",
            "backlog-by-week.csv": "dimension,key,label,opened,resolved,open_at_end\r\n",
            "csat-by-employee.csv":
                "dimension,key,label,ratings,satisfied,csat_percent,average_score,average_normalized_percent\r\n",
            "labor-by-client.csv":
                "dimension,key,label,entries,spent_minutes,charged_minutes,billable_minutes,spent_hours,"
                + "billable_share_percent\r\n",
            "profitability-by-contract.csv":
                "dimension,key,label,currency,service_fees_minor,paid_work_minor,revenue_minor,labor_cost_minor,margin_minor,",
            "employee-ranking.csv":
                "rank,dimension,key,label,resolved_tickets,reaction_compliance_percent,resolution_compliance_percent,"
                + "ratings,csat_percent,labor_hours\r\n",
        ]
        for (name, header) in headers {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix(header), "\(name) starts with \(text.prefix(80))")
            #expect(text.split(separator: "\r\n").count >= 2, "\(name) has no rows")
        }
        let csat = try String(contentsOf: directory.appendingPathComponent("csat-by-employee.csv"), encoding: .utf8)
        #expect(csat.contains("Sam Carter"))

        let html = try String(contentsOf: directory.appendingPathComponent("dashboard.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
        #expect(html.contains("<polyline"))
        #expect(!html.lowercased().contains("http"), "the dashboard must not link anything")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(html.contains("Contoso Bank"))
        #expect(html.components(separatedBy: "\n").count < 400)
    }

    /// Text in the page is escaped.
    @Test func htmlIsEscaped() {
        #expect(HTML.escape("R&D <\"x\"> 'y'") == "R&amp;D &lt;&quot;x&quot;&gt; &#39;y&#39;")
    }

    /// Chart axes round up to 1, 2 or 5 × 10ⁿ, bars stay inside the plot.
    @Test func chartAxisIsRound() {
        let chart = SVGChart(
            categories: ["a", "b"], series: [.init(name: "n", color: "#000", values: [3, 17])], xTitle: "x", yTitle: "y"
        )
        #expect(chart.axisTop == 20)
        #expect(chart.y(0) == chart.top + chart.plotHeight)
        #expect(chart.y(20) == chart.top)
        #expect(chart.bars(title: "t").contains("<rect"))
    }
}
