import Foundation
import Recurrence
import WorkingTime

/// Identifies a maintenance plan.
public typealias MaintenancePlanID = Identifier<MaintenancePlan>

/// What a plan's ticket is made of: the fields of the ticket each occurrence opens.
public struct MaintenanceTemplate: Hashable, Sendable, Codable {
    /// The ticket's title.
    public var title: String
    /// The ticket's description; the checklist follows it as `☐ item` lines.
    public var description: String
    /// The service category, if any.
    public var categoryID: CategoryID?
    /// The ticket's priority.
    public var priority: Priority
    /// The group the ticket goes to, if any.
    public var groupID: GroupID?
    /// The engineer the ticket (and its visit) goes to, if any.
    public var assigneeID: EmployeeID?
    /// How long the work takes, in minutes, `1 ... 1_440`: the planned visit's duration.
    public var estimatedMinutes: Int
    /// The checklist items, in order (each non-blank, one line).
    public var checklist: [String]

    /// Describes a template.
    public init(
        title: String, description: String = "", categoryID: CategoryID? = nil, priority: Priority = .normal,
        groupID: GroupID? = nil, assigneeID: EmployeeID? = nil, estimatedMinutes: Int, checklist: [String] = []
    ) {
        self.title = title
        self.description = description
        self.categoryID = categoryID
        self.priority = priority
        self.groupID = groupID
        self.assigneeID = assigneeID
        self.estimatedMinutes = estimatedMinutes
        self.checklist = checklist
    }

    /// The ticket's description: ``description``, then one `☐ item` line per checklist item.
    public var renderedDescription: String {
        let lines = checklist.map { "☐ " + $0 }.joined(separator: "\n")
        if lines.isEmpty { return description }
        return description.isEmpty ? lines : description + "\n\n" + lines
    }
}

/// What happens to an occurrence that falls on a day off of the plan's working calendar.
public enum MaintenanceCalendarPolicy: String, CaseIterable, Hashable, Sendable, Codable {
    /// Keep the date.
    case keep
    /// Move to the next working day (at most 31 days later; beyond that it is skipped).
    case nextWorkingDay
    /// Move to the previous working day (at most 31 days earlier; beyond that it is skipped).
    case previousWorkingDay
    /// Skip the occurrence.
    case skip
}

/// What happens to occurrences whose scheduled date passed before a tick saw them.
public enum MaintenanceCatchUp: String, CaseIterable, Hashable, Sendable, Codable {
    /// Generate every missed occurrence.
    case all
    /// Generate only the latest missed occurrence; the others are skipped.
    case latest
    /// Skip missed occurrences.
    case none
}

/// Where a plan is in its life.
public enum MaintenancePlanStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// Generating.
    case active
    /// Generating nothing until resumed.
    case paused
    /// Generates nothing on or after its ``MaintenancePlan/endsOn`` date.
    case ended
}

/// A maintenance plan: a contract's recurring work at a client, opening a ticket (and a planned
/// visit) for each occurrence of its schedule.
///
/// **The working calendar** of ``calendarPolicy`` is the plan's location's own calendar when it
/// has one; else the SLA policy calendar of the plan's contract (its own policy, else the
/// company's, else the desk's default policy); else Monday–Friday 09:00–18:00. It is read on the
/// wall clock of the plan's time zone (``RecurrenceSchedule/timeZone``), so its holidays and
/// transferred working days (a working Saturday) are the exceptions of that calendar.
public struct MaintenancePlan: Identifiable, Hashable, Sendable, Codable {
    /// The plan's identifier.
    public let id: MaintenancePlanID
    /// The plan's name, e.g. "Printer maintenance".
    public var name: String
    /// The client company.
    public let companyID: CompanyID
    /// The contract the work is done under (of the same company).
    public var contractID: ContractID
    /// The site, if any (of the same company).
    public var locationID: LocationID?
    /// The equipment maintained (of the same company), sorted.
    public var assetIDs: [AssetID]
    /// The ticket each occurrence opens.
    public var template: MaintenanceTemplate
    /// The recurrence: rule, DTSTART (date and time), time zone and excluded dates.
    public var schedule: RecurrenceSchedule
    /// What happens on days off.
    public var calendarPolicy: MaintenanceCalendarPolicy
    /// The ticket is opened this many days before the scheduled date, `0 ... 366`.
    public var leadDays: Int
    /// `true`: the next ticket is opened only once the previous one is resolved, closed or cancelled.
    public var generatesAfterCompletion: Bool
    /// What happens to missed occurrences.
    public var catchUp: MaintenanceCatchUp
    /// How many days either side of the scheduled date levelling may move the visit, `0 ... 30`.
    public var flexibilityDays: Int
    /// Active, paused or ended.
    public var status: MaintenancePlanStatus
    /// No occurrence on or after this date (set when the plan is ended).
    public var endsOn: LocalDate?
    /// Increases by one with every stored change; a new plan has revision 1.
    public var revision: Int
    /// When the plan was created.
    public let createdAt: Date
    /// When the plan last changed.
    public var updatedAt: Date

    /// Describes a plan.
    public init(
        id: MaintenancePlanID, name: String, companyID: CompanyID, contractID: ContractID,
        locationID: LocationID? = nil,
        assetIDs: [AssetID] = [], template: MaintenanceTemplate, schedule: RecurrenceSchedule,
        calendarPolicy: MaintenanceCalendarPolicy = .keep, leadDays: Int = 0, generatesAfterCompletion: Bool = false,
        catchUp: MaintenanceCatchUp = .all, flexibilityDays: Int = 0, status: MaintenancePlanStatus = .active,
        endsOn: LocalDate? = nil, revision: Int = 1, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
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
        self.status = status
        self.endsOn = endsOn
        self.revision = revision
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// What became of one occurrence of a plan.
public enum MaintenanceOutcome: Hashable, Sendable, Codable {
    /// A ticket was opened.
    case generated(TicketID)
    /// The rule date is a day off and the plan's policy skips it (or no working day was near).
    case skippedByCalendar
    /// Missed (its date passed before a tick saw it) and skipped by the plan's catch-up policy.
    case skippedByCatchUp
    /// Missed while the plan was paused and skipped by its catch-up policy on resuming.
    case skippedWhilePaused

    /// The ticket opened, if any.
    public var ticketID: TicketID? {
        if case .generated(let id) = self { id } else { nil }
    }
}

/// The record of one occurrence of a plan: keyed by plan and rule date, written once.
public struct MaintenanceOccurrence: Hashable, Sendable, Codable {
    /// The plan.
    public let planID: MaintenancePlanID
    /// The occurrence's date by the rule (its key within the plan).
    public let date: LocalDate
    /// The date after the calendar policy (the rule date when it kept or skipped it).
    public let scheduledDate: LocalDate
    /// What became of it.
    public let outcome: MaintenanceOutcome
    /// When it was recorded.
    public let at: Date

    /// Describes an occurrence record.
    public init(
        planID: MaintenancePlanID, date: LocalDate, scheduledDate: LocalDate, outcome: MaintenanceOutcome, at: Date
    ) {
        self.planID = planID
        self.date = date
        self.scheduledDate = scheduledDate
        self.outcome = outcome
        self.at = at
    }

    /// The conflict and uniqueness key: `plan/date`.
    public var key: String { "\(planID)/\(date)" }
}
