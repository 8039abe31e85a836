import Foundation
import WorkingTime

/// Reads maintenance plans and their occurrence records. Writes go through a ``UnitOfWork``
/// (``MaintenanceChanges``).
public protocol MaintenanceRepository: Sendable {
    /// The plan with `id`, or `nil`.
    func maintenancePlan(_ id: MaintenancePlanID) async throws -> MaintenancePlan?
    /// The plans of `company`, by name, then identifier.
    func maintenancePlans(of company: CompanyID) async throws -> [MaintenancePlan]
    /// Every plan, by identifier (the tick and a snapshot read it).
    func maintenancePlans() async throws -> [MaintenancePlan]
    /// The record of `plan`'s occurrence on the rule date `date`, or `nil`.
    func maintenanceOccurrence(of plan: MaintenancePlanID, on date: LocalDate) async throws -> MaintenanceOccurrence?
    /// The records of `plan`, by date.
    func maintenanceOccurrences(of plan: MaintenancePlanID) async throws -> [MaintenanceOccurrence]
    /// The record of `plan` with the latest date, and the latest that opened a ticket.
    func latestMaintenanceOccurrences(of plan: MaintenancePlanID) async throws
        -> (latest: MaintenanceOccurrence?, latestGenerated: MaintenanceOccurrence?)
}

/// A new or changed plan in a unit of work, with the revision it was based on.
public struct MaintenancePlanWrite: Hashable, Sendable, Codable {
    /// The plan as it must be stored.
    public var plan: MaintenancePlan
    /// The stored revision the change was computed from; `nil` for a new plan.
    public var expectedRevision: Int?

    /// Describes a write.
    public init(plan: MaintenancePlan, expectedRevision: Int?) {
        self.plan = plan
        self.expectedRevision = expectedRevision
    }
}

/// The maintenance part of a ``UnitOfWork``.
public struct MaintenanceChanges: CapabilityChanges {
    /// Plans to insert or replace.
    public var plans: [MaintenancePlanWrite] = []
    /// Occurrence records to insert: a record whose plan and date are already recorded is a conflict.
    public var occurrences: [MaintenanceOccurrence] = []
    /// The revisions of the plans the unit's records were decided from: a plan stored at another
    /// revision when the unit commits (paused, edited or ended meanwhile) is a conflict.
    public var decidedFrom: [MaintenancePlanID: Int] = [:]

    /// No changes.
    public init() {}

    public var isEmpty: Bool { plans.isEmpty && occurrences.isEmpty }

    /// The conflict a store reports when `plan`, read at `revision` (``decidedFrom``), is stored at another.
    public static func planMoved(_ plan: MaintenancePlanID, from revision: Int) -> StorageError {
        StorageError(.conflict, "maintenance plan \(plan) changed since the unit read it at revision \(revision)")
    }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for write in plans { body(.record(kind: "maintenancePlan", id: write.plan.id.description)) }
        for plan in decidedFrom.keys { body(.record(kind: "maintenancePlan", id: plan.description)) }
        // Two ticks recording the same occurrence meet here: one commits, the other's retry sees it.
        for occurrence in occurrences { body(.record(kind: "maintenanceOccurrence", id: occurrence.key)) }
    }

    private enum CodingKeys: String, CodingKey {
        case maintenancePlanWrites, maintenanceOccurrences, maintenanceDecidedFrom
    }

    /// Decodes leniently: units written before maintenance plans existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        plans = try container.decodeIfPresent([MaintenancePlanWrite].self, forKey: .maintenancePlanWrites) ?? []
        occurrences =
            try container.decodeIfPresent([MaintenanceOccurrence].self, forKey: .maintenanceOccurrences) ?? []
        decidedFrom =
            try container.decodeIfPresent([MaintenancePlanID: Int].self, forKey: .maintenanceDecidedFrom) ?? [:]
    }

    /// Encodes only the non-empty lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !plans.isEmpty { try container.encode(plans, forKey: .maintenancePlanWrites) }
        if !occurrences.isEmpty { try container.encode(occurrences, forKey: .maintenanceOccurrences) }
        if !decidedFrom.isEmpty { try container.encode(decidedFrom, forKey: .maintenanceDecidedFrom) }
    }
}

extension UnitOfWork {
    /// The maintenance part of the unit (``MaintenanceChanges``).
    public var maintenance: MaintenanceChanges {
        get { self[MaintenanceChanges.self] }
        set { self[MaintenanceChanges.self] = newValue }
    }
}

/// The maintenance plans and occurrence records of a ``StoreImage``.
public struct MaintenanceImage: CapabilityImage {
    public static let key = "maintenance"

    /// Every plan, by identifier.
    public var plans: [MaintenancePlan]
    /// Every occurrence record, by plan, then date.
    public var occurrences: [MaintenanceOccurrence]

    /// Describes the maintenance records of an image.
    public init(plans: [MaintenancePlan], occurrences: [MaintenanceOccurrence]) {
        self.plans = plans
        self.occurrences = occurrences
    }

    /// No plans.
    public init() { self.init(plans: [], occurrences: []) }

    public var isEmpty: Bool { plans.isEmpty && occurrences.isEmpty }

    /// The conflict a store reports when `plan`, read at `revision` (``decidedFrom``), is stored at another.
    public static func planMoved(_ plan: MaintenancePlanID, from revision: Int) -> StorageError {
        StorageError(.conflict, "maintenance plan \(plan) changed since the unit read it at revision \(revision)")
    }

    private enum CodingKeys: String, CodingKey {
        case plans, occurrences
    }

    /// Decodes leniently: snapshots written before maintenance plans existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        plans = try container.decodeIfPresent([MaintenancePlan].self, forKey: .plans) ?? []
        occurrences = try container.decodeIfPresent([MaintenanceOccurrence].self, forKey: .occurrences) ?? []
    }
}

extension StoreImage {
    /// The desk's maintenance plans and occurrence records.
    public var maintenance: MaintenanceImage {
        get { capabilities[MaintenanceImage.self] }
        set { capabilities[MaintenanceImage.self] = newValue }
    }
}
