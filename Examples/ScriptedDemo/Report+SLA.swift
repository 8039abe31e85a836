import Foundation
import HelpDeskKit

extension Report {
    /// Section 2: where every ticket stands against its SLA at the end of the day.
    func slaBoard(into out: inout Transcript) async throws(HelpDeskError) {
        let tickets = try await desk.tickets(
            matching: TicketQuery(sort: [TicketSort(.number)], limit: 100), as: .system
        ).tickets
        out.heading("2. SLA at the end of the day")
        out.note("Targets are working time in office hours (09:00-13:00, 14:00-18:00 Moscow time) by the Russian")
        out.note("production calendar; a ticket that waits for the client or is postponed pauses its clocks.")
        out.note("Warnings at 75% and 90%. Times on another day show the weekday and date.")
        let dues = tickets.compactMap(\.sla).flatMap { [$0.reaction?.dueAt, $0.resolution?.dueAt] }.compactMap { $0 }
        let holidays = DemoCalendar.holidays(from: today, to: dues.max() ?? today)
        if !holidays.isEmpty {
            out.note("Public holidays the clocks skip: \(holidays.joined(separator: ", ")).")
        }
        out.line()
        var table = TextTable([
            .init("No."), .init("Policy"), .init("Reaction"), .init("Resolution"), .init("Condition"),
        ])
        for ticket in tickets {
            guard let sla = ticket.sla else { continue }
            table.add([
                ticket.number.description, sla.policyID.rawValue, describe(sla.reaction, paused: nil),
                describe(sla.resolution, paused: sla.pausedSince), condition(sla),
            ])
        }
        out.lines(table.render())
    }

    /// Midnight starting the day being reported.
    var today: Date { DemoTime.startOfDay(demo.clock.now) }

    /// One clock in words: when it was due and how it ended.
    private func describe(_ clock: SLAClock?, paused: Date?) -> String {
        guard let clock else { return "-" }
        let due = "due " + DemoTime.moment(clock.dueAt, today: today)
        if let stopped = clock.stoppedAt {
            return clock.breachedAt == nil
                ? "met at \(DemoTime.moment(stopped, today: today)) (\(due))"
                : "late at \(DemoTime.moment(stopped, today: today)) (\(due))"
        }
        if let paused { return "paused since \(DemoTime.moment(paused, today: today))" }
        return clock.breachedAt == nil ? "running, \(due)" : "BREACHED, was \(due)"
    }

    private func condition(_ sla: TicketSLA) -> String {
        switch sla.condition {
        case .none: "-"
        case .onTrack: sla.pausedSince == nil ? "on track" : "on track (paused)"
        case .atRisk: "at risk"
        case .breached: "breached"
        case .met: "met"
        }
    }
}
