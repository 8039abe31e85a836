import Foundation
import HelpDeskKit

/// Prints the end-of-day summary: the tickets table, one audit trail and the notifications.
struct Report {
    /// The desk to report on.
    let demo: DemoDesk
    /// Names of people, groups, categories and ticket numbers.
    var directory: Directory

    /// Prepares a report on `demo`, learning the numbers of all its tickets.
    init(demo: DemoDesk) async throws(HelpDeskError) {
        self.demo = demo
        self.directory = demo.directory
        directory.remember(try await allTickets())
    }

    /// The engine.
    var desk: HelpDesk { demo.desk }

    /// The agent label of `status`.
    func label(_ status: StatusCode) -> String {
        Directory.label(of: status, in: desk.workflow)
    }

    /// Every ticket of the desk, oldest number first.
    func allTickets() async throws(HelpDeskError) -> [Ticket] {
        let query = TicketQuery(sort: [TicketSort(.number)], limit: TicketQuery.maximumLimit)
        return try await desk.tickets(matching: query, as: .system).tickets
    }

    /// Section 1: every ticket as one row of an aligned table.
    func ticketsTable(into out: inout Transcript) async throws(HelpDeskError) {
        let tickets = try await allTickets()
        out.heading("1. Tickets at the end of the day")
        out.note("All \(tickets.count) tickets, read back with tickets(matching:) sorted by number.")
        out.line()
        var table = TextTable([
            .init("No."), .init("Title"), .init("Channel"), .init("Priority"), .init("Status"),
            .init("Assignee"), .init("Group"), .init("Created"),
        ])
        for ticket in tickets {
            table.add([
                ticket.number.description, ticket.title, Directory.label(of: ticket.channel),
                ticket.priority.description, label(ticket.status), directory.name(of: ticket.assigneeID),
                directory.name(of: ticket.groupID), created(ticket.createdAt),
            ])
        }
        out.lines(table.render())
    }

    /// When a ticket was created: the time on the current day, the date and time before it.
    func created(_ instant: Date) -> String {
        DemoTime.calendar.isDate(instant, inSameDayAs: demo.clock.now)
            ? DemoTime.clock(instant) : DemoTime.date(instant) + " " + DemoTime.clock(instant)
    }

    /// Section 2: the audit trail of the ticket `id`, one changed field per row.
    func auditTrail(of id: TicketID, into out: inout Transcript) async throws(HelpDeskError) {
        let ticket = try await desk.ticket(id, as: .system)
        let entries = try await desk.auditTrail(of: id, as: .system)
        out.heading("3. Audit trail of \(ticket.number) \"\(ticket.title)\"")
        out.note("Every field change is recorded by the engine itself: who, when, old value -> new value;")
        out.note("SLA changes are summarized from the recorded clocks.")
        out.note("This ticket fell under the debtor policy, was assigned, absorbed a duplicate, was postponed,")
        out.note("returned to work by the engine's tick (performer 'system'), got a spare part and time on")
        out.note("it, was resolved, and was rated by the client.")
        out.line()
        var table = TextTable([.init("Time"), .init("Performer"), .init("Field"), .init("Change")])
        for entry in entries {
            table.add([
                DemoTime.clock(entry.at), directory.name(of: entry.performer), entry.field.label,
                change(entry),
            ])
        }
        out.lines(table.render())
    }

    /// The entry's `old -> new` values in words (names instead of identifiers, `HH:mm` instead of ISO 8601).
    func change(_ entry: AuditEntry) -> String {
        switch entry.field {
        case .created:
            return "registered as \(entry.newValue ?? "?")"
        case .sla:
            return entry.slaChange(instant: { DemoTime.moment($0, today: DemoTime.startOfDay(entry.at)) }) ?? "-"
        case .timeEntries:
            return timeEntryChange(entry)
        case .rating:
            let parts = (entry.newValue ?? "").split(separator: " ", maxSplits: 1).map(String.init)
            return "rated \(parts.first ?? "?")" + (parts.count > 1 ? ": \(parts[1])" : "")
        case .comment:
            let visibility = entry.newValue?.split(separator: ":").first.map(String.init) ?? ""
            return visibility == CommentVisibility.internal.rawValue ? "internal note added" : "public reply added"
        default:
            return "\(value(entry.oldValue, of: entry.field)) -> \(value(entry.newValue, of: entry.field))"
        }
    }

    /// A time entry logged, edited or deleted, from its audit summary
    /// (`id date employee:id activity spent/charged min billable "comment"`), e.g.
    /// `logged 1 h 10 min of work (counted 1 h 15 min), covered by the contract`.
    func timeEntryChange(_ entry: AuditEntry) -> String {
        let verb = entry.oldValue == nil ? "logged" : entry.newValue == nil ? "deleted" : "changed to"
        let parts = (entry.newValue ?? entry.oldValue ?? "").split(separator: " ").map(String.init)
        guard parts.count >= 7 else { return verb }
        let minutes = parts[4].split(separator: "/").compactMap { Int($0) }
        guard minutes.count == 2 else { return verb }
        let counted = minutes[1] == minutes[0] ? "" : " (counted \(ScriptedDay.duration(minutes[1])))"
        let kind = parts[6] == "billable" ? "billable" : "covered by the contract"
        return "\(verb) \(ScriptedDay.duration(minutes[0])) of \(parts[3])\(counted), \(kind)"
    }

    /// One audit value of `field` in words; `-` when there is none.
    func value(_ text: String?, of field: AuditField) -> String {
        guard let text else { return "-" }
        switch field {
        case .status:
            return label(StatusCode(text))
        case .assigneeID, .watcherIDs:
            return text.split(separator: ",").map { directory.name(of: EmployeeID(uuidString: String($0))) }
                .joined(separator: ", ")
        case .groupID:
            return directory.name(of: GroupID(uuidString: text))
        case .categoryID:
            return directory.name(of: CategoryID(uuidString: text))
        case .links:
            return text.split(separator: ",").map { link in
                let parts = link.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let other = TicketID(uuidString: parts[1]) else { return String(link) }
                return "\(parts[0]) \(directory.number(of: other))"
            }.joined(separator: ", ")
        case .postponedUntil, .firstResponseAt, .resolvedAt, .closedAt:
            return DemoTime.auditValue(text)
        default:
            return text
        }
    }
}
