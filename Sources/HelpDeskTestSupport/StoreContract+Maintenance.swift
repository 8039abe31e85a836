import Foundation
import HelpDeskKit
import Recurrence
import WorkingTime

extension StoreContract {
    /// A plan of `company` with every field set (non-Latin text, a zone with DST, excluded dates).
    public static func maintenancePlan(
        _ name: String, company: CompanyID, ids: inout SeededIdentifierSource
    ) throws -> MaintenancePlan {
        let day = try LocalDate(parsing: "2026-03-10")
        let rule = try RecurrenceRule(frequency: .monthly, interval: 2, end: .count(12))
        return MaintenancePlan(
            id: ids.next(), name: name, companyID: company, contractID: ids.next(), locationID: ids.next(),
            assetIDs: [ids.next(), ids.next()].sorted(),
            template: MaintenanceTemplate(
                title: "Обслуживание принтера «HP» 🖨️", description: "Line one\nline two", categoryID: ids.next(),
                priority: .high, groupID: ids.next(), assigneeID: ids.next(), estimatedMinutes: 90,
                checklist: ["Почистить ролики", "Replace toner"]),
            schedule: try RecurrenceSchedule(
                rule: rule, start: day, time: TimeOfDay(hour: 2, minute: 30),
                timeZone: TimeZone(identifier: "America/New_York")!,
                exceptionDates: [try day.adding(days: 61), try day.adding(days: 122)]),
            calendarPolicy: .previousWorkingDay, leadDays: 7, generatesAfterCompletion: true, catchUp: .latest,
            flexibilityDays: 3, status: .paused, endsOn: try day.adding(days: 400), createdAt: start,
            updatedAt: start.addingTimeInterval(60.5))
    }

    /// An occurrence record of `plan` on the rule date `date` (`YYYY-MM-DD`), scheduled `shift` days from it.
    public static func occurrence(
        _ plan: MaintenancePlan, _ date: String, _ outcome: MaintenanceOutcome, shift: Int = 0
    ) throws -> MaintenanceOccurrence {
        let day = try LocalDate(parsing: date)
        return MaintenanceOccurrence(
            planID: plan.id, date: day, scheduledDate: try day.adding(days: shift), outcome: outcome,
            at: start.addingTimeInterval(0.25))
    }

