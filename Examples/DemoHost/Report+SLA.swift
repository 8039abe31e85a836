import Foundation
import HelpDeskKit

extension Report {
    /// Section 2: where every ticket stands against its SLA at the end of the day.
    func slaBoard(into out: inout Transcript) async throws(HelpDeskError) {
        let tickets = try await desk.tickets(
            matching: TicketQuery(sort: [TicketSort(.number)], limit: 100), as: .system
        ).tickets
        out.heading("2. SLA at the end of the day")
        out.note("Targets are working time in office hours (09:00-13:00, 14:00-18:00 UTC); a ticket that")
        out.note("waits for the client or is postponed pauses its clocks. Warnings at 75% and 90%.")
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

    /// One clock in words: when it was due and how it ended.
    private func describe(_ clock: SLAClock?, paused: Date?) -> String {
        guard let clock else { return "-" }
        let due = "due " + DemoTime.moment(clock.dueAt)
        if let stopped = clock.stoppedAt {
            return clock.breachedAt == nil
                ? "met at \(DemoTime.clock(stopped)) (\(due))" : "late at \(DemoTime.clock(stopped)) (\(due))"
        }
        if let paused { return "paused since \(DemoTime.clock(paused))" }
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
