import Foundation
import Templating

/// A visit change a command recorded, waiting for the visits' unit hook to write its audit entry,
/// event and client notices (they need names and zones from the store).
struct VisitChangeNote: Sendable {
    var old: PlannedVisit?
    var new: PlannedVisit
    var ticket: Ticket
    var reason: String
    var performer: Performer
    var at: Date
}

extension UnitHook {
    /// Writes the audit entries, events and client notices of the visit changes the unit recorded.
    /// Calls off the visits still ahead of tickets the unit took out of work first.
    static let visitNotices = UnitHook(name: "visit-notices") { desk, context throws(HelpDeskError) in
        try await desk.callOffVisitsOfEndedTickets(in: &context.work)
        let notes = context.work.notes.visitChanges
        context.work.notes.visitChanges = []
        for note in notes { try await desk.announceVisitChange(note, into: &context.work) }
    }
}

extension HelpDesk {
    /// Writes `new` as the visit of `ticket` (whose stored visit was `old`, `nil` when it had none)
    /// into `work`, with its audit entry and the client's notice of the planned or changed visit.
    ///
    /// Every command that plans, moves or cancels a visit records it here, so the client hears of
    /// each change once. `reason` says why, in words for the audit trail ("levelling", "plan").
    /// A change that changes nothing (but the revision) writes nothing.
    func recordVisitChange(
        from old: PlannedVisit?, to new: PlannedVisit, on ticket: Ticket, reason: String, by performer: Performer,
        at now: Date, into work: inout UnitOfWork
    ) {
        if let old, old.plan == new.plan { return }
        var stored = new
        stored.revision = (old?.revision ?? 0) + 1
        work.plannedVisitWrites.append(PlannedVisitWrite(visit: stored, expectedRevision: old?.revision))
        work.notes.visitChanges.append(
            VisitChangeNote(old: old, new: stored, ticket: ticket, reason: reason, performer: performer, at: now))
    }

    /// The audit entry, the event (to staff and the ticket's clients) and the client notices of one change.
    func announceVisitChange(_ note: VisitChangeNote, into work: inout UnitOfWork) async throws(HelpDeskError) {
        let (ticket, new) = (note.ticket, note.new)
        let old = note.old.flatMap { $0.isCancelled ? nil : $0 }
        let newWords = try await visitWords(new, of: ticket)
        let oldWords: VisitWords? = if let old { try await visitWords(old, of: ticket) } else { nil }
        let reason = note.reason.isEmpty ? "" : " (\(note.reason))"
        work.auditEntries.append(
            AuditEntry(
                id: nextID(), ticketID: ticket.id, field: .visit, oldValue: oldWords.map { $0.summary },
                newValue: new.isCancelled ? "cancelled" + reason : newWords.summary + reason, performer: note.performer,
                at: note.at))
        let event: DomainEvent
        let template: NoticeTemplate?
        let templates = configuration.notifications.visits
        switch (old, new.isCancelled) {
        case (nil, true): return
        case (nil, false):
            event = .visitPlanned(ticket: ticket.id, number: ticket.number, start: new.start, end: new.end)
            template = templates.planned
        case (.some, false):
            event = .visitRescheduled(ticket: ticket.id, number: ticket.number, start: new.start, end: new.end)
            template = templates.rescheduled
        case (.some, true):
            event = .visitCancelled(ticket: ticket.id, number: ticket.number)
            template = templates.cancelled
        }
        var audience = audience(of: event, on: ticket, performer: note.performer)
        var staff = Set(audience.employeeIDs).union(new.employeeIDs).union(old?.employeeIDs ?? [])
        if let actor = note.performer.employeeID { staff.remove(actor) }
        audience.employeeIDs = staff.sorted()
        audience.requester = note.performer == ticket.requester.performer ? nil : ticket.requester
        audience.contactIDs = ticket.ccContactIDs.filter { note.performer != .contact($0) }
        work.events.append(
            PendingEvent(id: nextID(), event: event, performer: note.performer, audience: audience, occurredAt: note.at)
        )
        guard let template else { return }
        var visitValues: [String: String] = ["visit.when": newWords.when, "visit.engineers": newWords.engineers]
        visitValues["visit.site"] = newWords.site
        visitValues["visit.previousWhen"] = oldWords?.when
        try await sendVisitNotice(
            template, about: ticket, values: visitValues, to: audience.clients, note: note, into: &work)
    }

    /// Renders `template` for each of `clients` from what that client may see, plus the visit's
    /// words; a client who may not read the ticket, or whose address is a robot's, gets none.
    private func sendVisitNotice(
        _ template: NoticeTemplate, about ticket: Ticket, values visit: [String: String], to clients: [Requester],
        note: VisitChangeNote, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        for client in clients {
            if case .contact(let id) = client,
                let email = try await storage({ try await companyStore.contact(id) })?.email,
                LoopProtection.isRobotAddress(email)
            {
                continue
            }
            guard var values = try await clientNoticeValues(of: ticket, for: client, adding: []) else { continue }
            for (path, value) in visit where !value.isEmpty { values[path] = value }
            let notice = Notice(
                purpose: .visit, reader: .client, subject: template.subject.render(values),
                text: template.body.render(values), html: template.body.render(values, escaping: .html))
            let audience: Audience =
                if case .contact(let id) = client, client != ticket.requester {
                    Audience(contactIDs: [id])
                } else {
                    Audience(requester: client)
                }
            work.events.append(
                PendingEvent(
                    id: nextID(), event: .noticeSent(ticket: ticket.id, number: ticket.number, notice: notice),
                    performer: note.performer, audience: audience, occurredAt: note.at))
        }
    }
}
