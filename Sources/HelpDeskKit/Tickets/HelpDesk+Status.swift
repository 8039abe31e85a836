import Foundation

/// What one ``HelpDesk/tick(now:)`` did.
public struct TickReport: Hashable, Sendable {
    /// Postponed tickets that returned to work, in order of their return instants.
    public var returnedToWork: [TicketNumber] = []
    /// Tickets with an SLA warning announced (once per warning).
    public var slaWarnings: [TicketNumber] = []
    /// Tickets with an SLA breach announced (once per breach).
    public var slaBreaches: [TicketNumber] = []
    /// Numbers of contracts a reminder was announced for (once per reminder).
    public var contractReminders: [String] = []
    /// Tickets the backlog drains assigned, group by group, oldest first within a group.
    public var drainedTickets: [TicketNumber] = []
    /// Time rules that fired, in firing order (oldest tickets first): each rule once per ticket and
    /// condition episode.
    public var ruleFirings: [RuleTickFiring] = []
    /// Time-rule firings that were due but left for the next tick by
    /// ``RuleSettings/maximumTimeFiringsPerTick``.
    public var deferredRuleFirings = 0
    /// Rule episodes that ended: their rule's conditions no longer hold for the ticket (or the ticket
    /// was closed or cancelled, or the rule deleted or no longer a time rule).
    public var endedRuleEpisodes = 0
    /// Tickets on which time rules could not fire, with the reason; the next tick tries again.
    public var ruleFailures: [RuleTickFailure] = []
    /// Knowledge articles marked as needing review because their review fell due.
    public var knowledgeReviewsDue: [KnowledgeArticleID] = []
    /// 1 when more articles were due than ``KnowledgeSettings/reviewMarksPerTick``: the next tick marks them.
    public var deferredKnowledgeReviews = 0
    /// Tickets opened by maintenance plans, plan by plan, in occurrence order.
    public var maintenanceTickets: [TicketNumber] = []
    /// Plans with due occurrences left for the next tick by the per-tick bounds.
    public var deferredMaintenancePlans: [MaintenancePlanID] = []
    /// Plans the tick could not generate for, with the reason; the next tick tries again.
    public var maintenanceFailures: [MaintenanceFailure] = []
}

extension HelpDesk {
    /// Moves the ticket to `status` when the workflow allows it.
    ///
    /// Moving to the current status changes nothing. Leaving a `waiting` status clears the
    /// postponement; entering `resolved` or `closed` stamps `resolvedAt` / `closedAt`.
    public func changeStatus(
        _ id: TicketID, to status: StatusCode, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> Ticket
    {
        guard workflow.status(status) != nil else { throw .unknownStatus(status) }
        return try await editTicket(
            id, by: performer,
            command: "changeStatus", key: idempotencyKey, inputs: [id, status]
        ) { edit throws(HelpDeskError) in
            guard edit.ticket.status != status else { return }
            guard workflow.allows(from: edit.ticket.status, to: status) else {
                throw .transitionNotAllowed(ticket: edit.ticket.number, from: edit.ticket.status, to: status)
            }
            edit.move(to: status, workflow: workflow)
        }
    }

    /// Defers the ticket until `instant`: it waits in the workflow's postponed status and returns
    /// to work at the first ``tick(now:)`` at or after `instant`. Postponing again moves the date.
    public func postpone(
        _ id: TicketID, until instant: Date, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> Ticket
    {
        try Validate.instant(instant, field: "until")
        let target = workflow.postponedStatus
        return try await editTicket(
            id, by: performer,
            command: "postpone", key: idempotencyKey, inputs: [id, instant]
        ) { edit throws(HelpDeskError) in
            guard instant > edit.at else {
                throw .invalidInput(field: "until", problem: .notInFuture(instant))
            }
            if edit.ticket.status != target {
                guard workflow.allows(from: edit.ticket.status, to: target) else {
                    throw .transitionNotAllowed(ticket: edit.ticket.number, from: edit.ticket.status, to: target)
                }
                edit.move(to: target, workflow: workflow)
            }
            guard edit.ticket.postponedUntil != instant else { return }
            edit.ticket.postponedUntil = instant
            edit.events.append(.ticketPostponed(ticket: edit.ticket.id, number: edit.ticket.number, until: instant))
        }
    }

    /// Returns one postponed ticket to work if its date has come, under the ticket's lock; the
    /// change is stamped with the return instant (not `now`), so the waiting interval is exact
    /// however late the host ticks.
    func returnToWork(_ id: TicketID, dueBy now: Date) async throws(HelpDeskError) -> TicketNumber? {
        try await perform(by: .system, editing: [id]) { context throws(HelpDeskError) in
            guard let ticket = try await storage({ try await store.ticket(id) }),
                let until = ticket.postponedUntil, until <= now
            else { return nil }
            var edit = TicketEdit(ticket, by: .system, at: until)
            edit.move(to: workflow.returnToWorkStatus, workflow: workflow)
            edit.ticket.postponedUntil = nil
            edit.events.append(.returnedToWork(ticket: ticket.id, number: ticket.number))
            try await record(&edit, into: &context.work)
            return ticket.number
        }
    }
}

extension TickHook {
    /// Returns postponed tickets whose date has come to work, each as its own unit of work.
    static let postponedReturn = TickHook(name: "postponed-return") { desk, now, report throws(HelpDeskError) in
        let due = try await desk.storage { try await desk.store.postponedTickets(dueBy: now) }
        for ticket in due {
            if let number = try await desk.returnToWork(ticket.id, dueBy: now) { report.returnedToWork.append(number) }
        }
    }
}

extension Capability {
    /// Tickets: postponed tickets return to work when their date comes.
    static let tickets = Capability(name: "tickets", tickHooks: [.postponedReturn])
}
