import Foundation

/// One command's change to one ticket: the edited copy plus the comments and events it causes.
///
/// The audit entries are not written by hand: ``HelpDesk/record(_:into:)`` derives them from the
/// difference between the original and the edited ticket, so no field changes unaudited.
struct TicketEdit: Sendable {
    /// The ticket as loaded.
    let original: Ticket
    /// The ticket as the command leaves it.
    var ticket: Ticket
    /// Who performs the command.
    let performer: Performer
    /// When the change happens.
    let at: Date
    /// Comments the command adds.
    var comments: [Comment] = []
    /// Events the command raises, besides the ones derived from field changes.
    var events: [DomainEvent] = []
    /// Automation rules that fired on the ticket in this command (audited when recorded).
    var ruleFirings: [RuleFiring] = []
    /// What the rules' actions write besides the ticket (round-robin cursors), added to the unit when recorded.
    var ruleWork = UnitOfWork()
    /// Notices the rules asked for, rendered once the ticket is final.
    var noticeRequests: [NoticeRequest] = []

    init(_ ticket: Ticket, by performer: Performer, at instant: Date) {
        original = ticket
        self.ticket = ticket
        self.performer = performer
        at = instant
    }

    /// `true` when the command changes nothing.
    var isEmpty: Bool { comments.isEmpty && events.isEmpty && ticket == original }

    /// Moves the ticket to `status`, keeping the lifecycle timestamps in step.
    mutating func move(to status: StatusCode, workflow: Workflow) {
        guard status != ticket.status else { return }
        ticket.status = status
        if status != workflow.postponedStatus { ticket.postponedUntil = nil }
        switch workflow.category(of: status) {
        case .resolved?:
            ticket.resolvedAt = at
        case .closed?:
            ticket.closedAt = at
            if ticket.resolvedAt == nil { ticket.resolvedAt = at }
        case .new?, .open?, .waiting?:
            ticket.resolvedAt = nil
        case .cancelled?, nil:
            break
        }
        events.append(.statusChanged(ticket: ticket.id, number: ticket.number, from: original.status, to: status))
    }
}

extension HelpDesk {
    /// Adds `edit` to `work`: the registered ``TicketHook``s prepare it (SLA clocks), then the
    /// ticket write, audit entries for every changed field and comment, and the events with their
    /// audiences are added, then the hooks add their own changes (rating requests, settlement).
    /// Returns the ticket as it will be stored.
    @discardableResult
    func record(_ edit: inout TicketEdit, into work: inout UnitOfWork) async throws(HelpDeskError) -> Ticket {
        for hook in Capabilities.ticketHooks {
            if let prepare = hook.prepare { try await prepare(self, &edit) }
        }
        guard !edit.isEmpty else {
            // Nothing to store, but a rule may still have asked for notices (a time rule's auto-reply).
            if !edit.noticeRequests.isEmpty {
                for hook in Capabilities.ticketHooks {
                    if let willCommit = hook.willCommit { try await willCommit(self, edit, edit.original, &work) }
                }
            }
            return edit.original
        }
        var ticket = edit.ticket
        ticket.updatedAt = max(edit.at, ticket.updatedAt)
        ticket.revision = edit.original.revision + 1
        work.save(ticket, expectedRevision: edit.original.revision)
        work.requireReferences(of: ticket, comparedTo: edit.original)
        for change in ticket.changes(since: edit.original) {
            work.auditEntries.append(
                AuditEntry(
                    id: nextID(), ticketID: ticket.id, field: change.field, oldValue: change.oldValue,
                    newValue: change.newValue, performer: edit.performer, at: edit.at))
        }
        for comment in edit.comments {
            work.comments.append(comment)
            work.auditEntries.append(
                AuditEntry(
                    id: nextID(), ticketID: ticket.id, field: .comment, oldValue: nil,
                    newValue: "\(comment.visibility):\(comment.id)", performer: edit.performer, at: edit.at))
        }
        let explained = edit.events.contains(where: \.explainsStatusChange)
        for event in edit.events {
            var audience = audience(of: event, on: ticket, performer: edit.performer)
            if explained, case .statusChanged = event { audience.requester = nil }
            work.events.append(
                PendingEvent(
                    id: nextID(), event: event, performer: edit.performer, audience: audience, occurredAt: edit.at))
        }
        for hook in Capabilities.ticketHooks {
            if let willCommit = hook.willCommit { try await willCommit(self, edit, ticket, &work) }
        }
        return ticket
    }

