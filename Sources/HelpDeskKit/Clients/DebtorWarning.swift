import Foundation

extension TicketHook {
    /// Tells the assignee when a ticket of a client that owes money is assigned to them or taken
    /// into work (not only the dispatcher at registration).
    static let debtorWarning = TicketHook(
        name: "debtor-warning",
        willCommit: { desk, edit, ticket, work throws(HelpDeskError) in
            try await desk.warnIfDebtor(ticket, before: edit.original, by: edit.performer, at: edit.at, into: &work)
        })
}

extension HelpDesk {
    /// Adds a ``DomainEvent/debtorTicketAssigned(ticket:number:company:assignee:)`` event for the
    /// assignee when `ticket` (as it will be stored; `before` is `nil` for a new ticket) gets a new
    /// assignee or moves from `new` into work while its company has an overdue invoiced period at
    /// `instant`. The assignee is told even when they took the ticket themselves.
    func warnIfDebtor(
        _ ticket: Ticket, before: Ticket?, by performer: Performer, at instant: Date, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        guard let assignee = ticket.assigneeID, let company = ticket.companyID else { return }
        let reassigned = before?.assigneeID != assignee
        let taken =
            before.map { workflow.category(of: $0.status) == .new } == true
            && workflow.category(of: ticket.status) == .open
        guard reassigned || taken,
            try optionalFeature((any ContractRepository).self) != nil,
            try optionalFeature((any BillingRepository).self) != nil,
            try await isDebtor(company, at: instant)
        else { return }
        work.events.append(
            PendingEvent(
                id: nextID(),
                event: .debtorTicketAssigned(ticket: ticket.id, number: ticket.number, company: company, assignee: assignee),
                performer: performer, audience: Audience(employeeIDs: [assignee]), occurredAt: instant))
    }
}
