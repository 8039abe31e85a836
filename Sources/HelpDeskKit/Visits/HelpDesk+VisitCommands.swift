import Foundation

/// Planning, moving and cancelling a ticket's visit (``AccessAction/planWork`` on a ticket the
/// performer may read). Each change is audited on the ticket and announced to staff and clients.
extension HelpDesk {
    /// Plans the visit of `ticket`; refused when it already has one that is not cancelled.
    @discardableResult
    public func planVisit(
        on ticket: TicketID, _ request: VisitRequest, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> PlannedVisit {
        try await changeVisit(of: ticket, by: performer, command: "planVisit", key: idempotencyKey, inputs: [request]) {
            ticket, stored throws(HelpDeskError) in
            if let stored, !stored.isCancelled { throw .visitAlreadyPlanned(ticket.number) }
            try ensureInWork(ticket)
            try await validate(request, for: ticket)
            return request.visit(of: ticket.id, revision: stored?.revision ?? 0)
        }
    }

    /// Moves the visit of `ticket` to what `request` says (time, duration, engineers, site, window,
    /// fixed). `expectedRevision`, when given, must be the stored revision. A request that changes
    /// nothing returns the visit as stored and announces nothing.
    @discardableResult
    public func rescheduleVisit(
        on ticket: TicketID, to request: VisitRequest, expectedRevision: Int? = nil, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> PlannedVisit {
        try await changeVisit(
            of: ticket, by: performer, command: "rescheduleVisit", key: idempotencyKey,
            inputs: [request, expectedRevision]
        ) { ticket, stored throws(HelpDeskError) in
            guard let stored, !stored.isCancelled else { throw .visitNotFound(ticket.number) }
            if let expectedRevision, expectedRevision != stored.revision {
                throw .visitChanged(ticket.number, revision: stored.revision)
            }
            try ensureInWork(ticket)
            try await validate(request, for: ticket)
            return request.visit(of: ticket.id, revision: stored.revision)
        }
    }

    /// Calls off the visit of `ticket`; it stays on record, cancelled.
    @discardableResult
    public func cancelVisit(on ticket: TicketID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> PlannedVisit
    {
        try await changeVisit(of: ticket, by: performer, command: "cancelVisit", key: idempotencyKey, inputs: []) {
            ticket, stored throws(HelpDeskError) in
            guard var visit = stored, !visit.isCancelled else { throw .visitNotFound(ticket.number) }
            visit.isCancelled = true
            return visit
        }
    }

    /// Refuses a visit for `ticket` while it is out of work (resolved or cancelled; closed ones are locked).
    private func ensureInWork(_ ticket: Ticket) throws(HelpDeskError) {
        if workflow.category(of: ticket.status)?.isActive == false {
            throw .visitTicketNotInWork(ticket.number, status: ticket.status)
        }
    }

    /// Loads `id` for a performer who may read it and plan work, refuses a closed ticket, lets
    /// `decide` compute the new visit from the stored one and records the change.
    private func changeVisit(
        of id: TicketID, by performer: Performer, command: String, key: IdempotencyKey?,
        inputs: @autoclosure () -> [any Encodable],
        _ decide: (Ticket, PlannedVisit?) async throws(HelpDeskError) -> PlannedVisit
    ) async throws(HelpDeskError) -> PlannedVisit {
        try await perform(by: performer, editing: [id], command: command, key: key, inputs: inputs()) {
            context throws(HelpDeskError) in
            let ticket = try await loadTicket(id)
            try authorize(context.principal, .readTicket, on: ticket)
            try authorize(context.principal, .planWork, on: ticket)
            try ensureUnlocked(ticket)
            let visits = try feature((any VisitRepository).self)
            let stored = try await storage { try await visits.visit(ofTicket: id) }
            let decided = try await decide(ticket, stored)
            if let stored, stored.plan == decided.plan { return stored }
            for employee in decided.employeeIDs where !decided.isCancelled {
                context.work.require(.employeeActive(employee))
            }
            recordVisitChange(
                from: stored, to: decided, on: ticket, reason: "", by: performer, at: clock.now(),
                into: &context.work)
            var result = decided
            result.revision = (stored?.revision ?? 0) + 1
            return result
        }
    }

    /// Checks `request` for a visit to `ticket`: its shape, active employees, and a site of the
    /// ticket's company.
    func validate(_ request: VisitRequest, for ticket: Ticket) async throws(HelpDeskError) {
        try request.validateShape()
        for id in request.employeeIDs { _ = try await loadEmployee(id) }
        guard let locationID = request.locationID else { return }
        guard let location = try await storage({ try await companyStore.location(locationID) }) else {
            throw .locationNotFound(locationID)
        }
        guard let company = ticket.companyID else { throw .ticketHasNoClient(ticket.number) }
        guard location.companyID == company else { throw .crossCompanyLink(.location(locationID), expected: company) }
    }
}
