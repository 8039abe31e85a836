import Foundation

extension HelpDesk {
    /// Ends, in `work`, every plan of `company` that has not ended, as the company is deleted: each
    /// with its trail entry, so the tick generates nothing more for a client that is gone.
    ///
    /// A plan that opened a ticket keeps its company (a company with tickets is never deleted), so
    /// the plans ended here are the ones that never generated anything.
    func endMaintenancePlans(of company: CompanyID, by performer: Performer, into work: inout UnitOfWork)
        async throws(HelpDeskError)
    {
        guard let repository = try optionalFeature((any MaintenanceRepository).self) else { return }
        let now = clock.now()
        for stored in try await storage({ try await repository.maintenancePlans(of: company) })
        where stored.status != .ended {
            var plan = stored
            plan.status = .ended
            plan.revision = stored.revision + 1
            plan.updatedAt = now
            work.maintenance.plans.append(MaintenancePlanWrite(plan: plan, expectedRevision: stored.revision))
            try await recordTrail(
                .statusChanged, of: .maintenancePlan(plan.id), company: company, from: stored, to: plan,
                by: performer, into: &work)
        }
    }
}
