import Foundation
import HelpDeskKit

extension DemoDay {
    /// Prints the tickets, the time logged, the ratings and the SLA-compliance report of the day.
    func summary(tickets ids: [TicketID]) async throws {
        heading("End of the day")
        var query = TicketQuery()
        query.sort = [TicketSort(.number, .ascending)]
        query.limit = 50
        let page = try await desk.tickets(matching: query, as: .system)
        try expect(page.totalCount == ids.count, "\(ids.count) tickets in the database, found \(page.totalCount)")
        for ticket in page.tickets {
            let comments = try await desk.comments(on: ticket.id, as: .system).count
            let minutes = try await desk.timeEntries(on: ticket.id, as: .system).reduce(0) { $0 + $1.spentMinutes }
            let reaction = outcome(ticket.sla?.reaction)
            let resolution = outcome(ticket.sla?.resolution)
            note(
                "\(ticket.number)  \(ticket.status)  \(ticket.priority)  \(comments) comment(s)  \(minutes) min logged  "
                    + "SLA reaction \(reaction), resolution \(resolution)  \"\(ticket.title)\"")
        }
        let date = try time.localDate()
        let entries = try await desk.timeEntries(workedIn: date...date, as: .system)
        let byEmployee = Dictionary(grouping: entries, by: \.employeeID).mapValues { $0.reduce(0) { $0 + $1.spentMinutes } }
        print()
        for (employee, minutes) in byEmployee.sorted(by: { $0.value > $1.value }) {
            note("\(name(employee.rawValue)) logged \(minutes / 60) h \(minutes % 60) min today")
        }
        try expect(entries.count == 4, "four time entries, found \(entries.count)")
        let start = try time.at(0, 0)
        let request = ReportRequest(
            period: start..<start.addingTimeInterval(86_400), bucket: .day, timeZone: time.calendar.timeZone)
        let reports = try await desk.reports(as: .system)
        print()
        for row in try await reports.slaCompliance(request, by: .total) {
            note(
                "SLA compliance: \(row.tickets) tickets; reaction met \(row.reaction.met), breached "
                    + "\(row.reaction.breached), pending \(row.reaction.pending); resolution met "
                    + "\(row.resolution.met), breached \(row.resolution.breached), pending \(row.resolution.pending)")
        }
        for row in try await reports.satisfaction(request, by: .total) {
            note("Satisfaction: \(row.ratings) ratings, \(row.satisfied) satisfied, average \(row.averageScore.map { String(format: "%.1f", $0) } ?? "-")")
        }
    }

    /// Reads the outbox, prints every event, acknowledges them and checks nothing is left.
    func deliverOutbox() async throws {
        heading("Notifications (the outbox, in PostgreSQL)")
        note("Each committed change wrote its events in the same transaction. The host reads them in")
        note("sequence order, delivers them (here: prints them), then acknowledges them.")
        print()
        let events = try await desk.undeliveredEvents(limit: 10_000, as: .system)
        try expect(!events.isEmpty, "the day's events are in the outbox")
        for (offset, event) in events.enumerated() {
            try expect(event.sequence == (events.first?.sequence ?? 0) + UInt64(offset), "contiguous sequences")
            let ticket = name(event.event.ticketID?.rawValue)
            note(
                String(format: "%4d", Int(event.sequence)) + "  \(time.clock(event.occurredAt))  "
                    + ticket.padding(toLength: 6, withPad: " ", startingAt: 0) + "  "
                    + kind(of: event.event).padding(toLength: 18, withPad: " ", startingAt: 0)
                    + "-> \(recipients(of: event.audience))")
        }
        try await desk.acknowledgeEvents(events.map(\.sequence), by: .system)
        let again = try await desk.undeliveredEvents(limit: 10_000, as: .system)
        try expect(again.isEmpty, "nothing is delivered twice")
        print()
        note("\(events.count) events delivered and acknowledged; a second read returns \(again.count).")
    }

    /// `met`, `breached`, `running` or `-` for an SLA clock.
    private func outcome(_ clock: SLAClock?) -> String {
        guard let clock else { return "-" }
        return clock.breachedAt != nil ? "breached" : clock.stoppedAt != nil ? "met" : "running"
    }

    /// The event's case name, e.g. `statusChanged`.
    private func kind(of event: DomainEvent) -> String {
        String(String(describing: event).prefix { $0 != "(" })
    }

    /// Who is notified: employees and groups by name, and `client` when the requester is.
    private func recipients(of audience: Audience) -> String {
        let people = audience.employeeIDs.map { name($0.rawValue) } + audience.groupIDs.map { "group " + name($0.rawValue) }
        let all = people + (audience.requester == nil ? [] : ["client"])
        return all.isEmpty ? "-" : all.joined(separator: ", ")
    }
}
