import Foundation
import WorkingTime

extension HelpDesk {
    /// Logs time spent on a ticket by `request.employeeID`, or by the performer when it names
    /// nobody. The employee must be active; the ticket must not be closed (resolved tickets still
    /// accept time). Charged minutes are the spent minutes rounded up to the step in force for the
    /// ticket. Audited (`timeEntries`, performed by `performer`) and announced (`timeLogged`).
    public func logTime(
        on ticketID: TicketID, _ request: NewTimeEntry, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> TimeEntry
    {
        try await perform(
            by: performer, editing: [ticketID],
            command: "logTime", key: idempotencyKey, inputs: [ticketID, request]
        ) { context throws(HelpDeskError) in
            try Validate.workDate(request.workDate, field: "workDate")
            try validateLabor(
                workDate: request.workDate, minutes: request.minutes, activity: request.activity,
                comment: request.comment)
            let ticket = try await loadTicket(ticketID)
            try authorize(context.principal, .logTime, on: ticket)
            try ensureUnlocked(ticket)
            let employee = try await worker(of: request, by: performer, into: &context.work)
            try authorizeLabor(of: employee, on: ticket, by: context.principal)
            let now = clock.now()
            let entry = TimeEntry(
                id: nextID(), ticketID: ticket.id, employeeID: employee, workDate: request.workDate,
                spentMinutes: request.minutes,
                chargedMinutes: LaborRounding.charged(
                    spentMinutes: request.minutes, step: try await roundingStep(for: ticket)),
                billable: request.billable, activity: request.activity, comment: request.comment, createdAt: now)
            context.work.timeEntryWrites.append(TimeEntryWrite(entry: entry, expectedRevision: nil))
            try await recordLabor(
                on: ticket, old: nil, new: entry, by: performer, at: now,
                event: .timeLogged(
                    ticket: ticket.id, number: ticket.number, entry: entry.id, employee: employee,
                    minutes: entry.spentMinutes),
                in: &context)
            return entry
        }
    }

    /// Changes the fields of a time entry that `update` sets; the performer must be allowed to log
    /// time on the ticket, and not on closed tickets. New minutes are rounded with the step in force now; other fields keep
    /// the charged minutes. An edit that changes nothing commits nothing.
    public func editTimeEntry(
        _ id: TimeEntryID, _ update: TimeEntryUpdate, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> TimeEntry
    {
        try await perform(
            by: performer,
            command: "editTimeEntry", key: idempotencyKey, inputs: [id, update]
        ) { context throws(HelpDeskError) in
            let old = try await loadTimeEntry(id)
            var entry = old
            if let workDate = update.workDate {
                try Validate.workDate(workDate, field: "workDate")
                entry.workDate = workDate
            }
            if let activity = update.activity { entry.activity = activity }
            if let billable = update.billable { entry.billable = billable }
            if let comment = update.comment { entry.comment = comment }
            if let minutes = update.minutes { entry.spentMinutes = minutes }
            try validateLabor(
                workDate: entry.workDate, minutes: entry.spentMinutes, activity: entry.activity, comment: entry.comment)
            let ticket = try await loadTicket(old.ticketID)
            try authorize(context.principal, .logTime, on: ticket)
            try authorizeLabor(of: old.employeeID, on: ticket, by: context.principal)
            try ensureUnlocked(ticket)
            if update.minutes != nil, entry.spentMinutes != old.spentMinutes {
                entry.chargedMinutes = LaborRounding.charged(
                    spentMinutes: entry.spentMinutes, step: try await roundingStep(for: ticket))
            }
            guard entry != old else { return old }
            let now = clock.now()
            entry.updatedAt = max(now, old.updatedAt)
            entry.revision = old.revision + 1
            context.work.timeEntryWrites.append(TimeEntryWrite(entry: entry, expectedRevision: old.revision))
            try await recordLabor(
                on: ticket, old: old, new: entry, by: performer, at: now,
                event: .timeEntryEdited(ticket: ticket.id, number: ticket.number, entry: id), in: &context)
            return entry
        }
    }

    /// Deletes a time entry; the performer must be allowed to log time on the ticket, and not on closed tickets.
    /// Audited with the entry's last summary as the old value and announced (`timeEntryDeleted`).
    public func deleteTimeEntry(_ id: TimeEntryID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError)
    {
        let _: Done = try await perform(
            by: performer,
            command: "deleteTimeEntry", key: idempotencyKey, inputs: [id]
        ) { context throws(HelpDeskError) in
            let old = try await loadTimeEntry(id)
            let ticket = try await loadTicket(old.ticketID)
            try authorize(context.principal, .logTime, on: ticket)
            try authorizeLabor(of: old.employeeID, on: ticket, by: context.principal)
            try ensureUnlocked(ticket)
            context.work.timeEntryDeletions.append(TimeEntryDeletion(id: id, expectedRevision: old.revision))
            try await recordLabor(
                on: ticket, old: old, new: nil, by: performer, at: clock.now(),
                event: .timeEntryDeleted(ticket: ticket.id, number: ticket.number, entry: id), in: &context)
            return Done()
        }
    }

    /// The time entry with `id`, or ``HelpDeskError/timeEntryNotFound(_:)``.
    public func timeEntry(_ id: TimeEntryID, as viewer: Performer) async throws(HelpDeskError) -> TimeEntry {
        let entry = try await loadTimeEntry(id)
        try await internalTicket(entry.ticketID, as: viewer)
        return entry
    }

    /// All time entries of a ticket, by work date.
    public func timeEntries(on id: TicketID, as viewer: Performer) async throws(HelpDeskError) -> [TimeEntry] {
        try await internalTicket(id, as: viewer)
        return try await labor { try await $0.timeEntries(on: id) }
    }

    /// Time entries of `employee` with a work date in `dates`, by work date.
    public func timeEntries(of employee: EmployeeID, workedIn dates: ClosedRange<LocalDate>, as viewer: Performer)
        async throws(HelpDeskError) -> [TimeEntry]
    {
        let principal = try await authorize(viewer, .readInternal)
        _ = try await loadEmployee(employee, mustBeActive: false)
        let entries = try await labor { try await $0.timeEntries(of: employee, workedIn: dates) }
        return try await internalRecords(entries, on: \.ticketID, for: principal)
    }

    /// All time entries with a work date in `dates` on tickets whose internals the viewer may read,
    /// by work date (for reports).
    public func timeEntries(workedIn dates: ClosedRange<LocalDate>, as viewer: Performer) async throws(HelpDeskError)
        -> [TimeEntry]
    {
        let principal = try await authorize(viewer, .readInternal)
        let entries = try await labor { try await $0.timeEntries(workedIn: dates) }
        return try await internalRecords(entries, on: \.ticketID, for: principal)
    }

    /// The rounding step for time on `ticket`: the contract's step when contracts arrive, else the desk's.
    ///
    /// The contract's current service period sets the step when it has one.
    func roundingStep(for ticket: Ticket) async throws(HelpDeskError) -> Int {
        var choice = LaborRoundingChoice(deskDefault: configuration.labor.roundingStepMinutes)
        if let contractID = ticket.contractID,
            let contract = try await storage({ try await contractStore.contract(contractID) })
        {
            choice.contract = contract.period(at: clock.now())?.laborRoundingStepMinutes
        }
        return choice.resolved
    }

    /// Today's date in the labor time zone, by the injected clock.
    func laborToday() throws(HelpDeskError) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = configuration.labor.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: clock.now())
        do {
            return try LocalDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
        } catch {
            throw .invalidInput(field: "clock", problem: .malformed(expected: "an instant with a calendar date"))
        }
    }

