import Foundation
import HelpDeskKit

extension MonthReports {
    /// Section 5: tickets solved with the first answer, and tickets that came back.
    func renderFirstContact(into out: inout Transcript) {
        typealias F = MonthFormat
        out.heading("5. First-contact resolution")
        out.note("Solved at first contact = resolved with at most one public answer from the desk and never")
        out.note("reopened. Reopened = came back after a resolution in the month.")
        var table = TextTable([
            .init("Client"), .init("Resolved", .right), .init("At first contact", .right), .init("Share", .right),
            .init("Reopened", .right), .init("Reopen rate", .right),
        ])
        for row in firstContact {
            table.add([
                F.name(of: row.key), "\(row.resolvedTickets)", "\(row.firstContactResolved)",
                F.percent(row.firstContactPercent), "\(row.reopened)", F.percent(row.reopenPercent),
            ])
        }
        out.lines(table.render())
    }

    /// Section 6: which offices and which people file the tickets.
    func renderWhoFiles(into out: inout Transcript) {
        typealias F = MonthFormat
        out.heading("6. Who files the tickets")
        var locations = TextTable([.init("Location"), .init("Tickets", .right), .init("Share", .right)])
        for row in ticketsByLocation {
            locations.add([F.name(of: row.key), "\(row.tickets)", F.percent(row.sharePercent)])
        }
        out.lines(locations.render())
        out.line()
        var contacts = TextTable([.init("Contact"), .init("Tickets", .right), .init("Share", .right)])
        for row in ticketsByContact {
            contacts.add([F.name(of: row.key), "\(row.tickets)", F.percent(row.sharePercent)])
        }
        out.lines(contacts.render())
    }

    /// After section 7: what clients wrote with their ratings.
    func renderFeedback(into out: inout Transcript) {
        out.line()
        out.note("What clients wrote with their ratings (\(feedback.count) comments, oldest first):")
        var table = TextTable([
            .init("Rated"), .init("Ticket"), .init("Engineer"), .init("Score", .right), .init("Comment"),
        ])
        for row in feedback {
            table.add([
                DemoTime.dayAndMonth(row.ratedAt) + " " + DemoTime.clock(row.ratedAt), "#\(row.ticketNumber)",
                row.assigneeID.flatMap { names[$0.description] } ?? "-", "\(row.score) of \(row.scaleMaximum)",
                row.comment,
            ])
        }
        out.lines(table.render())
    }

    /// Section 10: who owes money at the end of the month. The ageing and the debtor list count days
    /// from the same payment due date, so a debt overdue for N days sits in the column of N days.
    func renderDebtors(into out: inout Transcript) {
        typealias F = MonthFormat
        let end = request.period.upperBound
        out.heading("10. Debtors and receivables at the end of the month")
        out.note("Receivables by age on \(DemoTime.date(end)) 00:00: invoices count from their payment due date,")
        out.note("paid work owed from the day it was charged.")
        var ageing = TextTable([
            .init("Client"), .init("Not yet due", .right), .init("Overdue 0-30 days", .right), .init("31-60", .right),
            .init("61-90", .right), .init("90+", .right), .init("Total", .right),
        ])
        for row in self.ageing {
            let currency = row.unit.description
            ageing.add(
                [names[row.companyID.description] ?? "-"]
                    + [row.notYetDue, row.upTo30, row.upTo60, row.upTo90, row.over90, row.total].map {
                        F.money($0, currency)
                    })
        }
        out.lines(ageing.render())
        out.line()
        out.note("Debtors: unpaid invoices past their due date (their new tickets get the debtor SLA policy):")
        out.lines(Report.debtorTable(debtors))
    }
}
