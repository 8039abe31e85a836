import Foundation

extension HelpDesk {
    /// Registers a contract with a client (without periods; renewals add them).
    public func addContract(_ request: NewContract, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> Contract
    {
        try await perform(
            by: performer, command: "addContract", key: idempotencyKey, inputs: [request]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageClients, companyID: request.companyID))
            _ = try await loadCompany(request.companyID)
            try Validate.notBlank(request.number, field: "number")
            try Validate.instant(request.startsAt, field: "startsAt")
            try Validate.end(request.endsAt, field: "endsAt")
            if let endsAt = request.endsAt, endsAt <= request.startsAt {
                throw .invalidInput(field: "endsAt", problem: .notAfterStart)
            }
            guard request.status == .draft || request.status == .active else {
                throw .contractTransitionNotAllowed(from: .draft, to: request.status)
            }
            if try await storage({ try await contractStore.contract(number: request.number) }) != nil {
                throw .duplicateContractNumber(request.number)
            }
            for locationID in request.coveredLocationIDs {
                let location = try await loadLocation(locationID)
                guard location.companyID == request.companyID else {
                    throw .crossCompanyLink(.location(locationID), expected: request.companyID)
                }
            }
            for categoryID in request.coveredCategoryIDs
            where try await storage({ try await store.category(categoryID) }) == nil {
                throw .categoryNotFound(categoryID)
            }
            try validateSLAPolicy(request.slaPolicyID)
            if let managerID = request.managerID { _ = try await loadEmployee(managerID) }
            let contract = Contract(
                id: nextID(), companyID: request.companyID, number: request.number, startsAt: request.startsAt,
                endsAt: request.endsAt, status: request.status,
                coveredLocationIDs: Array(Set(request.coveredLocationIDs)).sorted(),
                coveredCategoryIDs: Array(Set(request.coveredCategoryIDs)).sorted(), slaPolicyID: request.slaPolicyID,
                managerID: request.managerID, requiresPaidWorkApproval: request.requiresPaidWorkApproval,
                slaTime: request.slaTime)
            context.work.clients.contracts = [contract]
            try await recordTrail(
                .created, of: .contract(contract.id), company: contract.companyID, from: nil, to: contract,
                by: context.performer, into: &context.work)
            return contract
        }
    }

    /// Moves a contract through draft → active ⇄ suspended → ended.
    public func changeContractStatus(
        _ id: ContractID, to status: ContractStatus, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Contract {
        try await perform(
            by: performer,
            command: "changeContractStatus", key: idempotencyKey, inputs: [id, status]
        ) { context throws(HelpDeskError) in
            var contract = try await loadContract(id)
            try authorize(context.principal, AccessRequest(.manageClients, companyID: contract.companyID))
            guard contract.status != status else { return contract }
            let allowed: [ContractStatus: Set<ContractStatus>] = [
                .draft: [.active, .ended], .active: [.suspended, .ended], .suspended: [.active, .ended],
            ]
            guard allowed[contract.status]?.contains(status) == true else {
                throw .contractTransitionNotAllowed(from: contract.status, to: status)
            }
            let original = contract
            contract.status = status
            context.work.clients.contracts = [contract]
            try await recordTrail(
                .statusChanged, of: .contract(id), company: contract.companyID, from: original, to: contract,
                by: context.performer, into: &context.work)
            return contract
        }
    }

    /// Adds a service period (a renewal); periods of one contract never overlap.
    public func addServicePeriod(
        to id: ContractID, _ request: NewServicePeriod, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError)
        -> ServicePeriod
    {
        try await perform(
            by: performer,
            command: "addServicePeriod", key: idempotencyKey, inputs: [id, request]
        ) { context throws(HelpDeskError) in
            var contract = try await loadContract(id)
            try authorize(context.principal, AccessRequest(.manageClients, companyID: contract.companyID))
            try Validate.instant(request.startsAt, field: "startsAt")
            try Validate.end(request.endsAt, field: "endsAt")
            try Validate.instant(request.paymentDueAt, field: "paymentDueAt")
            guard request.endsAt > request.startsAt else {
                throw .invalidInput(field: "endsAt", problem: .notAfterStart)
            }
            guard request.fee.minorUnits >= 0 else { throw .invalidInput(field: "fee", problem: .negative) }
            if let minutes = request.includedLaborMinutes, minutes < 0 {
                throw .invalidInput(field: "includedLaborMinutes", problem: .negative)
            }
            if let visits = request.includedVisits, visits < 0 {
                throw .invalidInput(field: "includedVisits", problem: .negative)
            }
            if let step = request.laborRoundingStepMinutes, !(1...480).contains(step) {
                throw .invalidInput(field: "laborRoundingStepMinutes", problem: .outOfRange(1...480))
            }
            if let percent = request.laborAlertPercent, !(1...100).contains(percent) {
                throw .invalidInput(field: "laborAlertPercent", problem: .outOfRange(1...100))
            }
            let period = ServicePeriod(
                id: nextID(), startsAt: request.startsAt, endsAt: request.endsAt, fee: request.fee,
                includedLaborMinutes: request.includedLaborMinutes,
                laborRoundingStepMinutes: request.laborRoundingStepMinutes,
                laborAlertPercent: request.laborAlertPercent, paymentDueAt: request.paymentDueAt,
                includedVisits: request.includedVisits)
            if let clash = contract.periods.first(where: { $0.overlaps(period) }) {
                throw .overlappingServicePeriod(clash.id)
            }
            contract.periods = (contract.periods + [period]).sorted { $0.startsAt < $1.startsAt }
            context.work.clients.contracts = [contract]
            try await recordPeriodTrail(
                .periodAdded, of: contract, from: nil, to: period, by: context.performer, into: &context.work)
            return period
        }
    }

    /// Records that a period was invoiced and posts the receivable (fee) to the ledger. A period
    /// without a due date becomes due ``ClientConfiguration/paymentTermDays`` after the later of its
    /// start and the invoice.
    public func markServicePeriodInvoiced(
        _ periodID: ServicePeriodID, of id: ContractID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError)
        -> ServicePeriod
    {
        try await changePeriod(
            periodID, of: id, by: performer,
            command: "markServicePeriodInvoiced", key: idempotencyKey, inputs: [periodID, id]
        ) { period, now in
            invoice(&period, at: now)
        }
    }

    /// Marks `period` invoiced at `now` (once) and gives it the default due date when it has none:
    /// the payment term after the later of its start and the invoice.
    private func invoice(_ period: inout ServicePeriod, at now: Date) {
        guard period.invoicedAt == nil else { return }
        period.invoicedAt = now
        if period.paymentDueAt == nil {
            let days = min(max(configuration.clients.paymentTermDays, 0), 3650)
            period.paymentDueAt = max(now, period.startsAt).addingTimeInterval(Double(days) * 86_400)
        }
    }

    /// Records that a period was paid (it is then invoiced too) and posts the payment to the ledger.
    public func markServicePeriodPaid(
        _ periodID: ServicePeriodID, of id: ContractID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError)
        -> ServicePeriod
    {
        try await changePeriod(
            periodID, of: id, by: performer,
            command: "markServicePeriodPaid", key: idempotencyKey, inputs: [periodID, id]
        ) { period, now in
            invoice(&period, at: now)
            if period.paidAt == nil { period.paidAt = now }
        }
    }

    private func changePeriod(
        _ periodID: ServicePeriodID, of id: ContractID, by performer: Performer, command: String,
        key: IdempotencyKey?, inputs: @autoclosure () -> [any Encodable],
        _ change: (inout ServicePeriod, Date) -> Void
    ) async throws(HelpDeskError) -> ServicePeriod {
        try await perform(by: performer, command: command, key: key, inputs: inputs()) {
            context throws(HelpDeskError) in
            try await changePeriod(periodID, of: id, in: &context, change)
        }
    }

    private func changePeriod(
        _ periodID: ServicePeriodID, of id: ContractID, in context: inout CommandContext,
        _ change: (inout ServicePeriod, Date) -> Void
    ) async throws(HelpDeskError) -> ServicePeriod {
        var contract = try await loadContract(id)
        try authorize(context.principal, AccessRequest(.invoice, companyID: contract.companyID))
        guard let index = contract.periods.firstIndex(where: { $0.id == periodID }) else {
            throw .servicePeriodNotFound(periodID)
        }
        let before = contract.periods[index]
        change(&contract.periods[index], clock.now())
        if contract.periods[index] != before {
            let after = contract.periods[index]
            try await savePeriodChange(contract, before: before, after: after, into: &context.work)
            try await recordPeriodTrail(
                before.paidAt == nil && after.paidAt != nil ? .paid : .invoiced, of: contract, from: before, to: after,
                by: context.performer, into: &context.work)
        }
        return contract.periods[index]
    }

}