    private func validateLabor(workDate: LocalDate, minutes: Int, activity: String, comment: String)
        throws(HelpDeskError)
    {
        let bounds = 1...configuration.labor.maximumEntryMinutes
        guard bounds.contains(minutes) else { throw .invalidInput(field: "minutes", problem: .outOfRange(bounds)) }
        guard configuration.labor.activity(activity) != nil else { throw .unknownActivity(activity) }
        try Validate.length(comment, atMost: configuration.maximumTextLength, field: "comment")
        let today = try laborToday()
        if workDate > today { throw .workDateInFuture(workDate, today: today) }
    }

    /// Who did the work `request` logs: its employee (active, re-checked at commit) or the
    /// performer when it names nobody.
    private func worker(of request: NewTimeEntry, by performer: Performer, into work: inout UnitOfWork)
        async throws(HelpDeskError) -> EmployeeID
    {
        if let named = request.employeeID {
            if performer != .employee(named) {
                _ = try await loadEmployee(named)
                work.require(.employeeActive(named))
            }
            return named
        }
        guard case .employee(let id) = performer else { throw .invalidInput(field: "employeeID", problem: .blank) }
        return id
    }

    /// Time of an employee other than the performer also needs ``AccessAction/logTimeForOthers``.
    private func authorizeLabor(of employee: EmployeeID, on ticket: Ticket, by principal: Principal)
        throws(HelpDeskError)
    {
        if principal.performer != .employee(employee) { try authorize(principal, .logTimeForOthers, on: ticket) }
    }

    private func loadTimeEntry(_ id: TimeEntryID) async throws(HelpDeskError) -> TimeEntry {
        guard let entry = try await labor({ try await $0.timeEntry(id) }) else { throw .timeEntryNotFound(id) }
        return entry
    }

    /// Adds the audit entry and the event of a labor change to `work`, and re-allocates the
    /// service-period allowances it touches.
    private func recordLabor(
        on ticket: Ticket, old: TimeEntry?, new: TimeEntry?, by performer: Performer, at instant: Date,
        event: DomainEvent,
        in context: inout CommandContext
    ) async throws(HelpDeskError) {
        context.work.auditEntries.append(
            AuditEntry(
                id: nextID(), ticketID: ticket.id, field: .timeEntries, oldValue: old?.auditSummary,
                newValue: new?.auditSummary, performer: performer, at: instant))
        context.work.events.append(
            PendingEvent(
                id: nextID(), event: event, performer: performer,
                audience: audience(of: event, on: ticket, performer: performer),
                occurredAt: instant))
        try await rebalanceAllowances(for: [LaborChange(old: old, new: new, ticket: ticket)], in: &context)
    }
}
