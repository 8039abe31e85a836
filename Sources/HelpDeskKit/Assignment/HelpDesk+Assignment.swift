import Foundation

extension HelpDesk {
    /// Gives the ticket to the member of `group` that `strategy` chooses now and moves the group's
    /// round-robin cursor in the same unit of work. When nobody is eligible (all inactive, off
    /// shift or at capacity) the ticket joins the group unassigned, its backlog.
    public func autoAssign(
        _ id: TicketID, in group: GroupID, strategy: AssignmentStrategy, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Ticket {
        try Validate.strategy(strategy)
        return try await perform(
            by: performer, editing: [id], command: "autoAssign", key: idempotencyKey, inputs: [id, group, strategy]
        ) { context throws(HelpDeskError) in
            let ticket = try await loadTicket(id)
            try authorize(context.principal, .editTicket, on: ticket)
            try ensureUnlocked(ticket)
            // This engine's assignments in one group take turns; other engines are caught by the
            // cursor's revision.
            await holdLanes([Self.assignmentLane(group)], in: &context)
            let assignee = try await chooseAssignee(
                in: group, strategy: strategy, at: clock.now(), releasing: ticket, into: &context.work)
            return try await edit(id, in: &context, for: .editTicket) { edit throws(HelpDeskError) in
                Self.give(&edit, to: assignee, in: group)
            }
        }
    }

    /// Assigns up to `limit` (1…1000) unassigned active tickets of `group`, oldest first, with
    /// `strategy`, while anyone eligible has capacity; returns the tickets assigned, in that order.
    /// Tickets the performer may not edit stay in the backlog. All of it commits as one unit.
    public func drainBacklog(
        of group: GroupID, strategy: AssignmentStrategy, limit: Int = 100, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> [Ticket] {
        try Validate.strategy(strategy)
        try Validate.range(limit, 1...TicketQuery.maximumLimit, field: "limit")
        // Read before the pipeline to know which tickets to lock; each is checked again inside.
        let backlog = try await storage {
            try await store.tickets(matching: Self.backlogQuery(of: group, limit: limit), workflow: workflow).tickets
        }.map(\.id)
        return try await perform(
            by: performer, editing: backlog, command: "drainBacklog", key: idempotencyKey,
            inputs: [group, strategy, limit]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.editTicket))
            guard try await storage({ try await store.group(group) }) != nil else { throw .groupNotFound(group) }
            await holdLanes([Self.assignmentLane(group)], in: &context)
            let principal = context.principal
            return try await assign(
                backlog, of: group, strategy: strategy, at: clock.now(), in: &context,
                taking: { ticket in (try? authorize(principal, .editTicket, on: ticket)) != nil },
                give: { ticket, assignee, context throws(HelpDeskError) in
                    try await edit(ticket.id, in: &context, for: .editTicket) { edit throws(HelpDeskError) in
                        Self.give(&edit, to: assignee, in: group)
                    }
                })
        }
    }

    /// Gives the tickets `backlog` of `group`, in order, to the members `strategy` chooses at
    /// `instant`, until nobody is eligible; returns them as they will be stored. A ticket refused by
    /// `claim` (before it is read), no longer waiting in the group, or refused by `taking`, is
    /// passed over without a turn.
    ///
    /// The loads and caps are the stored ones with the changes `context`'s unit makes (a ticket it
    /// resolves no longer counts, a cap it sets holds) and each assignment made on the way; the
    /// group's cursor is written once.
    func assign(
        _ backlog: [TicketID], of group: GroupID, strategy: AssignmentStrategy, at instant: Date,
        in context: inout CommandContext, claim: (TicketID, inout CommandContext) -> Bool = { _, _ in true },
        taking: (Ticket) -> Bool = { _ in true },
        give: (Ticket, EmployeeID, inout CommandContext) async throws(HelpDeskError) -> Ticket
    ) async throws(HelpDeskError) -> [Ticket] {
        // Loads by priority only when they weigh: one count per member otherwise.
        let weighted = strategy.kind == .leastLoaded(weightedByPriority: true)
        var candidates = try await assignmentCandidates(in: group, at: instant, countingByPriority: weighted)
        Self.count(context.work.notes.openLoad, into: &candidates, byPriority: weighted)
        for capacity in context.work.employeeCapacities {
            if let index = candidates.firstIndex(where: { $0.employeeID == capacity.employeeID }) {
                candidates[index].capacity = capacity.maximum
            }
        }
        var cursor = try await roundRobinCursor(of: group, in: context.work)
        var assigned: [Ticket] = []
        for id in backlog where claim(id, &context) {
            let ticket = try await loadTicket(id)
            let stillWaiting = ticket.assigneeID == nil && ticket.groupID == group
                && workflow.category(of: ticket.status)?.isActive == true
            guard stillWaiting, taking(ticket) else { continue }
            let decision = strategy.choose(among: candidates, after: cursor.current?.lastAssigneeID)
            guard let assignee = decision.assigneeID else { break }
            cursor.move(to: assignee, in: group)
            let stored = try await give(ticket, assignee, &context)
            // As stored: a rule may have moved it on.
            if let holder = stored.assigneeID, workflow.category(of: stored.status)?.isActive == true,
                let index = candidates.firstIndex(where: { $0.employeeID == holder })
            {
                candidates[index].openTickets[weighted ? stored.priority : .normal, default: 0] += 1
            }
            assigned.append(stored)
        }
        if let moved = cursor.current, moved != cursor.stored {
            context.work.write(moved, expectedRevision: cursor.expectedRevision)
        }
        return assigned
    }

