import Foundation
import WorkingTime

extension HelpDesk {
    /// Moves that level the load of `group`'s calendar over `from ... through`, in the order to apply
    /// them, at most `limit` (1...1000) of them.
    ///
    /// The planner is deterministic (see Workload.md): it takes the most overloaded cell, moves one
    /// of its movable visits within the visit's window (its own day without one) to a free slot of
    /// the same or another active member, only when the move strictly lowers the highest load of
    /// the cells it touches. Fixed visits, visits with several employees, visits of tickets out of
    /// work and visits already started never move; none moves to start before the next quarter hour.
    public func levellingSuggestions(
        for group: GroupID, from: LocalDate, through: LocalDate, limit: Int = 100, as viewer: Performer
    ) async throws(HelpDeskError) -> [LevellingSuggestion] {
        _ = try await authorize(viewer, .planWork)
        try Validate.range(limit, 1...1_000, field: "limit")
        let dates = try Self.workloadDates(from, through)
        let members = try await workloadMembers(of: group)
        let (sheet, visits) = try await workloadSheet(members, dates)
        let earliest = Self.nextQuarterHour(after: clock.now())
        var planned: [PlannedVisit] = []
        for var visit in visits {
            if !visit.isFixed, !visit.isCancelled, visit.start >= earliest,
                try await !ticketIsInWork(visit.ticketID)
            {
                visit.isFixed = true
            }
            planned.append(visit)
        }
        return LevellingPlanner(group: group, dates: sheet.dates, members: sheet.members, earliestStart: earliest)
            .suggestions(for: planned, limit: limit)
    }

    /// The first quarter hour (of UTC, so of every zone's wall clock) strictly after `now`.
    static func nextQuarterHour(after now: Date) -> Date {
        let seconds = now.timeIntervalSinceReferenceDate
        return Date(timeIntervalSinceReferenceDate: ((seconds / 900).rounded(.down) + 1) * 900)
    }

    /// `true` when the ticket exists and is new, open or waiting.
    private func ticketIsInWork(_ id: TicketID) async throws(HelpDeskError) -> Bool {
        guard let ticket = try await storage({ try await store.ticket(id) }) else { return false }
        return workflow.category(of: ticket.status)?.isActive == true
    }

    /// Applies a levelling suggestion: moves the visit to the suggested employee and start, with an
    /// audit entry and a client notice (reason "levelling"), and returns the visit as stored.
    ///
    /// A suggestion that no longer fits — the visit changed since, either employee left the group,
    /// the slot is now taken, outside the window or outside working time, the ticket is out of
    /// work, the visit has started or the new start has passed — is refused with
    /// ``HelpDeskError/Reason/levellingSuggestionStale(_:_:)`` and changes nothing.
    public func applyLevellingSuggestion(
        _ suggestion: LevellingSuggestion, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> PlannedVisit {
        try await perform(
            by: performer, editing: [suggestion.ticketID], command: "applyLevellingSuggestion", key: idempotencyKey,
            inputs: [suggestion]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.planWork))
            try Validate.instant(suggestion.to.start, field: "to.start")
            let id = suggestion.ticketID
            let ticket = try await loadTicket(id)
            try ensureUnlocked(ticket)
            let repository = try feature((any VisitRepository).self)
            let stored = try await storage { try await repository.visit(ofTicket: id) }
            guard let stored, stored.revision == suggestion.baseRevision, stored.start == suggestion.from.start,
                stored.employeeIDs == [suggestion.from.employeeID], stored.durationMinutes == suggestion.durationMinutes
            else { throw .levellingSuggestionStale(id, .visitChanged(revision: stored?.revision ?? 0)) }
            guard !stored.isFixed, !stored.isCancelled else { throw .levellingSuggestionStale(id, .notMovable) }
            if workflow.category(of: ticket.status)?.isActive == false {
                throw .levellingSuggestionStale(id, .ticketNotInWork(ticket.status))
            }
            let now = clock.now()
            guard stored.start > now, suggestion.to.start > now else { throw .levellingSuggestionStale(id, .notAhead) }
            guard try await storage({ try await store.group(suggestion.groupID) }) != nil else {
                throw .groupNotFound(suggestion.groupID)
            }
            for employee in [suggestion.from.employeeID, suggestion.to.employeeID] {
                let record = try await storage { try await store.employee(employee) }
                guard let record, record.isActive, record.groupIDs.contains(suggestion.groupID) else {
                    throw .levellingSuggestionStale(id, .notInGroup(employee))
                }
            }
            // Moves onto one employee take turns on this engine, so two cannot take one slot.
            await holdLanes([Self.visitLane(suggestion.to.employeeID)], in: &context)
            var moved = stored
            moved.start = suggestion.to.start
            moved.employeeIDs = [suggestion.to.employeeID]
            moved.revision = stored.revision + 1
            try await checkLevelledSlot(of: moved, movedFrom: stored)
            recordVisitChange(
                from: stored, to: moved, on: ticket, reason: "levelling", by: performer, at: now,
                into: &context.work)
            // The slot was free when checked; the store refuses the move if another engine took it since.
            if let write = context.work.plannedVisitWrites.indices.last {
                context.work.plannedVisitWrites[write].requiresFreeSlot = true
            }
            return moved
        }
    }

    /// The lane this engine's moves of visits onto `employee` take turns in.
    static func visitLane(_ employee: EmployeeID) -> String { "visits/\(employee)" }

    /// Refuses `moved` unless it lies inside `stored`'s window (its own day on its employee's wall
    /// clock without one), inside its new employee's working time and clear of their other visits.
    private func checkLevelledSlot(of moved: PlannedVisit, movedFrom stored: PlannedVisit) async throws(HelpDeskError) {
        let id = moved.ticketID
        let source = stored.employeeIDs[0]
        let target = moved.employeeIDs[0]
        let calendars = try await workloadCalendars([source, target])
        let sourceZone = (calendars[source] ?? Self.standardWorkloadCalendar).timeZone
        let window: DateInterval
        if let own = stored.window {
            window = own
        } else {
            guard let day = try? LocalDate(stored.start, in: sourceZone), let next = try? day.adding(days: 1) else {
                throw .levellingSuggestionStale(id, .outsideWindow)
            }
            window = DateInterval(
                start: day.instant(at: .midnight, in: sourceZone), end: next.instant(at: .midnight, in: sourceZone))
        }
        guard moved.start >= window.start, moved.end <= window.end else {
            throw .levellingSuggestionStale(id, .outsideWindow)
        }
        let calendar = calendars[target] ?? Self.standardWorkloadCalendar
        let intervals: [DateInterval]
        do {
            intervals = try calendar.workingIntervals(on: LocalDate(moved.start, in: calendar.timeZone))
        } catch {
            throw .levellingSuggestionStale(id, .outsideWorkingTime)
        }
        guard intervals.contains(where: { $0.start <= moved.start && moved.end <= $0.end }) else {
            throw .levellingSuggestionStale(id, .outsideWorkingTime)
        }
        let repository = try feature((any VisitRepository).self)
        let nearby = try await storage {
            try await repository.visits(startingFrom: moved.start.addingTimeInterval(-86_400), before: moved.end)
        }
        let clash = nearby.first {
            $0.ticketID != id && $0.employeeIDs.contains(target) && $0.start < moved.end && moved.start < $0.end
        }
        if let clash { throw .levellingSuggestionStale(id, .slotTaken(by: clash.ticketID)) }
    }
}
