import Foundation

extension HelpDesk {
    /// Registers a ticket and returns it with its new number.
    ///
    /// When no assignee or group is given, the category's default assignee and group apply.
    /// Commits the ticket, a `created` audit entry and a `ticketCreated` event together.
    public func createTicket(_ request: NewTicket, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> Ticket
    {
        try Validate.title(request.title, maximum: configuration.maximumTitleLength)
        try Validate.length(request.description, atMost: configuration.maximumTextLength, field: "description")
        try Validate.requester(request.requester)
        try Validate.attachments(request.attachments)
        try Validate.customFieldKeys(request.customFields.keys)
        try await requireUploaded(request.attachments)
        return try await perform(
            by: performer,
            command: "createTicket", key: idempotencyKey, inputs: [request]
        ) { context throws(HelpDeskError) in
            try await buildTicket(request, in: &context)
        }
    }

    /// Adds the new ticket, its `created` audit entry and its event to `context`.
    func buildTicket(_ request: NewTicket, in context: inout CommandContext) async throws(HelpDeskError)
        -> Ticket
    {
        let performer = context.performer
        var assigneeID = request.assigneeID
        var groupID = request.groupID
        if let categoryID = request.categoryID {
            // A client files only under categories it sees.
            guard let category = try await storage({ try await store.category(categoryID) }),
                category.isVisibleToClients || !context.principal.isClient
            else {
                throw .categoryNotFound(categoryID)
            }
            if assigneeID == nil, groupID == nil {
                assigneeID = category.defaultAssigneeID
                groupID = category.defaultGroupID
            }
        }
        try await validateAssignment(assignee: assigneeID, group: groupID)
        let watcherIDs = try await validatedWatchers(request.watcherIDs)
        let links = try await resolveClientLinks(
            ClientLinks(
                companyID: request.companyID, locationID: request.locationID, contractID: request.contractID,
                assetIDs: request.assetIDs, ccContactIDs: request.ccContactIDs),
            requester: request.requester, category: request.categoryID, performer: performer)

        let now = clock.now()
        let number = try await reserveTicketNumber(in: &context)
        var ticket = Ticket(
            id: nextID(), number: number, title: request.title, description: request.description,
            channel: request.channel, categoryID: request.categoryID, priority: request.priority,
            status: workflow.initialStatus, requester: request.requester, companyID: links.companyID,
            locationID: links.locationID, contractID: links.contractID, assetIDs: links.assetIDs,
            assigneeID: assigneeID, groupID: groupID,
            watcherIDs: watcherIDs, ccContactIDs: links.ccContactIDs, attachments: request.attachments, customFields: request.customFields,
            createdAt: now)
        try authorize(context.principal, AccessRequest(.createTicket, ticket: ticket))
        // Automation rules shape the new ticket before its clocks start (a priority they set counts).
        var automated = TicketEdit(ticket, by: performer, at: now)
        try await runRules([.ticketCreated], on: &automated, isNew: true)
        ticket = automated.ticket
        ticket.sla = try await startSLA(for: ticket)

        context.work.save(ticket, expectedRevision: nil)
        context.work.requireReferences(of: ticket, comparedTo: nil)
        context.work.auditEntries.append(
            AuditEntry(
                id: nextID(), ticketID: ticket.id, field: .created, oldValue: nil, newValue: number.description,
                performer: performer, at: now))
        let event = DomainEvent.ticketCreated(
            ticket: ticket.id, number: number, channel: ticket.channel, priority: ticket.priority)
        context.work.events.append(
            PendingEvent(
                id: nextID(), event: event, performer: performer,
                audience: audience(of: event, on: ticket, performer: performer), occurredAt: now))
        for event in automated.events {
            context.work.events.append(
                PendingEvent(
                    id: nextID(), event: event, performer: performer,
                    audience: audience(of: event, on: ticket, performer: performer), occurredAt: now))
        }
        audit(automated.ruleFirings, on: ticket, by: performer, at: now, into: &context.work)
        context.work.absorbRuleWork(automated.ruleWork)
        try await sendNotices(
            receipt(for: ticket) + automated.noticeRequests, about: ticket, by: performer, at: now, into: &context.work)
        try await warnIfDebtor(ticket, before: nil, by: performer, at: now, into: &context.work)
        return ticket
    }

    /// `ids` deduplicated and sorted, after checking each is an active employee.
    @inline(__always)
    func validatedWatchers(_ ids: [EmployeeID]) async throws(HelpDeskError) -> [EmployeeID] {
        for id in ids { _ = try await loadEmployee(id) }
        return Array(Set(ids)).sorted()
    }
}
