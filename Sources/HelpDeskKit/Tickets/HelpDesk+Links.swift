import Foundation

extension HelpDesk {
    /// Links `id` to `other`; the inverse link is stored on `other`.
    ///
    /// `.parent` makes `other` the parent of `id` (`.child` the reverse). A ticket has at most one
    /// parent, never becomes its own ancestor, and two tickets share at most one link.
    public func link(
        _ id: TicketID, _ kind: LinkKind, to other: TicketID, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError)
    {
        let _: Done = try await perform(
            by: performer, editing: [id, other],
            command: "link", key: idempotencyKey, inputs: [id, kind, other]
        ) { context throws(HelpDeskError) in
            try await link(id, kind, to: other, in: &context)
            return Done()
        }
    }

    /// Adds both sides of the link to `context`.
    private func link(_ id: TicketID, _ kind: LinkKind, to other: TicketID, in context: inout CommandContext)
        async throws(HelpDeskError)
    {
        let performer = context.performer
        let (ticket, target) = try await editablePair(id, other, in: context)
        if ticket.links.contains(where: { $0.ticketID == other }) {
            throw .alreadyLinked(ticket.number, target.number)
        }
        switch kind {
        case .parent: try await ensureCanAdopt(child: ticket, parent: target)
        case .child: try await ensureCanAdopt(child: target, parent: ticket)
        case .related, .duplicateOf, .duplicatedBy: break
        }
        let now = clock.now()
        var edit = TicketEdit(ticket, by: performer, at: now)
        edit.ticket.links = (edit.ticket.links + [TicketLink(kind, to: other)]).sorted()
        edit.events.append(
            .ticketsLinked(ticket: id, number: ticket.number, kind: kind, other: other, otherNumber: target.number))
        var otherEdit = TicketEdit(target, by: performer, at: now)
        otherEdit.ticket.links = (otherEdit.ticket.links + [TicketLink(kind.inverse, to: id)]).sorted()
        otherEdit.events.append(
            .ticketsLinked(
                ticket: other, number: target.number, kind: kind.inverse, other: id, otherNumber: ticket.number))
        try await record(&edit, into: &context.work)
        try await record(&otherEdit, into: &context.work)
    }

    /// Removes the link between `id` and `other`, on both sides.
    public func unlink(
        _ id: TicketID, from other: TicketID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) {
        let _: Done = try await perform(
            by: performer, editing: [id, other],
            command: "unlink", key: idempotencyKey, inputs: [id, other]
        ) { context throws(HelpDeskError) in
            try await unlink(id, from: other, in: &context)
            return Done()
        }
    }

    /// Removes both sides of the link in `context`.
    private func unlink(_ id: TicketID, from other: TicketID, in context: inout CommandContext)
        async throws(HelpDeskError)
    {
        let performer = context.performer
        let ticket = try await loadTicket(id)
        let target = try await loadTicket(other)
        try authorize(context.principal, .editTicket, on: ticket)
        try authorize(context.principal, .editTicket, on: target)
        guard let link = ticket.links.first(where: { $0.ticketID == other }) else {
            throw .notLinked(ticket.number, target.number)
        }
        try ensureUnlocked(ticket)
        try ensureUnlocked(target)
        let now = clock.now()
        var edit = TicketEdit(ticket, by: performer, at: now)
        edit.ticket.links.removeAll { $0.ticketID == other }
        edit.events.append(
            .ticketsUnlinked(
                ticket: id, number: ticket.number, kind: link.kind, other: other, otherNumber: target.number))
        var otherEdit = TicketEdit(target, by: performer, at: now)
        otherEdit.ticket.links.removeAll { $0.ticketID == id }
        otherEdit.events.append(
            .ticketsUnlinked(
                ticket: other, number: target.number, kind: link.kind.inverse, other: id, otherNumber: ticket.number))
        try await record(&edit, into: &context.work)
        try await record(&otherEdit, into: &context.work)
    }

