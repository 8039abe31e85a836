import HelpDeskKit
import PostgresNIO
import WorkingTime

extension PostgresStore: MaintenanceRepository {
    /// The plan with `id`, or `nil`.
    public func maintenancePlan(_ id: MaintenancePlanID) async throws -> MaintenancePlan? {
        try await record(MaintenancePlan.self, "SELECT body FROM maintenance_plans WHERE id = \(id.uuid)")
    }

    /// The plans of `company`, by name, then identifier.
    public func maintenancePlans(of company: CompanyID) async throws -> [MaintenancePlan] {
        try await records(MaintenancePlan.self, "SELECT body FROM maintenance_plans WHERE company_id = \(company.uuid)")
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// Every plan, by identifier.
    public func maintenancePlans() async throws -> [MaintenancePlan] {
        try await records(MaintenancePlan.self, "SELECT body FROM maintenance_plans").sorted { $0.id < $1.id }
    }

    /// The record of `plan` on `date`, or `nil`.
    public func maintenanceOccurrence(of plan: MaintenancePlanID, on date: LocalDate) async throws
        -> MaintenanceOccurrence?
    {
        try await record(
            MaintenanceOccurrence.self,
            "SELECT body FROM maintenance_occurrences WHERE plan_id = \(plan.uuid) AND occurs_on = \(date.description)")
    }

    /// The records of `plan`, by date (ISO dates sort as text).
    public func maintenanceOccurrences(of plan: MaintenancePlanID) async throws -> [MaintenanceOccurrence] {
        try await records(
            MaintenanceOccurrence.self,
            "SELECT body FROM maintenance_occurrences WHERE plan_id = \(plan.uuid) ORDER BY occurs_on")
    }

    /// The latest record of `plan` and the latest that opened a ticket.
    public func latestMaintenanceOccurrences(of plan: MaintenancePlanID) async throws
        -> (latest: MaintenanceOccurrence?, latestGenerated: MaintenanceOccurrence?)
    {
        let latest = try await record(
            MaintenanceOccurrence.self,
            "SELECT body FROM maintenance_occurrences WHERE plan_id = \(plan.uuid) ORDER BY occurs_on DESC LIMIT 1")
        let generated = try await record(
            MaintenanceOccurrence.self,
            """
            SELECT body FROM maintenance_occurrences WHERE plan_id = \(plan.uuid) AND generated
            ORDER BY occurs_on DESC LIMIT 1
            """)
        return (latest, generated)
    }

    /// Writes plans under their expected revisions and inserts occurrence records: a zero-row
    /// update, an insert of an existing plan and a recorded (plan, date) are conflicts.
    func writeMaintenance(_ changes: MaintenanceChanges, on connection: PostgresConnection) async throws {
        // Share-locking the plans decided from: a pause committing first makes the revision differ
        // (a pause in flight is waited for, then re-read); one committing later waits for this unit.
        for (plan, revision) in changes.decidedFrom.sorted(by: { $0.key < $1.key }) {
            let held = try await rowCount(
                "SELECT 1 FROM maintenance_plans WHERE id = \(plan.uuid) AND revision = \(revision) FOR SHARE",
                on: connection)
            guard held > 0 else { throw MaintenanceChanges.planMoved(plan, from: revision) }
        }
        for write in changes.plans.sorted(by: { $0.plan.id < $1.plan.id }) {
            let plan = write.plan
            let body = try RecordCoding.encode(plan)
            let written: Int
            if let expected = write.expectedRevision {
                written = try await rowCount(
                    """
                    UPDATE maintenance_plans SET revision = \(plan.revision), body = \(body)
                    WHERE id = \(plan.id.uuid) AND revision = \(expected) RETURNING 1
                    """, on: connection)
            } else {
                written = try await rowCount(
                    """
                    INSERT INTO maintenance_plans (id, revision, company_id, body)
                    VALUES (\(plan.id.uuid), \(plan.revision), \(plan.companyID.uuid), \(body))
                    ON CONFLICT (id) DO NOTHING RETURNING 1
                    """, on: connection)
            }
            guard written > 0 else {
                throw StorageError(.conflict, "maintenance plan \(plan.id) is not at the expected revision")
            }
        }
        for occurrence in changes.occurrences.sorted(by: { ($0.planID, $0.date) < ($1.planID, $1.date) }) {
            let body = try RecordCoding.encode(occurrence)
            let written = try await rowCount(
                """
                INSERT INTO maintenance_occurrences (plan_id, occurs_on, generated, body)
                VALUES (\(occurrence.planID.uuid), \(occurrence.date.description),
                \(occurrence.outcome.ticketID != nil), \(body))
                ON CONFLICT DO NOTHING RETURNING 1
                """, on: connection)
            guard written > 0 else {
                throw StorageError(.conflict, "maintenance occurrence \(occurrence.key) is already recorded")
            }
        }
    }
}
