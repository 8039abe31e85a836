import Foundation

extension HelpDesk {
    /// Asks the client to approve the ticket's paid work as it stands.
    ///
    /// Needs ``AccessAction/settleWork`` on the ticket, an unsettled specification with a billable
    /// line, and no decision pending. Until a contact allowed to approve paid work (or an employee
    /// who settles work) approves, the specification cannot be settled; changing its lines asks again.
    /// Audited on the ticket, with a `paidWorkApproval` event the requester sees.
    public func requestApproval(of ticketID: TicketID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> TicketSpecification
    {
        try await perform(
            by: performer, editing: [ticketID], command: "requestApproval", key: idempotencyKey, inputs: [ticketID]
        ) { context throws(HelpDeskError) in
            let ticket = try await loadTicket(ticketID)
            try authorize(context.principal, .settleWork, on: ticket)
            var specification = try await openSpecification(of: ticket)
            guard specification.lines.contains(where: { $0.coverage == .billable }) else {
                throw .invalidInput(field: "specification", problem: .blank)
            }
            if specification.approval?.decision == .requested { throw .approvalNotAwaited(ticket.number) }
            let now = clock.now()
            specification.approval = SpecificationApproval(
                decision: .requested, version: specification.version + 1, requestedAt: now,
                requestedBy: context.performer)
            return try await writeApprovalStep(.requested, specification, on: ticket, at: now, in: &context)
        }
    }

    /// Approves the paid work awaiting approval: by a contact allowed to approve paid work who
    /// sees the ticket (``AccessAction/approvePaidWork``), or by an employee who settles work.
    public func approvePaidWork(
        of ticketID: TicketID, remark: String? = nil, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> TicketSpecification {
        try await decidePaidWork(of: ticketID, .approved, remark: remark, by: performer, key: idempotencyKey)
    }

    /// Declines the paid work awaiting approval, with the client's reason (not blank); the work
    /// cannot be settled until its lines change and the client approves.
    public func declinePaidWork(
        of ticketID: TicketID, reason: String, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> TicketSpecification {
        try Validate.notBlank(reason, field: "reason")
        return try await decidePaidWork(of: ticketID, .declined, remark: reason, by: performer, key: idempotencyKey)
    }

    private func decidePaidWork(
        of ticketID: TicketID, _ decision: ApprovalDecision, remark: String?, by performer: Performer,
        key: IdempotencyKey?
    ) async throws(HelpDeskError) -> TicketSpecification {
        let remark = remark.flatMap { $0.isBlank ? nil : $0 }
        if let remark { try Validate.length(remark, atMost: configuration.maximumTextLength, field: "reason") }
        return try await perform(
            by: performer, editing: [ticketID], command: decision == .approved ? "approvePaidWork" : "declinePaidWork",
            key: key, inputs: [ticketID, remark]
        ) { context throws(HelpDeskError) in
            let ticket = try await loadTicket(ticketID)
            let action: AccessAction =
                switch context.principal {
                case .contact, .client: .approvePaidWork
                case .employee, .system: .settleWork
                }
            try authorize(context.principal, action, on: ticket)
            var specification = try await openSpecification(of: ticket)
            guard var approval = specification.approval, approval.decision == .requested else {
                throw .approvalNotAwaited(ticket.number)
            }
            let now = clock.now()
            approval.decision = decision
            approval.version = specification.version + 1
            approval.decidedAt = now
            approval.decidedBy = context.performer
            approval.remark = remark
            specification.approval = approval
            return try await writeApprovalStep(decision, specification, on: ticket, at: now, in: &context)
        }
    }

    /// The ticket's stored specification, refusing a missing or settled one.
    private func openSpecification(of ticket: Ticket) async throws(HelpDeskError) -> TicketSpecification {
        guard let specification = try await storage({ try await billingStore.specification(of: ticket.id) }) else {
            throw .specificationNotFound(ticket.number)
        }
        if let settlement = specification.settlement {
            throw .specificationSettled(ticket.number, version: settlement.version)
        }
        return specification
    }

    /// Stores `specification` at its next version with the approval step's audit entry and event.
    private func writeApprovalStep(
        _ step: ApprovalDecision, _ specification: TicketSpecification, on ticket: Ticket, at now: Date,
        in context: inout CommandContext
    ) async throws(HelpDeskError) -> TicketSpecification {
        var updated = specification
        updated.version += 1
        updated.updatedAt = now
        context.work.billing.specifications = [
            SpecificationWrite(specification: updated, expectedVersion: specification.version)
        ]
        try await recordApprovalStep(step, of: updated, on: ticket, by: context.performer, at: now, into: &context.work)
        return updated
    }

    /// Adds the audit entry and `paidWorkApproval` event of one approval step to `work`; a request
    /// is also addressed to every active contact who may approve the ticket's paid work.
    func recordApprovalStep(
        _ step: ApprovalDecision, of specification: TicketSpecification, on ticket: Ticket, by performer: Performer,
        at now: Date, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        let remark = specification.approval?.remark.map { " \($0)" } ?? ""
        work.auditEntries.append(
            AuditEntry(
                id: nextID(), ticketID: ticket.id, field: .paidWorkApproval, oldValue: nil,
                newValue: "\(step.rawValue) v\(specification.version)" + (step == .requested ? "" : remark),
                performer: performer, at: now))
        let event = DomainEvent.paidWorkApproval(
            ticket: ticket.id, number: ticket.number, version: specification.version, decision: step)
        var audience = audience(of: event, on: ticket, performer: performer)
        if step == .requested {
            audience.contactIDs = Array(Set(audience.contactIDs + (try await approvers(of: ticket)))).sorted()
            if case .contact(let requester) = ticket.requester { audience.contactIDs.removeAll { $0 == requester } }
        }
        work.events.append(
            PendingEvent(id: nextID(), event: event, performer: performer, audience: audience, occurredAt: now))
    }

    /// The active contacts of the ticket's company who may approve its paid work.
    private func approvers(of ticket: Ticket) async throws(HelpDeskError) -> [ContactID] {
        guard let company = ticket.companyID else { return [] }
        var found: [ContactID] = []
        for contact in try await storage({ try await companyStore.contacts(of: company) })
        where contact.isActive && contact.mayApprovePaidWork {
            let principal = try await principal(for: .contact(contact.id))
            if (try? authorize(principal, AccessRequest(.approvePaidWork, ticket: ticket))) != nil {
                found.append(contact.id)
            }
        }
        return found
    }
}
