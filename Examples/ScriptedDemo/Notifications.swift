import Foundation
import HelpDeskKit

extension Report {
    /// Section 3: reads the outbox, prints each event with its recipients, acknowledges them all
    /// and shows that a second read returns nothing.
    func notifications(into out: inout Transcript) async throws(HelpDeskError) {
        let events = try await desk.undeliveredEvents(limit: 10_000, as: .system)
        out.heading("4. Notifications (the outbox)")
        out.note("Each committed change wrote its events to the outbox in the same unit of work. A host")
        out.note("reads them with undeliveredEvents(limit:), delivers them (here: prints them), then")
        out.note("acknowledges them. The performer is never notified of their own action.")
        out.line()
        var table = TextTable([
            .init("Seq", .right), .init("Time"), .init("Ticket"), .init("Event"), .init("Notify"), .init("Client"),
        ])
        let records = events.filter { if case .recordChanged = $0.event { true } else { false } }
        for event in events where !records.contains(event) {
            table.add([
                String(event.sequence), DemoTime.clock(event.occurredAt), ticketNumber(of: event.event),
                describe(event.event), recipients(of: event.audience), event.audience.requester == nil ? "no" : "yes",
            ])
        }
        out.lines(table.render())
        out.line()
        let clientCount = events.filter { $0.audience.requester != nil }.count
        out.note("\(events.count) events delivered, \(clientCount) of them also to the client.")
        let managers = Set(records.flatMap(\.audience.employeeIDs)).map { directory.name(of: $0) }.sorted()
        out.note(
            "\(records.count) of them (not listed) told the account managers (\(managers.joined(separator: ", ")))"
                + " that a client record, price or balance changed; the record trail says what.")
        try await desk.acknowledgeEvents(events.map(\.sequence), by: .system)
        out.note("Acknowledged sequences \(events.first?.sequence ?? 0)...\(events.last?.sequence ?? 0).")
        let again = try await desk.undeliveredEvents(limit: 10_000, as: .system)
        out.note("A second read of the outbox returns \(again.count) events: nothing is delivered twice.")
    }

    /// The number of the ticket an event is about, e.g. `#1002`, or of the contract.
    func ticketNumber(of event: DomainEvent) -> String {
        if case .contractReminder(_, let number, _) = event { return number }
        return event.ticketID.map { directory.number(of: $0) } ?? "-"
    }

    /// Who is notified, by name: employees first, then whole groups.
    func recipients(of audience: Audience) -> String {
        let people = audience.employeeIDs.map { directory.name(of: $0) }
        let groups = audience.groupIDs.map { "group " + directory.name(of: $0) }
        let all = people + groups
        return all.isEmpty ? "-" : all.joined(separator: ", ")
    }

