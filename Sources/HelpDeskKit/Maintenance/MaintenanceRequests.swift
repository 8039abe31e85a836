import Foundation
import Recurrence
import WorkingTime

/// What a maintenance plan is made of, for ``HelpDesk/createMaintenancePlan(_:by:idempotencyKey:)``,
/// ``HelpDesk/updateMaintenancePlan(_:_:expectedRevision:by:idempotencyKey:)`` and the previews.
public struct MaintenancePlanRequest: Hashable, Sendable, Codable {
    /// The plan's name (1–200 characters).
    public var name: String
    /// The client company (cannot change once the plan exists).
    public var companyID: CompanyID
    /// The contract, of the company.
    public var contractID: ContractID
    /// The site, if any, of the company.
    public var locationID: LocationID?
    /// The equipment, of the company, in service (at most 100).
    public var assetIDs: [AssetID]
    /// The ticket each occurrence opens.
    public var template: MaintenanceTemplate
    /// The recurrence.
    public var schedule: RecurrenceSchedule
    /// What happens on days off.
    public var calendarPolicy: MaintenanceCalendarPolicy
    /// Open the ticket this many days early, `0 ... 366`.
    public var leadDays: Int
    /// Open the next ticket only once the previous one is done.
    public var generatesAfterCompletion: Bool
    /// What happens to missed occurrences.
    public var catchUp: MaintenanceCatchUp
    /// How far levelling may move the visit either side, in days, `0 ... 30`.
    public var flexibilityDays: Int

    /// Describes a plan.
    public init(
        name: String, companyID: CompanyID, contractID: ContractID, locationID: LocationID? = nil,
        assetIDs: [AssetID] = [], template: MaintenanceTemplate, schedule: RecurrenceSchedule,
        calendarPolicy: MaintenanceCalendarPolicy = .keep, leadDays: Int = 0, generatesAfterCompletion: Bool = false,
        catchUp: MaintenanceCatchUp = .all, flexibilityDays: Int = 0
    ) {
        self.name = name
        self.companyID = companyID
        self.contractID = contractID
        self.locationID = locationID
        self.assetIDs = assetIDs
        self.template = template
        self.schedule = schedule
        self.calendarPolicy = calendarPolicy
        self.leadDays = leadDays
        self.generatesAfterCompletion = generatesAfterCompletion
        self.catchUp = catchUp
        self.flexibilityDays = flexibilityDays
    }
}

extension MaintenancePlan {
    /// The longest plan name.
    public static let maximumNameLength = 200
    /// The most checklist items, assets and excluded dates a plan holds.
    public static let maximumItems = 100
    /// The longest checklist item.
    public static let maximumChecklistItemLength = 500
    /// The years a plan's dates may lie in (every instant stays in the supported range).
    public static let supportedYears = 1901...2398

    /// The plan's fields as `request` sets them (identity, status, end and stamps kept).
    func applying(_ request: MaintenancePlanRequest) -> MaintenancePlan {
        var plan = self
        plan.name = request.name
        plan.contractID = request.contractID
        plan.locationID = request.locationID
        plan.assetIDs = Array(Set(request.assetIDs)).sorted()
        plan.template = request.template
        plan.schedule = request.schedule
        plan.calendarPolicy = request.calendarPolicy
        plan.leadDays = request.leadDays
        plan.generatesAfterCompletion = request.generatesAfterCompletion
        plan.catchUp = request.catchUp
        plan.flexibilityDays = request.flexibilityDays
        return plan
    }
}

extension HelpDeskError {
    /// ``Reason/maintenancePlanNotFound(_:)``.
    public static func maintenancePlanNotFound(_ id: MaintenancePlanID) -> HelpDeskError {
        HelpDeskError(.maintenancePlanNotFound(id))
    }

    /// ``Reason/maintenancePlanChanged(_:revision:)``.
    public static func maintenancePlanChanged(_ id: MaintenancePlanID, revision: Int) -> HelpDeskError {
        HelpDeskError(.maintenancePlanChanged(id, revision: revision))
    }

    /// ``Reason/maintenancePlanEnded(_:)``.
    public static func maintenancePlanEnded(_ id: MaintenancePlanID) -> HelpDeskError {
        HelpDeskError(.maintenancePlanEnded(id))
    }
}

/// Checks of a plan request that need no store.
enum MaintenanceValidation {
    static func range(_ value: Int, _ range: ClosedRange<Int>, field: String) throws(HelpDeskError) {
        guard range.contains(value) else { throw .invalidInput(field: field, problem: .outOfRange(range)) }
    }

    static func date(_ date: LocalDate, field: String) throws(HelpDeskError) {
        guard MaintenancePlan.supportedYears.contains(date.year) else {
            throw .invalidInput(field: field, problem: .outOfRange(MaintenancePlan.supportedYears))
        }
    }

    /// The request's own fields: texts, numbers, dates and list sizes.
    static func shape(_ request: MaintenancePlanRequest, configuration: HelpDeskConfiguration) throws(HelpDeskError) {
        try Validate.notBlank(request.name, field: "name")
        try Validate.length(request.name, atMost: MaintenancePlan.maximumNameLength, field: "name")
        let template = request.template
        try Validate.title(template.title, maximum: configuration.maximumTitleLength)
        try range(template.estimatedMinutes, 1...1_440, field: "template.estimatedMinutes")
        try range(template.checklist.count, 0...MaintenancePlan.maximumItems, field: "template.checklist")
        for item in template.checklist {
            try Validate.notBlank(item, field: "template.checklist")
            try Validate.length(item, atMost: MaintenancePlan.maximumChecklistItemLength, field: "template.checklist")
            if item.contains(where: \.isNewline) {
                throw .invalidInput(field: "template.checklist", problem: .malformed(expected: "one line per item"))
            }
        }
        try Validate.length(
            template.renderedDescription, atMost: configuration.maximumTextLength, field: "template.description")
        try range(request.assetIDs.count, 0...MaintenancePlan.maximumItems, field: "assetIDs")
        try range(request.leadDays, 0...366, field: "leadDays")
        try range(request.flexibilityDays, 0...30, field: "flexibilityDays")
        let schedule = request.schedule
        try date(schedule.start, field: "schedule.start")
        try range(schedule.exceptionDates.count, 0...MaintenancePlan.maximumItems, field: "schedule.exceptionDates")
        for excluded in schedule.exceptionDates { try date(excluded, field: "schedule.exceptionDates") }
        try range(schedule.rule.interval, 1...10_000, field: "schedule.rule.interval")
        switch schedule.rule.end {
        case .never: break
        case .count(let count): try range(count, 1...100_000, field: "schedule.rule.count")
        case .untilDate(let until): try date(until, field: "schedule.rule.until")
        case .untilInstant(let until): try Validate.instant(until, field: "schedule.rule.until")
        }
    }
}
