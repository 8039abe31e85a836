import Foundation
import WorkingTime

/// What the trail compares of a plan: every field but its identity, revision and stamps.
extension MaintenancePlan: TrailRecord {
    static let trailFields: [TrailField<MaintenancePlan>] = [
        TrailField("name") { $0.name }, TrailField("contract") { $0.contractID.description },
        TrailField("location") { $0.locationID?.description }, TrailField("assets") { TrailText.ids($0.assetIDs) },
        TrailField("title") { $0.template.title },
        TrailField("description") { TrailText.text($0.template.description) },
        TrailField("category") { $0.template.categoryID?.description },
        TrailField("priority") { $0.template.priority.description },
        TrailField("group") { $0.template.groupID?.description },
        TrailField("assignee") { $0.template.assigneeID?.description },
        TrailField("estimatedMinutes") { "\($0.template.estimatedMinutes)" },
        TrailField("checklist") {
            $0.template.checklist.isEmpty ? nil : $0.template.checklist.joined(separator: " | ")
        },
        TrailField("rule") { $0.schedule.rule.description },
        TrailField("start") { "\($0.schedule.start) \($0.schedule.time)" },
        TrailField("timeZone") { $0.schedule.timeZone.identifier },
        TrailField("exceptionDates") {
            $0.schedule.exceptionDates.isEmpty
                ? nil : $0.schedule.exceptionDates.sorted().map(\.description).joined(separator: ",")
        },
        TrailField("calendarPolicy") { $0.calendarPolicy.rawValue }, TrailField("leadDays") { "\($0.leadDays)" },
        TrailField("generatesAfterCompletion") { "\($0.generatesAfterCompletion)" },
        TrailField("catchUp") { $0.catchUp.rawValue }, TrailField("flexibilityDays") { "\($0.flexibilityDays)" },
        TrailField("status") { $0.status.rawValue }, TrailField("endsOn") { $0.endsOn?.description },
    ]
}

/// The reads of maintenance plans: each needs ``AccessAction/planWork`` for the plan's company.
extension HelpDesk {
    /// The plan `id`.
    public func maintenancePlan(_ id: MaintenancePlanID, as viewer: Performer) async throws(HelpDeskError)
        -> MaintenancePlan
    {
        let principal = try await principal(for: viewer)
        let plan = try await loadMaintenancePlan(id)
        try authorize(principal, AccessRequest(.planWork, companyID: plan.companyID))
        return plan
    }

    /// The plans of `company`, by name.
    public func maintenancePlans(company: CompanyID, as viewer: Performer) async throws(HelpDeskError)
        -> [MaintenancePlan]
    {
        _ = try await authorize(viewer, .planWork, companyID: company)
        let plans = try feature((any MaintenanceRepository).self)
        return try await storage { try await plans.maintenancePlans(of: company) }
    }

    /// What became of the plan's occurrences so far, by rule date.
    public func maintenanceOccurrences(of id: MaintenancePlanID, as viewer: Performer) async throws(HelpDeskError)
        -> [MaintenanceOccurrence]
    {
        let plan = try await maintenancePlan(id, as: viewer)
        let plans = try feature((any MaintenanceRepository).self)
        return try await storage { try await plans.maintenanceOccurrences(of: plan.id) }
    }

    /// The plan's next `count` (1…100) occurrences from today in its zone that are not recorded
    /// yet: rule date, scheduled date after the calendar policy (or skipped), the day its ticket
    /// is opened and the visit's start.
    public func previewMaintenancePlan(_ id: MaintenancePlanID, count: Int, as viewer: Performer)
        async throws(HelpDeskError) -> [MaintenancePreview]
    {
        try MaintenanceValidation.range(count, 1...100, field: "count")
        let plan = try await maintenancePlan(id, as: viewer)
        let plans = try feature((any MaintenanceRepository).self)
        let cursor = try await storage { try await plans.latestMaintenanceOccurrences(of: id) }.latest?.date
        return try await preview(plan, after: cursor, count: count)
    }

    /// The next `count` (1…100) occurrences from today of a plan not saved yet, checked as
    /// ``createMaintenancePlan(_:by:idempotencyKey:)`` checks it.
    public func previewMaintenancePlan(_ request: MaintenancePlanRequest, count: Int, as viewer: Performer)
        async throws(HelpDeskError) -> [MaintenancePreview]
    {
        try MaintenanceValidation.range(count, 1...100, field: "count")
        try MaintenanceValidation.shape(request, configuration: configuration)
        _ = try await authorize(viewer, .planWork, companyID: request.companyID)
        _ = try feature((any MaintenanceRepository).self)
        try await validateMaintenanceReferences(request)
        let plan = MaintenancePlan(
            id: Identifier(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))), name: request.name,
            companyID: request.companyID, contractID: request.contractID, template: request.template,
            schedule: request.schedule, createdAt: clock.now()
        ).applying(request)
        return try await preview(plan, after: nil, count: count)
    }

    private func preview(_ plan: MaintenancePlan, after cursor: LocalDate?, count: Int) async throws(HelpDeskError)
        -> [MaintenancePreview]
    {
        let planner = MaintenancePlanner(plan: plan, calendar: try await maintenanceCalendar(of: plan))
        return planner.preview(
            from: try today(in: plan.schedule.timeZone, at: clock.now()), after: cursor, count: count)
    }

    /// The stored plan `id`, or ``HelpDeskError/Reason/maintenancePlanNotFound(_:)``.
    func loadMaintenancePlan(_ id: MaintenancePlanID) async throws(HelpDeskError) -> MaintenancePlan {
        let plans = try feature((any MaintenanceRepository).self)
        guard let plan = try await storage({ try await plans.maintenancePlan(id) }) else {
            throw .maintenancePlanNotFound(id)
        }
        return plan
    }
}
