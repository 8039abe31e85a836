import Foundation

extension HelpDesk {
    /// The entries about `subject`, oldest first: who added, changed, moved, invoiced or topped it
    /// up, with each changed field old → new. Directory records need ``AccessAction/readClients``,
    /// prices and accounts ``AccessAction/readBilling``, each for the record's company; knowledge
    /// sections and articles ``AccessAction/editKnowledge``; maintenance plans ``AccessAction/planWork``.
    ///
    /// A store without a trail, or a subject nobody changed, has no entries.
    public func trail(of subject: TrailSubject, as viewer: Performer) async throws(HelpDeskError) -> [TrailEntry] {
        let principal = try await principal(for: viewer)
        let action: AccessAction =
            subject.isKnowledge
            ? .editKnowledge : subject.isPlanning ? .planWork : subject.isBilling ? .readBilling : .readClients
        guard let trailStore = try optionalFeature((any TrailRepository).self) else {
            let company = try await owner(of: subject)
            try authorize(principal, AccessRequest(action, companyID: company))
            return []
        }
        let entries = try await storage { try await trailStore.trail(of: subject) }
        let company = try await owner(of: subject) ?? entries.lazy.compactMap(\.companyID).first
        try authorize(principal, AccessRequest(action, companyID: company))
        return entries
    }

    /// The company a subject belongs to while it exists (deleted records: from their entries).
    private func owner(of subject: TrailSubject) async throws(HelpDeskError) -> CompanyID? {
        let companies = try optionalFeature((any CompanyRepository).self)
        let contracts = try optionalFeature((any ContractRepository).self)
        let assets = try optionalFeature((any AssetRepository).self)
        switch subject {
        case .company(let id), .account(let id, _): return id
        case .location(let id): return try await storage { try await companies?.location(id) }?.companyID
        case .contact(let id): return try await storage { try await companies?.contact(id) }?.companyID
        case .contract(let id), .contractPrice(let id, _):
            return try await storage { try await contracts?.contract(id) }?.companyID
        case .asset(let id): return try await storage { try await assets?.asset(id) }?.companyID
        case .assetModel, .priceListItem, .knowledgeSection, .knowledgeArticle: return nil
        case .maintenancePlan(let id):
            let plans = try optionalFeature((any MaintenanceRepository).self)
            return try await storage { try await plans?.maintenancePlan(id) }?.companyID
        }
    }

    /// Adds a trail entry about `subject` and its ``DomainEvent/recordChanged(subject:action:entry:)``
    /// event to `work`, both stamped with the clock's instant. A change without changed fields adds
    /// nothing (creations and deletions always count); a store without a trail gets the event only.
    ///
    /// The event goes to the account managers of the contracts concerned (the contract's for a
    /// contract or its prices, every contract's of the company otherwise), never to the performer
    /// and never to the client.
    func recordTrail(
        _ action: TrailAction, of subject: TrailSubject, company: CompanyID?, changes: [TrailChange],
        by performer: Performer, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        guard !changes.isEmpty || action == .created || action == .deleted else { return }
        let now = clock.now()
        let entry = TrailEntry(
            id: nextID(), subject: subject, companyID: company, action: action, changes: changes, performer: performer,
            at: now)
        if try optionalFeature((any TrailRepository).self) != nil { work.trailEntries.append(entry) }
        let managers = try await managers(of: subject, company: company, in: work)
        work.events.append(
            PendingEvent(
                id: nextID(), event: .recordChanged(subject: subject, action: action, entry: entry.id),
                performer: performer,
                audience: Audience(employeeIDs: managers.filter { $0 != performer.employeeID }), occurredAt: now))
    }

    /// ``recordTrail(_:of:company:changes:by:into:)`` with the fields that differ between `old`
    /// and `new` (`nil`: none, for a creation or deletion).
    func recordTrail<Record: TrailRecord>(
        _ action: TrailAction, of subject: TrailSubject, company: CompanyID?, from old: Record?, to new: Record?,
        by performer: Performer, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        try await recordTrail(
            action, of: subject, company: company, changes: Record.trailChanges(from: old, to: new), by: performer,
            into: &work)
    }

    /// The account managers to tell about a change of `subject`: the contract's for a contract
    /// subject, else those of every contract of `company` (stored, or written by `work`), sorted.
    private func managers(of subject: TrailSubject, company: CompanyID?, in work: UnitOfWork)
        async throws(HelpDeskError) -> [EmployeeID]
    {
        guard let company, try optionalFeature((any ContractRepository).self) != nil else { return [] }
        var contracts: [ContractID: Contract] = [:]
        for contract in try await storage({ try await contractStore.contracts(of: company) }) {
            contracts[contract.id] = contract
        }
        for contract in work.clients.contracts where contract.companyID == company { contracts[contract.id] = contract }
        let concerned: [Contract]
        switch subject {
        case .contract(let id), .contractPrice(let id, _): concerned = contracts[id].map { [$0] } ?? []
        default: concerned = Array(contracts.values)
        }
        return Array(Set(concerned.compactMap(\.managerID))).sorted()
    }

    /// ``recordTrail(_:of:company:changes:by:into:)`` for a change of one service period of
    /// `contract`: each field is named after the period's dates (`period 2026-03-01…2026-04-01 paidAt`).
    func recordPeriodTrail(
        _ action: TrailAction, of contract: Contract, from old: ServicePeriod?, to new: ServicePeriod,
        by performer: Performer, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        let day = Date.ISO8601FormatStyle().year().month().day()
        let name = "period \(new.startsAt.formatted(day))…\(new.endsAt.formatted(day))"
        let changes = ServicePeriod.trailChanges(from: old, to: new).map { change in
            TrailChange("\(name) \(change.field)", from: change.oldValue, to: change.newValue)
        }
        try await recordTrail(
            action, of: .contract(contract.id), company: contract.companyID, changes: changes, by: performer,
            into: &work)
    }
}
