import Foundation

extension TicketHook {
    /// Notes how each recorded edit changes its assignee's open tickets, and whose slot it frees, so
    /// the backlog drain before the commit counts loads as they will be stored.
    static let openLoad = TicketHook(
        name: "open-load",
        willCommit: { desk, edit, ticket, work throws(HelpDeskError) in
            desk.noteOpenLoad(from: edit.original, to: ticket, in: &work)
        })
}

extension UnitHook {
    /// Drains the backlogs of the groups where the unit freed a member's slot (or raised a cap, or
    /// turned draining on), in the same unit.
    static let backlogDrain = UnitHook(name: "backlog-drain") { desk, context throws(HelpDeskError) in
        try await desk.drainFreedBacklogs(in: &context)
    }
}

extension TickHook {
    /// Drains the backlogs of the groups that drain on their own and have someone with room now (a
    /// shift started, a member joined), up to ``AssignmentSettings/drainLimit`` tickets per group.
    static let backlogDrain = TickHook(name: "backlog-drain") { desk, now, report throws(HelpDeskError) in
        try await desk.drainBacklogs(at: now, report: &report)
    }
}

extension HelpDesk {
    /// Notes in `work` how the change from `original` to `ticket` moves open load: an open ticket
    /// (status new, open or waiting) counts for its assignee at its priority. An employee who held
    /// the open ticket before and does not now has a slot freed.
    nonisolated func noteOpenLoad(from original: Ticket, to ticket: Ticket, in work: inout UnitOfWork) {
        guard
            original.assigneeID != ticket.assigneeID || original.status != ticket.status
                || original.priority != ticket.priority
        else { return }
        let before = original.assigneeID.flatMap { workflow.category(of: original.status)?.isActive == true ? $0 : nil }
        let after = ticket.assigneeID.flatMap { workflow.category(of: ticket.status)?.isActive == true ? $0 : nil }
        if let before { work.notes.openLoad[before, default: [:]][original.priority, default: 0] -= 1 }
        if let after { work.notes.openLoad[after, default: [:]][ticket.priority, default: 0] += 1 }
        if let before, before != after { work.notes.freedEmployees.insert(before) }
    }

    /// Drains, in `context`'s unit, the backlog of every group that drains on its own and either
    /// had draining turned on or has a member whose slot the unit freed (or whose cap it raised).
    func drainFreedBacklogs(in context: inout CommandContext) async throws(HelpDeskError) {
        let notes = context.work.notes
        context.work.notes.freedEmployees = []
        context.work.notes.drainGroups = []
        guard let repository = try optionalFeature((any AssignmentRepository).self) else { return }
        var groups = notes.drainGroups
        for id in notes.freedEmployees {
            if let employee = try await storage({ try await store.employee(id) }) {
                groups.formUnion(employee.groupIDs)
            }
        }
        let now = clock.now()
        for group in groups.sorted() {
            // The routing this unit sets, or the stored one.
            var routing = context.work.groupRoutings.last { $0.groupID == group }
            if routing == nil { routing = try await storage { try await repository.groupRouting(of: group) } }
            guard let strategy = routing?.routing.drainStrategy else { continue }
            _ = try await drainAutomatically(
                group, strategy: strategy, limit: configuration.assignment.drainLimit, at: now, in: &context)
        }
    }

    /// At a tick: drains each group that drains on its own and has a backlog, as a unit of its own
    /// performed by the system, and reports the tickets assigned.
    func drainBacklogs(at now: Date, report: inout TickReport) async throws(HelpDeskError) {
        guard let repository = try optionalFeature((any AssignmentRepository).self) else { return }
        for record in try await storage({ try await repository.groupRoutings() }) {
            guard let strategy = record.routing.drainStrategy else { continue }
            let waiting = try await storage {
                try await store.tickets(matching: Self.backlogQuery(of: record.groupID, limit: 1), workflow: workflow)
            }
            guard !waiting.tickets.isEmpty else { continue }
            let drained = try await perform(by: .system) { context throws(HelpDeskError) in
                try await drainAutomatically(
                    record.groupID, strategy: strategy, limit: configuration.assignment.drainLimit, at: now,
                    in: &context)
            }
            report.drainedTickets += drained.map(\.number)
        }
    }

    /// Assigns up to `limit` of `group`'s oldest waiting tickets with `strategy` in `context`'s unit,
    /// as the system, holding the group's lane. Tickets the unit already writes, or that another
    /// command of this engine is editing, are left for later. Each assignment is audited with an
    /// ``AuditField/automation`` entry and announced (`ticketAssigned`).
    func drainAutomatically(
        _ group: GroupID, strategy: AssignmentStrategy, limit: Int, at instant: Date,
        in context: inout CommandContext
    ) async throws(HelpDeskError) -> [Ticket] {
        guard let found = try await storage({ try await store.group(group) }) else { return [] }
        await holdLanes([Self.assignmentLane(group)], in: &context)
        let backlog = try await storage {
            try await store.tickets(matching: Self.backlogQuery(of: group, limit: limit), workflow: workflow).tickets
        }
        guard !backlog.isEmpty else { return [] }
        let note = "backlog drain of group «\(found.name)»"
        return try await assign(
            backlog.map(\.id), of: group, strategy: strategy, at: instant, in: &context,
            claim: { id, context in
                // Locked only when its turn comes, and never waited for.
                guard !context.work.writesTicket(id), ticketLocks.tryAcquire(id) else { return false }
                context.extraTickets.append(id)
                return true
            },
            give: { ticket, assignee, context throws(HelpDeskError) in
                var edit = TicketEdit(ticket, by: .system, at: instant)
                Self.give(&edit, to: assignee, in: group)
                let stored = try await record(&edit, into: &context.work)
                context.work.auditEntries.append(
                    AuditEntry(
                        id: nextID(), ticketID: ticket.id, field: .automation, oldValue: nil, newValue: note,
                        performer: .system, at: instant))
                return stored
            })
    }
}