    /// Merges `source` into `target`: the source's comments, attachments and watchers are copied to
    /// the target, the tickets are linked as duplicates, and the source ends in the workflow's merged
    /// status. Both tickets change in one unit of work; a `ticketsMerged` event is raised on each,
    /// and only the source's requester is told (their conversation continues on the target).
    @discardableResult
    public func merge(
        _ source: TicketID, into target: TicketID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> Ticket
    {
        try await perform(
            by: performer, editing: [source, target],
            command: "merge", key: idempotencyKey, inputs: [source, target]
        ) { context throws(HelpDeskError) in
            try await merge(source, into: target, in: &context)
        }
    }

    /// Adds the merge of both tickets to `context`.
    private func merge(_ source: TicketID, into target: TicketID, in context: inout CommandContext)
        async throws(HelpDeskError) -> Ticket
    {
        let performer = context.performer
        let (from, into) = try await editablePair(source, target, in: context)
        try authorize(context.principal, .manageTickets, on: from)
        try authorize(context.principal, .manageTickets, on: into)
        // One client would read the other's conversation: different companies, or two strangers.
        if from.companyID != into.companyID || (from.companyID == nil && from.requester != into.requester) {
            throw .mergeAcrossCompanies(from.number, into.number)
        }
        if from.links.contains(where: { $0.kind == .duplicateOf }) { throw .alreadyMerged(from.number) }
        if from.links.contains(where: { $0.ticketID == target && $0.kind != .related }) {
            throw .alreadyLinked(from.number, into.number)
        }
        let comments = try await storage { try await store.comments(on: source) }
        let now = clock.now()

        var sourceEdit = TicketEdit(from, by: performer, at: now)
        sourceEdit.move(to: workflow.mergedStatus, workflow: workflow)
        sourceEdit.ticket.postponedUntil = nil
        sourceEdit.ticket.links = (from.links.filter { $0.ticketID != target } + [TicketLink(.duplicateOf, to: target)])
            .sorted()
        let merged = DomainEvent.ticketsMerged(
            source: source, sourceNumber: from.number, target: target, targetNumber: into.number)
        sourceEdit.events.append(merged)

        var targetEdit = TicketEdit(into, by: performer, at: now)
        targetEdit.ticket.links =
            (into.links.filter { $0.ticketID != source } + [TicketLink(.duplicatedBy, to: source)]).sorted()
        // Watchers who have left stay on the source but are not carried over.
        var carried: [EmployeeID] = []
        for watcher in from.watcherIDs where !into.watcherIDs.contains(watcher) {
            if try await storage({ try await store.employee(watcher) })?.isActive == true { carried.append(watcher) }
        }
        targetEdit.ticket.watcherIDs = (into.watcherIDs + carried).sorted()
        targetEdit.ticket.attachments += from.attachments.filter { !into.attachments.contains($0) }
        targetEdit.events.append(merged)
        for comment in comments {
            targetEdit.comments.append(
                Comment(
                    id: nextID(), ticketID: target, author: comment.author, body: comment.body,
                    visibility: comment.visibility, attachments: comment.attachments, createdAt: comment.createdAt,
                    mergedFrom: source))
        }

        try await record(&sourceEdit, into: &context.work)
        return try await record(&targetEdit, into: &context.work)
    }

    /// Loads two distinct tickets the performer may edit, neither of them closed.
    private func editablePair(_ first: TicketID, _ second: TicketID, in context: CommandContext)
        async throws(HelpDeskError) -> (Ticket, Ticket)
    {
        let one = try await loadTicket(first)
        let two = try await loadTicket(second)
        try authorize(context.principal, .editTicket, on: one)
        try authorize(context.principal, .editTicket, on: two)
        guard first != second else { throw .selfReference(one.number) }
        try ensureUnlocked(one)
        try ensureUnlocked(two)
        return (one, two)
    }

    /// Checks that `child` may get `parent` as its parent.
    private func ensureCanAdopt(child: Ticket, parent: Ticket) async throws(HelpDeskError) {
        if child.links.contains(where: { $0.kind == .parent }) { throw .alreadyHasParent(child.number) }
        var ancestor: Ticket? = parent
        var seen: Set<TicketID> = []
        while let current = ancestor, seen.insert(current.id).inserted {
            if current.id == child.id { throw .linkCycle(child.number, parent.number) }
            guard let up = current.links.first(where: { $0.kind == .parent })?.ticketID else { break }
            ancestor = try await storage { try await store.ticket(up) }
        }
    }
}
