import Foundation

extension HelpDesk {
    /// Changes title, description, channel, priority, category, requester, client links, copied
    /// contacts or custom fields.
    public func updateTicket(
        _ id: TicketID, _ update: TicketUpdate, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> Ticket
    {
        if let title = update.title { try Validate.title(title, maximum: configuration.maximumTitleLength) }
        if let description = update.description {
            try Validate.length(description, atMost: configuration.maximumTextLength, field: "description")
        }
        if let requester = update.requester { try Validate.requester(requester) }
        try Validate.customFieldKeys(update.customFields.keys)
        return try await perform(
            by: performer, editing: [id], command: "updateTicket", key: idempotencyKey, inputs: [id, update]
        ) { context throws(HelpDeskError) in
            let before = try await loadTicket(id)
            let updated = try await edit(id, in: &context, for: .editTicket) { edit throws(HelpDeskError) in
                try await apply(update, to: &edit)
            }
            if updated.contractID != before.contractID {
                // Contract work logged so far moves to the new contract's allowance.
                try await moveAllowances(of: before, to: updated, in: &context)
            }
            return updated
        }
    }

    /// Applies `update` to the ticket being edited. When the client links change (company,
    /// location or requester) and the update names no contract, a contract that no longer applies
    /// (or none) is chosen again as at registration, so a phone ticket later linked to a client or
    /// site gets its contract, SLA and prices; the SLA hook then retargets the clocks, keeping
    /// elapsed and paused time.
    private func apply(_ update: TicketUpdate, to edit: inout TicketEdit) async throws(HelpDeskError) {
        if case .some(.some(let categoryID)) = update.categoryID {
            guard try await storage({ try await store.category(categoryID) }) != nil else {
                throw .categoryNotFound(categoryID)
            }
        }
        if let title = update.title { edit.ticket.title = title }
        if let description = update.description { edit.ticket.description = description }
        if let channel = update.channel { edit.ticket.channel = channel }
        if let priority = update.priority { edit.ticket.priority = priority }
        if let categoryID = update.categoryID { edit.ticket.categoryID = categoryID }
        for (key, value) in update.customFields { edit.ticket.customFields[key] = value }
        if let companyID = update.companyID { edit.ticket.companyID = companyID }
        if let locationID = update.locationID { edit.ticket.locationID = locationID }
        if let contractID = update.contractID { edit.ticket.contractID = contractID }
        if let assetIDs = update.assetIDs { edit.ticket.assetIDs = assetIDs }
        if let ccContactIDs = update.ccContactIDs { edit.ticket.ccContactIDs = ccContactIDs }
        if let requester = update.requester { edit.ticket.requester = requester }
        if update.companyID != nil || update.locationID != nil || update.contractID != nil || update.assetIDs != nil
            || update.requester != nil || update.ccContactIDs != nil
        {
            try await relink(&edit, update)
        }
        let fields = edit.ticket.changes(since: edit.original).map(\.field)
        if !fields.isEmpty {
            edit.events.append(.ticketUpdated(ticket: edit.ticket.id, number: edit.ticket.number, fields: fields))
        }
    }

    /// Checks the edited ticket's client links and re-chooses its contract when they moved.
    private func relink(_ edit: inout TicketEdit, _ update: TicketUpdate) async throws(HelpDeskError) {
        var links = ClientLinks(
            companyID: edit.ticket.companyID, locationID: edit.ticket.locationID,
            contractID: edit.ticket.contractID, assetIDs: edit.ticket.assetIDs,
            ccContactIDs: edit.ticket.ccContactIDs)
        var contact: Contact?
        let newRequester = edit.ticket.requester != edit.original.requester
        if case .contact(let contactID) = edit.ticket.requester {
            contact = try await storage { try await companyStore.contact(contactID) }
            guard let found = contact else { throw .contactNotFound(contactID) }
            if newRequester, !found.isActive { throw .contactInactive(contactID) }
            // A caller recognised later brings their site, as at registration.
            if newRequester, update.locationID == nil, links.locationID == nil { links.locationID = found.locationID }
        }
        try await check(
            &links, contact: contact, alreadyCopied: edit.original.ccContactIDs,
            alreadyLinked: edit.original.assetIDs)
        // A client's conversation, specification and copies stay with that client.
        if let client = edit.original.companyID, let other = links.companyID, other != client {
            throw .ticketBelongsToAnotherClient(edit.ticket.number, company: client)
        }
        let relinked =
            links.companyID != edit.original.companyID || links.locationID != edit.original.locationID || newRequester
        if update.contractID == nil, relinked, let company = links.companyID {
            let category = edit.ticket.categoryID
            var current: Contract?
            if let id = links.contractID { current = try await loadContract(id) }
            let stillApplies =
                current.map {
                    $0.companyID == company && $0.isInForce(at: edit.at)
                        && $0.covers(location: links.locationID, category: category)
                } ?? false
            if !stillApplies {
                links.contractID = try await coveringContract(of: company, location: links.locationID, category: category)?.id
            }
        }
        edit.ticket.companyID = links.companyID
        edit.ticket.locationID = links.locationID
        edit.ticket.contractID = links.contractID
        edit.ticket.assetIDs = links.assetIDs
        edit.ticket.ccContactIDs = links.ccContactIDs
    }

    /// Gives the ticket to `assignee` and/or `group`; `nil` clears either.
    ///
    /// The assignee must be active and, when a group is given, a member of it.
    public func assign(
        _ id: TicketID, to assignee: EmployeeID?, group: GroupID?, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> Ticket
    {
        try await editTicket(
            id, by: performer,
            command: "assign", key: idempotencyKey, inputs: [id, assignee, group]
        ) { edit throws(HelpDeskError) in
            // Checked inside the command, so a retry after a conflict checks the assignee again.
            try await validateAssignment(assignee: assignee, group: group)
            guard edit.ticket.assigneeID != assignee || edit.ticket.groupID != group else { return }
            edit.ticket.assigneeID = assignee
            edit.ticket.groupID = group
            edit.events.append(
                .ticketAssigned(ticket: edit.ticket.id, number: edit.ticket.number, assignee: assignee, group: group))
        }
    }

    /// Puts the ticket "under control" of `employees`: they receive every notification about it.
    public func addWatchers(
        _ employees: [EmployeeID], to id: TicketID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> Ticket
    {
        try await editTicket(
            id, by: performer,
            command: "addWatchers", key: idempotencyKey, inputs: [employees, id]
        ) { edit throws(HelpDeskError) in
            let added = try await validatedWatchers(employees)
            let new = added.filter { !edit.ticket.watcherIDs.contains($0) }
            guard !new.isEmpty else { return }
            edit.ticket.watcherIDs = (edit.ticket.watcherIDs + new).sorted()
            edit.events.append(
                .watchersChanged(ticket: edit.ticket.id, number: edit.ticket.number, added: new, removed: []))
        }
    }

    /// Stops `employees` from following the ticket; employees who do not follow it are ignored.
    public func removeWatchers(
        _ employees: [EmployeeID], from id: TicketID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> Ticket
    {
        try await editTicket(
            id, by: performer,
            command: "removeWatchers", key: idempotencyKey, inputs: [employees, id]
        ) { edit throws(HelpDeskError) in
            let removed = Set(employees).intersection(edit.ticket.watcherIDs).sorted()
            guard !removed.isEmpty else { return }
            edit.ticket.watcherIDs.removeAll { removed.contains($0) }
            edit.events.append(
                .watchersChanged(ticket: edit.ticket.id, number: edit.ticket.number, added: [], removed: removed))
        }
    }

    /// Attaches file metadata to the ticket itself.
    public func attach(
        _ files: [Attachment], to id: TicketID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> Ticket
    {
        guard !files.isEmpty else { throw .invalidInput(field: "attachments", problem: .blank) }
        try Validate.attachments(files)
        try await requireUploaded(files)
        return try await editTicket(
            id, by: performer, for: .attachFiles,
            command: "attach", key: idempotencyKey, inputs: [files, id]
        ) { edit throws(HelpDeskError) in
            edit.ticket.attachments += files
            edit.events.append(.attachmentsAdded(ticket: edit.ticket.id, number: edit.ticket.number, files: files))
        }
    }
}