    /// A short description of what happened.
    func describe(_ event: DomainEvent) -> String {
        switch event {
        case .ticketCreated(_, _, let channel, let priority):
            "created (\(Directory.label(of: channel)), \(priority))"
        case .ticketAssigned(_, _, let assignee, let group):
            "assigned to \(directory.name(of: assignee)) / \(directory.name(of: group))"
        case .statusChanged(_, _, let from, let to):
            "status \(label(from)) -> \(label(to))"
        case .ticketReopened:
            "reopened by the client"
        case .commentAdded(_, _, _, let visibility):
            visibility == .public ? "public reply" : "internal note"
        case .ticketPostponed(_, _, let until):
            "postponed until \(DemoTime.moment(until, today: today))"
        case .returnedToWork:
            "returned to work"
        case .ticketUpdated(_, _, let fields):
            "updated " + fields.map(\.description).joined(separator: ", ")
        case .watchersChanged(_, _, let added, let removed):
            "watchers +[\(added.map { directory.name(of: $0) }.joined(separator: ", "))]"
                + (removed.isEmpty ? "" : " -[\(removed.map { directory.name(of: $0) }.joined(separator: ", "))]")
        case .attachmentsAdded(_, _, let files):
            "\(files.count) file(s) attached"
        case .ticketsLinked(_, _, let kind, _, let otherNumber):
            "linked: \(kind) \(otherNumber)"
        case .ticketsUnlinked(_, _, let kind, _, let otherNumber):
            "unlinked: \(kind) \(otherNumber)"
        case .ticketsMerged(_, _, _, let targetNumber):
            "merged into \(targetNumber)"
        case .slaWarning(_, _, let clock, let threshold, let dueAt):
            "SLA \(clock) \(threshold)% used, due \(DemoTime.moment(dueAt, today: today))"
        case .slaBreached(_, _, let clock, let dueAt):
            "SLA \(clock) BREACHED (was due \(DemoTime.moment(dueAt, today: today)))"
        case .contractReminder(_, _, let reminder):
            switch reminder {
            case .renewalDue: "reminder: renew the contract"
            case .periodUnpaid: "reminder: a started period is unpaid"
            case .contractEnding: "reminder: the contract ends soon"
            }
        case .timeLogged(_, _, _, let employee, let minutes):
            "\(directory.name(of: employee)) logged \(ScriptedDay.duration(minutes))"
        case .timeEntryEdited:
            "time entry edited"
        case .timeEntryDeleted:
            "time entry deleted"
        case .ratingRequested(_, _, _, _, let expiresAt):
            "rating link sent (valid until \(DemoTime.dayAndMonth(expiresAt)))"
        case .ticketRated(_, _, _, let score):
            "rated \(score) by the client"
        case .lowRatingReceived(_, _, _, let score, let assignee):
            "LOW RATING \(score) for \(directory.name(of: assignee)): call the client"
        case .paidWorkApproval(_, _, _, let decision):
            switch decision {
            case .requested: "paid work sent to the client for approval"
            case .approved: "paid work approved by the client"
            case .declined: "paid work DECLINED by the client"
            }
        case .allowanceAlert(_, let number, _, .visits, let percent, let consumed, let included):
            percent >= 100
                ? "contract \(number): the \(included) visits included this month are used up; further visits are billed"
                : "contract \(number): \(consumed) of \(included) included visits made (\(percent)%)"
        case .allowanceAlert(_, let number, _, .laborMinutes, let percent, let consumed, let included):
            percent >= 100
                ? "contract \(number): the \(ScriptedDay.duration(included)) included this month are used up; further work is billed"
                : "contract \(number): \(percent)% of the included work used (\(ScriptedDay.duration(consumed)) of \(ScriptedDay.duration(included)))"
        case .recordChanged(let subject, let action, _):
            "\(subject.kind) \(action.label.lowercased())"
        case .specificationChanged(_, _, let version):
            "paid work listed (version \(version))"
        case .workSettled(_, _, let version):
            "paid work charged (version \(version))"
        case .debtorTicketAssigned(_, _, _, let assignee):
            "CLIENT OWES MONEY: \(directory.name(of: assignee)), check before working"
        case .noticeSent(_, _, let notice):
            "\(notice.purpose.label) to the \(notice.reader): \"\(notice.subject)\""
        case .visitPlanned(_, _, let start, _):
            "visit planned for \(DemoTime.dayAndMonth(start)) \(DemoTime.clock(start))"
        case .visitRescheduled(_, _, let start, _):
            "visit moved to \(DemoTime.dayAndMonth(start)) \(DemoTime.clock(start))"
        case .visitCancelled:
            "visit cancelled"
        }
    }
}

extension NoticePurpose {
    /// The purpose in a manager's words.
    var label: String {
        switch self {
        case .receipt: "receipt"
        case .statusChange: "status notice"
        case .autoReply: "auto-reply"
        case .escalation: "escalation"
        case .rule: "rule notice"
        case .lowRating: "low-rating alert"
        case .visit: "visit notice"
        }
    }
}
