import Foundation

extension TicketHook {
    /// Runs the automation rules on every ticket change, before the SLA clocks see the result,
    /// and audits each firing in the same unit of work.
    static let automationRules = TicketHook(
        name: "automation-rules",
        prepare: { desk, edit throws(HelpDeskError) in
            try await desk.runRules(desk.triggers(of: edit), on: &edit, isNew: false)
        },
        willCommit: { desk, edit, ticket, work throws(HelpDeskError) in
            desk.audit(edit.ruleFirings, on: ticket, by: edit.performer, at: edit.at, into: &work)
            work.absorbRuleWork(edit.ruleWork)
        })
}

extension UnitOfWork {
    /// Adds what rules' actions wrote besides the ticket (round-robin cursors) to this unit.
    mutating func absorbRuleWork(_ rules: UnitOfWork) {
        for cursor in rules.roundRobinCursorWrites { write(cursor.cursor, expectedRevision: cursor.expectedRevision) }
    }
}

extension HelpDesk {
    /// The triggers an edit fires: a change of any field the desk's users set (SLA bookkeeping
    /// alone is not a change), and a public comment from the client.
    nonisolated func triggers(of edit: TicketEdit) -> Set<RuleTrigger> {
        var triggers: Set<RuleTrigger> = []
        if edit.ticket.changes(since: edit.original).contains(where: { $0.field != .sla }) {
            triggers.insert(.ticketChanged)
        }
        if edit.comments.contains(where: { $0.visibility == .public && $0.author.isClient }) {
            triggers.insert(.clientCommented)
        }
        return triggers
    }

    /// Adds one ``AuditField/automation`` entry per firing that changed the ticket or skipped an action.
    func audit(
        _ firings: [RuleFiring], on ticket: Ticket, by performer: Performer, at instant: Date,
        into work: inout UnitOfWork
    ) {
        for firing in firings where firing.changedTicket || !firing.skipped.isEmpty {
            let skipped = firing.skipped.isEmpty ? "" : "; skipped: " + firing.skipped.joined(separator: "; ")
            work.auditEntries.append(
                AuditEntry(
                    id: nextID(), ticketID: ticket.id, field: .automation, oldValue: nil,
                    newValue: "rule «\(firing.rule.name)» (priority \(firing.rule.priority))" + skipped,
                    performer: performer, at: instant))
        }
    }
}