    /// Adds a unit's open-load changes to the candidates' loads (never below zero); without
    /// `byPriority` every change counts under `.normal`, as the loads were counted.
    static func count(
        _ changes: [EmployeeID: [Priority: Int]], into candidates: inout [AssignmentCandidate], byPriority: Bool
    ) {
        guard !changes.isEmpty else { return }
        for index in candidates.indices {
            guard let own = changes[candidates[index].employeeID] else { continue }
            let total = own.values.reduce(0) { $0.addingReportingOverflow($1).partialValue }
            let folded = byPriority ? own : [.normal: total]
            for (priority, change) in folded {
                let (sum, overflow) = (candidates[index].openTickets[priority] ?? 0).addingReportingOverflow(change)
                candidates[index].openTickets[priority] = overflow ? .max : max(0, sum)
            }
        }
    }

    /// The open-ticket load of every member of `group` now, by priority, with their active and
    /// on-shift flags and own cap, in the group's round-robin order (by identifier).
    public func assignmentLoad(of group: GroupID, as viewer: Performer) async throws(HelpDeskError)
        -> [AssignmentCandidate]
    {
        _ = try await authorize(viewer, .readReports)
        guard try await storage({ try await store.group(group) }) != nil else { throw .groupNotFound(group) }
        return try await assignmentCandidates(in: group, at: clock.now(), countingByPriority: true)
    }

    /// Chooses the member of `group` that `strategy` gives the next ticket at `instant` and adds
    /// the group's moved round-robin cursor to `work` (replacing a write already there, so several
    /// choices in one unit rotate); returns `nil`, and writes nothing, when nobody is eligible.
    ///
    /// `releasing` is a ticket being (re)assigned: it no longer counts in its current assignee's
    /// load. The caller holds ``assignmentLane(_:)`` on this engine when it can; another engine's
    /// assignment in the same group makes the commit conflict on the cursor's revision.
    func chooseAssignee(
        in group: GroupID, strategy: AssignmentStrategy, at instant: Date, releasing ticket: Ticket? = nil,
        into work: inout UnitOfWork
    ) async throws(HelpDeskError) -> EmployeeID? {
        try Validate.strategy(strategy)
        guard try await storage({ try await store.group(group) }) != nil else { throw .groupNotFound(group) }
        let weighted = if case .leastLoaded(true) = strategy.kind { true } else { false }
        var candidates = try await assignmentCandidates(in: group, at: instant, countingByPriority: weighted)
        if let ticket, let holder = ticket.assigneeID, workflow.category(of: ticket.status)?.isActive == true,
            let index = candidates.firstIndex(where: { $0.employeeID == holder })
        {
            let priority = weighted ? ticket.priority : .normal
            candidates[index].openTickets[priority] = max(0, (candidates[index].openTickets[priority] ?? 0) - 1)
        }
        var cursor = try await roundRobinCursor(of: group, in: work)
        let decision = strategy.choose(among: candidates, after: cursor.current?.lastAssigneeID)
        guard let assignee = decision.assigneeID else { return nil }
        cursor.move(to: assignee, in: group)
        if let moved = cursor.current { work.write(moved, expectedRevision: cursor.expectedRevision) }
        return assignee
    }

    /// The lane this engine's assignments in `group` take turns in.
    static func assignmentLane(_ group: GroupID) -> String { "assignment/\(group)" }

