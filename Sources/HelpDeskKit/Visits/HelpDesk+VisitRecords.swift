import Foundation

extension HelpDesk {
    /// Writes `new` as the visit of `ticket` (whose stored visit was `old`, `nil` when it had none)
    /// into `work`, with its audit entry and the client's notice of the planned or changed visit.
    ///
    /// Every command that plans, moves or cancels a visit records it here, so the client hears of
    /// each change once. `reason` says why, in words for the audit trail ("levelling", "plan").
    func recordVisitChange(
        from old: PlannedVisit?, to new: PlannedVisit, on ticket: Ticket, reason: String, by performer: Performer,
        at now: Date, into work: inout UnitOfWork
    ) {
        var stored = new
        stored.revision = (old?.revision ?? 0) + 1
        work.plannedVisitWrites.append(PlannedVisitWrite(visit: stored, expectedRevision: old?.revision))
    }
}
