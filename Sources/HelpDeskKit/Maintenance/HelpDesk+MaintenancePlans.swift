import Foundation
import WorkingTime

/// The commands on maintenance plans: each needs ``AccessAction/planWork`` for the plan's company,
/// records a trail entry on ``TrailSubject/maintenancePlan(_:)`` with its `recordChanged` event,
/// and takes an idempotency key.
extension HelpDesk {
    /// Creates an active maintenance plan; its first occurrence is DTSTART.
    public func createMaintenancePlan(
        _ request: MaintenancePlanRequest, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> MaintenancePlan {
        try MaintenanceValidation.shape(request, configuration: configuration)
        _ = try feature((any MaintenanceRepository).self)
        return try await perform(
            by: performer, command: "createMaintenancePlan", key: idempotencyKey, inputs: [request]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.planWork, companyID: request.companyID))
            try await validateMaintenanceReferences(request)
            let plan = MaintenancePlan(
                id: nextID(), name: request.name, companyID: request.companyID, contractID: request.contractID,
                template: request.template, schedule: request.schedule, createdAt: clock.now()
            ).applying(request)
            context.work.maintenance.plans.append(MaintenancePlanWrite(plan: plan, expectedRevision: nil))
            try await recordTrail(
                .created, of: .maintenancePlan(plan.id), company: plan.companyID, from: nil, to: plan, by: performer,
                into: &context.work)
            return plan
        }
    }

    /// Replaces a plan's fields (its company stays). Occurrences already recorded keep their
    /// outcome; the new rule and policies apply to the dates after the last recorded one.
    public func updateMaintenancePlan(
        _ id: MaintenancePlanID, _ request: MaintenancePlanRequest, expectedRevision: Int, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> MaintenancePlan {
        try MaintenanceValidation.shape(request, configuration: configuration)
        return try await changeMaintenancePlan(
            id, by: performer, command: "updateMaintenancePlan", key: idempotencyKey,
            inputs: [id, request, expectedRevision]
        ) { plan, _, _ throws(HelpDeskError) in
            guard plan.revision == expectedRevision else {
                throw .maintenancePlanChanged(id, revision: plan.revision)
            }
            guard request.companyID == plan.companyID else {
                throw .invalidInput(field: "companyID", problem: .malformed(expected: "the plan's company"))
            }
            try await validateMaintenanceReferences(request, linked: plan.assetIDs)
            plan = plan.applying(request)
            return .updated
        }
    }

    /// Pauses a plan: ticks generate nothing for it until it is resumed. Pausing a paused plan changes nothing.
    public func pauseMaintenancePlan(
        _ id: MaintenancePlanID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> MaintenancePlan {
        try await changeMaintenancePlan(
            id, by: performer, command: "pauseMaintenancePlan", key: idempotencyKey, inputs: [id]
        ) { plan, _, _ throws(HelpDeskError) in
            plan.status = .paused
            return .statusChanged
        }
    }

    /// Resumes a paused plan. The occurrences missed meanwhile follow its catch-up policy: with
    /// `all` the next tick generates them, with `latest` all but the latest are recorded as
    /// ``MaintenanceOutcome/skippedWhilePaused``, with `none` all of them (at most
    /// ``maximumResumeRecords`` here; the tick skips any beyond by catch-up).
    public func resumeMaintenancePlan(
        _ id: MaintenancePlanID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> MaintenancePlan {
        try await changeMaintenancePlan(
            id, by: performer, command: "resumeMaintenancePlan", key: idempotencyKey, inputs: [id]
        ) { plan, work, now throws(HelpDeskError) in
            guard plan.status == .paused else { return .statusChanged }
            plan.status = .active
            work.maintenance.occurrences += try await missedWhilePaused(plan, at: now)
            return .statusChanged
        }
    }

    /// Ends a plan: no occurrence on or after `date` (today in the plan's zone when `nil`) is
    /// generated; the ones before it still are. An ended plan cannot change any more.
    public func endMaintenancePlan(
        _ id: MaintenancePlanID, from date: LocalDate? = nil, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> MaintenancePlan {
        if let date { try MaintenanceValidation.date(date, field: "from") }
        return try await changeMaintenancePlan(
            id, by: performer, command: "endMaintenancePlan", key: idempotencyKey, inputs: [id, date]
        ) { plan, _, now throws(HelpDeskError) in
            plan.status = .ended
            if let date { plan.endsOn = date } else { plan.endsOn = try today(in: plan.schedule.timeZone, at: now) }
            return .statusChanged
        }
    }

    /// How many skipped occurrences resuming records at most.
    public static let maximumResumeRecords = 1_000

    /// Loads plan `id`, checks the performer may plan its company's work and that it has not
    /// ended, lets `change` edit it, and stores it with its trail entry (nothing when unchanged).
    private func changeMaintenancePlan(
        _ id: MaintenancePlanID, by performer: Performer, command: String, key: IdempotencyKey?,
        inputs: @autoclosure () -> [any Encodable],
        _ change: (inout MaintenancePlan, inout UnitOfWork, Date) async throws(HelpDeskError) -> TrailAction
    ) async throws(HelpDeskError) -> MaintenancePlan {
        let plans = try feature((any MaintenanceRepository).self)
        return try await perform(by: performer, command: command, key: key, inputs: inputs()) {
            context throws(HelpDeskError) in
            guard let stored = try await storage({ try await plans.maintenancePlan(id) }) else {
                throw .maintenancePlanNotFound(id)
            }
            try authorize(context.principal, AccessRequest(.planWork, companyID: stored.companyID))
            guard stored.status != .ended else { throw .maintenancePlanEnded(id) }
            var plan = stored
            let now = clock.now()
            let action = try await change(&plan, &context.work, now)
            guard plan != stored || !context.work.maintenance.occurrences.isEmpty else { return stored }
            plan.revision = stored.revision + 1
            plan.updatedAt = now
            context.work.maintenance.plans.append(MaintenancePlanWrite(plan: plan, expectedRevision: stored.revision))
            try await recordTrail(
                action, of: .maintenancePlan(id), company: plan.companyID, from: stored, to: plan, by: performer,
                into: &context.work)
            return plan
        }
    }

    /// The records resuming `plan` writes: its due occurrences up to the first one the catch-up
    /// policy leaves for the tick to generate.
    private func missedWhilePaused(_ plan: MaintenancePlan, at now: Date) async throws(HelpDeskError)
        -> [MaintenanceOccurrence]
    {
        let plans = try feature((any MaintenanceRepository).self)
        let today = try today(in: plan.schedule.timeZone, at: now)
        let cursor = try await storage { try await plans.latestMaintenanceOccurrences(of: plan.id) }.latest?.date
        let planner = MaintenancePlanner(plan: plan, calendar: try await maintenanceCalendar(of: plan))
        let (due, truncated) = planner.due(after: cursor, today: today)
        let decisions = MaintenancePlanner.decisions(due, today: today, catchUp: plan.catchUp, truncated: truncated)
        var records: [MaintenanceOccurrence] = []
        for (step, decision) in zip(due, decisions) {
            guard case .skip(let outcome) = decision, records.count < Self.maximumResumeRecords else { break }
            records.append(
                MaintenanceOccurrence(
                    planID: plan.id, date: step.date, scheduledDate: step.scheduled ?? step.date,
                    outcome: outcome == .skippedByCatchUp ? .skippedWhilePaused : outcome, at: now))
        }
        return records
    }

    /// Checks that the request's company, contract, location and assets exist and belong together,
    /// and that its template's category, group and assignee exist (as ``createTicket(_:by:idempotencyKey:)`` checks them).
    /// Assets in `linked` (the plan's own) may have been retired since.
    func validateMaintenanceReferences(_ request: MaintenancePlanRequest, linked: [AssetID] = [])
        async throws(HelpDeskError)
    {
        var links = ClientLinks(
            companyID: request.companyID, locationID: request.locationID, contractID: request.contractID,
            assetIDs: request.assetIDs, ccContactIDs: [])
        try await check(&links, alreadyLinked: linked)
        if let category = request.template.categoryID,
            try await storage({ try await store.category(category) }) == nil
        {
            throw .categoryNotFound(category)
        }
        try await validateAssignment(assignee: request.template.assigneeID, group: request.template.groupID)
    }

    /// The date on `zone`'s wall clock at `now`.
    func today(in zone: TimeZone, at now: Date) throws(HelpDeskError) -> LocalDate {
        do { return try LocalDate(now, in: zone) } catch {
            throw .invalidInput(field: "now", problem: .malformed(expected: "a supported instant"))
        }
    }

    /// The working calendar of `plan`'s calendar policy (see ``MaintenancePlan``), on the plan
    /// zone's wall clock.
    func maintenanceCalendar(of plan: MaintenancePlan) async throws(HelpDeskError) -> BusinessCalendar {
        let zone = plan.schedule.timeZone
        if let id = plan.locationID, let own = try await loadLocation(id).calendar { return own.inTimeZone(zone) }
        let contract = try await storage { try await contractStore.contract(plan.contractID) }
        var policyID = contract?.slaPolicyID
        if policyID == nil {
            policyID = try await storage { try await companyStore.company(plan.companyID) }?.slaPolicyID
        }
        if let policy = (policyID ?? configuration.sla.defaultPolicyID).flatMap(configuration.sla.policy) {
            return zonedCalendars.calendar(policy, in: zone)
        }
        return MaintenancePlanner.weekdays(in: zone)
    }
}