    /// Sets the edited ticket's assignee and group, announcing the change.
    static func give(_ edit: inout TicketEdit, to assignee: EmployeeID?, in group: GroupID) {
        guard edit.ticket.assigneeID != assignee || edit.ticket.groupID != group else { return }
        edit.ticket.assigneeID = assignee
        edit.ticket.groupID = group
        edit.events.append(
            .ticketAssigned(ticket: edit.ticket.id, number: edit.ticket.number, assignee: assignee, group: group))
    }

    /// The unassigned active tickets of `group`, oldest first.
    static func backlogQuery(of group: GroupID, limit: Int) -> TicketQuery {
        TicketQuery(
            statusCategories: Self.openCategories, assigneeIDs: [nil], groupIDs: [group],
            sort: [TicketSort(.createdAt, .ascending)], limit: limit)
    }

    /// The status categories whose tickets count as open load: new, open and waiting.
    static let openCategories = Set(StatusCategory.allCases.filter(\.isActive))
}

/// A group's cursor as a command sees it: as stored (with its revision) and as moved so far.
struct CursorState {
    /// The stored cursor, or `nil` before the group's first automatic assignment.
    let stored: RoundRobinCursor?
    /// The revision a write must be based on.
    let expectedRevision: Int?
    /// The cursor after the command's choices so far.
    var current: RoundRobinCursor?

    /// Names `assignee` as the last one assigned.
    mutating func move(to assignee: EmployeeID, in group: GroupID) {
        current = RoundRobinCursor(groupID: group, lastAssigneeID: assignee, revision: (expectedRevision ?? 0) + 1)
    }
}

extension HelpDesk {
    /// The cursor of `group`: the one `work` already writes, or the stored one.
    func roundRobinCursor(of group: GroupID, in work: UnitOfWork) async throws(HelpDeskError) -> CursorState {
        if let pending = work.roundRobinCursorWrites.first(where: { $0.cursor.groupID == group }) {
            return CursorState(stored: nil, expectedRevision: pending.expectedRevision, current: pending.cursor)
        }
        let stored = try await assignments { try await $0.roundRobinCursor(of: group) }
        return CursorState(stored: stored, expectedRevision: stored?.revision, current: stored)
    }

    /// Every member of `group` as the strategies see them at `instant`: active flag, shift, own cap
    /// and open tickets (by priority with `countingByPriority`, else all counted as `.normal`), by
    /// identifier.
    func assignmentCandidates(in group: GroupID, at instant: Date, countingByPriority: Bool)
        async throws(HelpDeskError) -> [AssignmentCandidate]
    {
        let members = try await storage { try await store.employees() }.filter { $0.groupIDs.contains(group) }
            .sorted { $0.id < $1.id }
        var candidates: [AssignmentCandidate] = []
        for member in members {
            let schedule = try await assignments { try await $0.employeeSchedule(of: member.id) }
            let capacity = try await assignments { try await $0.employeeCapacity(of: member.id) }
            candidates.append(
                AssignmentCandidate(
                    employeeID: member.id, isActive: member.isActive,
                    isOnShift: schedule?.isOnShift(at: instant) ?? true,
                    openTickets: try await openTickets(of: member.id, byPriority: countingByPriority),
                    capacity: capacity?.maximum))
        }
        return candidates
    }

    /// The active tickets assigned to `employee`, by priority (or all under `.normal`).
    private func openTickets(of employee: EmployeeID, byPriority: Bool) async throws(HelpDeskError) -> [Priority: Int] {
        var query = TicketQuery(
            statusCategories: Self.openCategories, assigneeIDs: [employee], sort: [TicketSort(.number)], limit: 1)
        guard byPriority else {
            let total = try await storage { try await store.tickets(matching: query, workflow: workflow) }.totalCount
            return total == 0 ? [:] : [.normal: total]
        }
        var counts: [Priority: Int] = [:]
        for priority in Priority.allCases {
            query.priorities = [priority]
            let count = try await storage { try await store.tickets(matching: query, workflow: workflow) }.totalCount
            if count > 0 { counts[priority] = count }
        }
        return counts
    }
}

extension Validate {
    /// A strategy's capacity, when it has one, lies in 0…``AssignmentStrategy/maximumCapacity``.
    static func strategy(_ strategy: AssignmentStrategy) throws(HelpDeskError) {
        if let capacity = strategy.capacity {
            try range(capacity, 0...AssignmentStrategy.maximumCapacity, field: "capacity")
        }
    }

    /// Rejects `value` outside `range`.
    static func range(_ value: Int, _ range: ClosedRange<Int>, field: String) throws(HelpDeskError) {
        guard range.contains(value) else { throw .invalidInput(field: field, problem: .outOfRange(range)) }
    }
}
