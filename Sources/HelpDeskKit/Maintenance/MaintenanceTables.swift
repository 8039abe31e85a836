import Foundation
import WorkingTime

/// The in-memory store's maintenance plans and occurrence records.
struct MaintenanceTables: CapabilityTable {
    var plans: [MaintenancePlanID: MaintenancePlan] = [:]
    /// Each plan's records by rule date.
    var occurrences: [MaintenancePlanID: [LocalDate: MaintenanceOccurrence]] = [:]
    /// Each plan's latest record, and latest that opened a ticket (the tick reads them every time).
    var latest: [MaintenancePlanID: Marks] = [:]

    /// A plan's latest rule dates.
    struct Marks: Hashable, Sendable {
        var any: LocalDate
        var generated: LocalDate?
    }

    /// Checks revisions (of plans written and plans decided from), and that no occurrence is recorded twice.
    func validate(_ changes: MaintenanceChanges, of work: UnitOfWork, in store: InMemoryStore.State)
        throws(StorageError)
    {
        for write in changes.plans where plans[write.plan.id]?.revision != write.expectedRevision {
            throw StorageError(.conflict, "maintenance plan \(write.plan.id) is not at the expected revision")
        }
        for (plan, revision) in changes.decidedFrom where plans[plan]?.revision != revision {
            throw MaintenanceChanges.planMoved(plan, from: revision)
        }
        var keys: Set<String> = []
        for occurrence in changes.occurrences {
            guard occurrences[occurrence.planID]?[occurrence.date] == nil, keys.insert(occurrence.key).inserted else {
                throw StorageError(.conflict, "maintenance occurrence \(occurrence.key) is already recorded")
            }
        }
    }

    /// Applies validated changes.
    mutating func apply(_ changes: MaintenanceChanges) {
        for write in changes.plans { plans[write.plan.id] = write.plan }
        for occurrence in changes.occurrences { insert(occurrence) }
    }

    private mutating func insert(_ occurrence: MaintenanceOccurrence) {
        let plan = occurrence.planID
        occurrences[plan, default: [:]][occurrence.date] = occurrence
        var marks = latest[plan] ?? Marks(any: occurrence.date)
        marks.any = max(marks.any, occurrence.date)
        if occurrence.outcome.ticketID != nil {
            marks.generated = max(marks.generated ?? occurrence.date, occurrence.date)
        }
        latest[plan] = marks
    }

    /// By name, then identifier.
    static func byName(_ plans: some Sequence<MaintenancePlan>) -> [MaintenancePlan] {
        plans.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    var image: MaintenanceImage {
        MaintenanceImage(
            plans: plans.values.sorted { $0.id < $1.id },
            occurrences: occurrences.keys.sorted().flatMap { plan in
                occurrences[plan, default: [:]].values.sorted { $0.date < $1.date }
            })
    }

    init(image: MaintenanceImage) {
        for plan in image.plans { plans[plan.id] = plan }
        for occurrence in image.occurrences { insert(occurrence) }
    }
}

extension InMemoryStore: MaintenanceRepository {
    public func maintenancePlan(_ id: MaintenancePlanID) async throws -> MaintenancePlan? {
        state.withLock { $0.table(MaintenanceTables.self).plans[id] }
    }

    public func maintenancePlans(of company: CompanyID) async throws -> [MaintenancePlan] {
        state.withLock { state in
            MaintenanceTables.byName(
                state.table(MaintenanceTables.self).plans.values.filter { $0.companyID == company })
        }
    }

    public func maintenancePlans() async throws -> [MaintenancePlan] {
        state.withLock { $0.table(MaintenanceTables.self).plans.values.sorted { $0.id < $1.id } }
    }

    public func maintenanceOccurrence(of plan: MaintenancePlanID, on date: LocalDate) async throws
        -> MaintenanceOccurrence?
    {
        state.withLock { $0.table(MaintenanceTables.self).occurrences[plan]?[date] }
    }

    public func maintenanceOccurrences(of plan: MaintenancePlanID) async throws -> [MaintenanceOccurrence] {
        state.withLock { state in
            (state.table(MaintenanceTables.self).occurrences[plan] ?? [:]).values.sorted { $0.date < $1.date }
        }
    }

    public func latestMaintenanceOccurrences(of plan: MaintenancePlanID) async throws
        -> (latest: MaintenanceOccurrence?, latestGenerated: MaintenanceOccurrence?)
    {
        state.withLock { state in
            let tables = state.table(MaintenanceTables.self)
            guard let marks = tables.latest[plan], let records = tables.occurrences[plan] else { return (nil, nil) }
            return (records[marks.any], marks.generated.flatMap { records[$0] })
        }
    }
}
