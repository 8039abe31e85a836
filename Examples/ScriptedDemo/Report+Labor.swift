import Foundation
import HelpDeskKit

extension Report {
    /// Section 5: the time logged in `[start, end)` with what it cost and what it bills, and the
    /// client ratings given, with the satisfaction index the report engine computes.
    func laborAndRatings(from start: Date, to end: Date, into out: inout Transcript) async throws {
        out.heading("5. Time spent and client satisfaction")
        out.note("Every time entry is priced at the engineer's hourly rate on its work date: the cost is what")
        out.note("the hour costs the company; billable time (work outside the contract) is billed to the client.")
        out.line()
        let dates = DemoTime.localDate(start)...DemoTime.localDate(end.addingTimeInterval(-1))
        var table = TextTable([
            .init("Employee"), .init("Ticket"), .init("Activity"), .init("Time", .right), .init("Billable"),
            .init("Cost", .right), .init("Billed", .right),
        ])
        var spent = 0
        var cost = Money.zero(.rub)
        var billed = Money.zero(.rub)
        for entry in try await desk.timeEntries(workedIn: dates, as: .system) {
            let priced = try await desk.laborCost(of: entry, as: .system)
            spent += entry.spentMinutes
            if let amount = priced.cost { cost = try cost.adding(amount) }
            if let amount = priced.billing { billed = try billed.adding(amount) }
            table.add([
                directory.name(of: entry.employeeID), directory.number(of: entry.ticketID), entry.activity,
                ScriptedDay.duration(entry.spentMinutes), entry.billable ? "yes" : "no",
                priced.cost?.description ?? "no rate", priced.billing?.description ?? "-",
            ])
        }
        table.add(["Total", "", "", ScriptedDay.duration(spent), "", cost.description, billed.description])
        out.lines(table.render())
        out.line()

        let ratings = try await desk.ratings(ratedIn: start..<end, as: .system)
        out.note("Client ratings (1 to 5; 4 and 5 count as satisfied):")
        var scores = TextTable([
            .init("Time"), .init("Ticket"), .init("Client"), .init("Engineer"), .init("Score", .right),
            .init("Comment"),
        ])
        for rating in ratings {
            scores.add([
                DemoTime.moment(rating.ratedAt, today: DemoTime.startOfDay(end)), rating.ticketNumber.description,
                directory.name(of: rating.requester), directory.name(of: rating.assigneeID),
                "\(rating.score) of \(rating.scale.upperBound)", rating.comment ?? "",
            ])
        }
        out.lines(scores.render())
        let request = ReportRequest(period: start..<end, timeZone: DemoTime.zone)
        if let total = try await desk.reports(as: .system).satisfaction(request, by: .total).first {
            out.note(
                "Satisfaction index (CSAT): \(total.satisfied) of \(total.ratings) ratings satisfied, \(MonthFormat.percent(total.csatPercent)); average score \(MonthFormat.decimal(total.averageScore))."
            )
        }
    }
}
