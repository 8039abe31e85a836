import Foundation

/// A ticket an edit took out of work, as it will be stored, with who did it and when.
struct TicketTakenOutOfWork: Sendable {
    var ticket: Ticket
    var performer: Performer
    var at: Date
}

extension TicketHook {
    /// Notes tickets an edit takes out of work (from new, open or waiting to resolved, closed or
    /// cancelled), so the visits' unit hook calls off their visits still ahead.
    static let visitCallOff = TicketHook(
        name: "visit-call-off",
        willCommit: { desk, edit, ticket, work throws(HelpDeskError) in
            let category = desk.workflow.category(of: ticket.status)
            if category?.isActive == false {
                if desk.workflow.category(of: edit.original.status)?.isActive == true
                    || work.notes.endedTickets[ticket.id] != nil
                {
                    work.notes.endedTickets[ticket.id] = TicketTakenOutOfWork(
                        ticket: ticket, performer: edit.performer, at: edit.at)
                }
            } else {
                // A later edit of the same unit put the ticket back to work.
                work.notes.endedTickets[ticket.id] = nil
            }
        })
}

extension HelpDesk {
    /// Cancels, in `work`, the visit of each ticket the unit took out of work when the visit has
    /// not started yet, with the reason in the audit trail ("ticket resolved") and the client's
    /// notice. A visit under way or over stays as it was: it is the record of the work done.
    func callOffVisitsOfEndedTickets(in work: inout UnitOfWork) async throws(HelpDeskError) {
        let ended = work.notes.endedTickets
        work.notes.endedTickets = [:]
        guard !ended.isEmpty, let visits = try optionalFeature((any VisitRepository).self) else { return }
        for id in ended.keys.sorted() {
            guard let note = ended[id] else { continue }
            let reason = "ticket " + (workflow.category(of: note.ticket.status).map(\.rawValue) ?? "ended")
            if let write = work.plannedVisitWrites.lastIndex(where: { $0.visit.ticketID == id }) {
                // Planned or moved by this very unit (a plan's ticket a rule resolves at once).
                let visit = work.plannedVisitWrites[write].visit
                guard !visit.isCancelled, visit.start > note.at else { continue }
                work.plannedVisitWrites[write].visit.isCancelled = true
                if let change = work.notes.visitChanges.lastIndex(where: { $0.new.ticketID == id }) {
                    work.notes.visitChanges[change].new.isCancelled = true
                    work.notes.visitChanges[change].reason = reason
                }
                continue
            }
            let stored = try await storage { try await visits.visit(ofTicket: id) }
            guard let stored, !stored.isCancelled, stored.start > note.at else { continue }
            var cancelled = stored
            cancelled.isCancelled = true
            recordVisitChange(
                from: stored, to: cancelled, on: note.ticket, reason: reason, by: note.performer, at: note.at,
                into: &work)
        }
    }
}