    static let maintenanceChecks: [ContractCheck] = [
        ContractCheck(
            "maintenance plans and occurrence records round-trip; plans by company and name; the latest records"
        ) { store in
            let maintenance = try requireFeature((any MaintenanceRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 230)
            let company: CompanyID = ids.next()
            let zeta = try maintenancePlan("Zeta", company: company, ids: &ids)
            let alpha = try maintenancePlan("Альфа", company: company, ids: &ids)
            let other = try maintenancePlan("Other", company: ids.next(), ids: &ids)
            let ticket: TicketID = ids.next()
            let records = [
                try occurrence(zeta, "2026-03-10", .generated(ticket), shift: -1),
                try occurrence(zeta, "2026-05-10", .skippedByCalendar),
                try occurrence(zeta, "2026-07-10", .skippedByCatchUp),
                try occurrence(zeta, "2026-09-10", .skippedWhilePaused, shift: 2),
            ]
            var work = UnitOfWork()
            work.maintenance.plans = [zeta, alpha, other].map { MaintenancePlanWrite(plan: $0, expectedRevision: nil) }
            work.maintenance.occurrences = records.reversed()
            try await store.commit(work)
            try requireEqual(try await maintenance.maintenancePlan(zeta.id), zeta, "by identifier")
            try requireEqual(
                try await maintenance.maintenancePlans(of: company),
                [zeta, alpha].sorted { ($0.name, $0.id) < ($1.name, $1.id) }, "by company, by name")
            try requireEqual(
                try await maintenance.maintenancePlans(), [zeta, alpha, other].sorted { $0.id < $1.id }, "all")
            try requireEqual(try await maintenance.maintenanceOccurrences(of: zeta.id), records, "by date")
            try requireEqual(try await maintenance.maintenanceOccurrences(of: alpha.id), [], "none yet")
            try requireEqual(
                try await maintenance.maintenanceOccurrence(of: zeta.id, on: LocalDate(parsing: "2026-05-10")),
                records[1], "by plan and date")
            let latest = try await maintenance.latestMaintenanceOccurrences(of: zeta.id)
            try requireEqual(latest.latest, records[3], "the latest record")
            try requireEqual(latest.latestGenerated, records[0], "the latest that opened a ticket")
            let none = try await maintenance.latestMaintenanceOccurrences(of: alpha.id)
            try require(none.latest == nil && none.latestGenerated == nil, "a plan without records")
            var resumed = zeta
            resumed.status = .active
            resumed.revision = 2
            var change = UnitOfWork()
            change.maintenance.plans = [MaintenancePlanWrite(plan: resumed, expectedRevision: 1)]
            try await store.commit(change)
            try requireEqual(try await maintenance.maintenancePlan(zeta.id), resumed, "replaced under its revision")
        },
        ContractCheck("a stale plan revision, a plan stored twice or an occurrence recorded twice is a conflict") {
            store in
            let maintenance = try requireFeature((any MaintenanceRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 231)
            let plan = try maintenancePlan("Plan", company: ids.next(), ids: &ids)
            let first = try occurrence(plan, "2026-03-10", .skippedByCatchUp)
            var work = UnitOfWork()
            work.maintenance.plans = [MaintenancePlanWrite(plan: plan, expectedRevision: nil)]
            work.maintenance.occurrences = [first]
            try await store.commit(work)
            let before = try await StoreSnapshot.capture(store)
            var stale = plan
            stale.revision = 3
            let again = try occurrence(plan, "2026-03-10", .generated(ids.next()))
            let fresh = try occurrence(plan, "2026-05-10", .skippedByCalendar)
            let twin = try occurrence(plan, "2026-05-10", .skippedByCatchUp)
            var units: [UnitOfWork] = []
            for (plans, occurrences) in [
                ([MaintenancePlanWrite(plan: stale, expectedRevision: 2)], [MaintenanceOccurrence]()),
                ([MaintenancePlanWrite(plan: plan, expectedRevision: nil)], []),
                ([], [fresh, again]), ([], [fresh, twin]),
            ] {
                var unit = UnitOfWork()
                unit.maintenance.plans = plans
                unit.maintenance.occurrences = occurrences
                units.append(unit)
            }
            for unit in units { try await requireStorageError(.conflict) { try await store.commit(unit) } }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused units change nothing")
            try requireEqual(try await maintenance.maintenanceOccurrences(of: plan.id), [first], "still one record")
        },
        ContractCheck("records decided from a stale plan revision conflict; at the plan's revision they commit") {
            store in
            let maintenance = try requireFeature((any MaintenanceRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 233)
            let plan = try maintenancePlan("Plan", company: ids.next(), ids: &ids)
            var work = UnitOfWork()
            work.maintenance.plans = [MaintenancePlanWrite(plan: plan, expectedRevision: nil)]
            try await store.commit(work)
            func record(_ date: String, decidedAt revision: Int) async throws {
                var unit = UnitOfWork()
                unit.maintenance.occurrences = [try occurrence(plan, date, .skippedByCatchUp)]
                unit.maintenance.decidedFrom = [plan.id: revision]
                try await store.commit(unit)
            }
            try await record("2026-03-10", decidedAt: plan.revision)
            var paused = plan
            paused.status = .paused
            paused.revision = plan.revision + 1
            var pause = UnitOfWork()
            pause.maintenance.plans = [MaintenancePlanWrite(plan: paused, expectedRevision: plan.revision)]
            try await store.commit(pause)
            let before = try await StoreSnapshot.capture(store)
            try await requireStorageError(.conflict) { try await record("2026-03-17", decidedAt: plan.revision) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "a record decided from the old plan")
            try await record("2026-03-17", decidedAt: paused.revision)
            try requireEqual(
                try await maintenance.maintenanceOccurrences(of: plan.id).map(\.date.description),
                ["2026-03-10", "2026-03-17"], "the records at the plan's revisions")
        },
        ContractCheck("units racing to record the same occurrence: exactly one commits") { store in
            let maintenance = try requireFeature((any MaintenanceRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 232)
            let plan = try maintenancePlan("Raced", company: ids.next(), ids: &ids)
            var setup = UnitOfWork()
            setup.maintenance.plans = [MaintenancePlanWrite(plan: plan, expectedRevision: nil)]
            try await store.commit(setup)
            var units: [UnitOfWork] = []
            for _ in 0..<8 {
                var unit = UnitOfWork()
                unit.maintenance.occurrences = [try occurrence(plan, "2026-03-10", .generated(ids.next()))]
                units.append(unit)
            }
            let committed = await withTaskGroup(of: Bool.self) { group in
                for unit in units { group.addTask { (try? await store.commit(unit)) != nil } }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            try requireEqual(committed, 1, "one unit commits")
            try requireEqual(try await maintenance.maintenanceOccurrences(of: plan.id).count, 1, "one record")
        },
    ]
}