    /// Who hears about `event`: assignee and watchers (never the performer, except for SLA
    /// warnings and breaches), the group while nobody is assigned or for SLA events, and the
    /// requester for what the client can see. When a more specific
    /// event (postponed, returned, reopened, merged) explains a status change, only that one
    /// reaches the client, so one change never sends the client two messages.
    func audience(of event: DomainEvent, on ticket: Ticket, performer: Performer) -> Audience {
        var employees = ticket.watcherIDs
        if let assignee = ticket.assigneeID, !employees.contains(assignee) { employees.append(assignee) }
        if let actor = performer.employeeID { employees.removeAll { $0 == actor } }
        let isSLA: Bool
        switch event {
        case .slaWarning, .slaBreached: isSLA = true
        default: isSLA = false
        }
        if isSLA, let actor = performer.employeeID, actor == ticket.assigneeID || ticket.watcherIDs.contains(actor) {
            employees.append(actor)
        }
        let groups = ticket.assigneeID == nil || isSLA ? ticket.groupID.map { [$0] } ?? [] : []
        let clientSees: Bool
        switch event {
        case .statusChanged:
            // A configured status-change template tells the client instead (a notice of its own).
            clientSees = configuration.notifications.statusChange == nil
        case .ticketCreated, .ticketPostponed, .returnedToWork, .ticketReopened, .paidWorkApproval:
            clientSees = true
        case .ticketsMerged(let source, _, _, _):
            clientSees = ticket.id == source
        case .commentAdded(_, _, _, let visibility):
            clientSees = visibility == .public && !performer.isClient
        default:
            clientSees = false
        }
        let notifyClient = clientSees && performer != ticket.requester.performer
        let copied = clientSees ? ticket.ccContactIDs.filter { performer != .contact($0) } : []
        return Audience(
            employeeIDs: employees.count > 1 ? employees.sorted() : employees, groupIDs: groups,
            requester: notifyClient ? ticket.requester : nil, contactIDs: copied)
    }

    /// Loads a ticket, asks the access policy for `action` on it, lets `change` edit it, and
    /// commits the result as one unit of work.
    ///
    /// A change that leaves the ticket as it was commits nothing and returns the ticket unchanged.
    func editTicket(
        _ id: TicketID, by performer: Performer, for action: AccessAction = .editTicket, command: String,
        key: IdempotencyKey?, inputs: @autoclosure () -> [any Encodable],
        _ change: (inout TicketEdit) async throws(HelpDeskError) -> Void
    ) async throws(HelpDeskError) -> Ticket {
        try await perform(by: performer, editing: [id], command: command, key: key, inputs: inputs()) {
            context throws(HelpDeskError) in
            try await edit(id, in: &context, for: action, change)
        }
    }

    /// ``editTicket(_:by:for:idempotency:_:)`` inside a running command: loads the ticket, asks
    /// the policy, lets `change` edit it and records the edit in the command's unit of work.
    func edit(
        _ id: TicketID, in context: inout CommandContext, for action: AccessAction,
        _ change: (inout TicketEdit) async throws(HelpDeskError) -> Void
    ) async throws(HelpDeskError) -> Ticket {
        let ticket = try await loadTicket(id)
        try authorize(context.principal, action, on: ticket)
        try ensureUnlocked(ticket)
        var edit = TicketEdit(ticket, by: context.performer, at: clock.now())
        try await change(&edit)
        return try await record(&edit, into: &context.work)
    }
}

extension DomainEvent {
    /// `true` for events that explain an accompanying status change to the client.
    var explainsStatusChange: Bool {
        switch self {
        case .ticketPostponed, .returnedToWork, .ticketReopened, .ticketsMerged: true
        default: false
        }
    }
}
