import WorkingTime

extension HelpDesk {
    /// Sets `employee`'s hourly rates from `validFrom` on, until the next rate in the history.
    ///
    /// Setting a rate for a date that already has one replaces it. Amounts must not be negative,
    /// and a billing rate must be in the cost rate's currency. Costs are computed when read, so a
    /// rate set for a past date reprices the entries from that date.
    @discardableResult
    public func setEmployeeRate(
        _ employee: EmployeeID, validFrom: LocalDate, hourlyCost: Money, hourlyBilling: Money? = nil,
        by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> EmployeeRate {
        try await perform(
            by: performer,
            command: "setEmployeeRate", key: idempotencyKey, inputs: [employee, validFrom, hourlyCost, hourlyBilling]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageDirectory))
            _ = try await loadEmployee(employee, mustBeActive: false)
            try Validate.workDate(validFrom, field: "validFrom")
            if hourlyCost.isNegative { throw .invalidInput(field: "hourlyCost", problem: .negative) }
            if let hourlyBilling {
                if hourlyBilling.isNegative { throw .invalidInput(field: "hourlyBilling", problem: .negative) }
                if hourlyBilling.currency != hourlyCost.currency {
                    throw .money(.currencyMismatch(hourlyCost.currency, hourlyBilling.currency))
                }
            }
            let rate = EmployeeRate(
                employeeID: employee, validFrom: validFrom, hourlyCost: hourlyCost, hourlyBilling: hourlyBilling)
            let history = try await labor { try await $0.rateHistory(of: employee) }
            guard !history.contains(rate) else { return rate }
            context.work.employeeRates.append(rate)
            return rate
        }
    }

    /// The rate of `employee` valid on `date`, or `nil` when none had started by then.
    public func employeeRate(_ employee: EmployeeID, on date: LocalDate, as viewer: Performer)
        async throws(HelpDeskError) -> EmployeeRate?
    {
        _ = try await authorize(viewer, .readLaborCosts)
        return EmployeeRate.valid(on: date, in: try await rateHistory(of: employee, as: .system))
    }

    /// Every rate of `employee`, by `validFrom`.
    public func rateHistory(of employee: EmployeeID, as viewer: Performer) async throws(HelpDeskError) -> [EmployeeRate]
    {
        _ = try await authorize(viewer, .readLaborCosts)
        _ = try await loadEmployee(employee, mustBeActive: false)
        return try await labor { try await $0.rateHistory(of: employee) }
    }

    /// What `entry` costs and bills at the rate valid on its work date (see ``LaborCost``).
    public func laborCost(of entry: TimeEntry, as viewer: Performer) async throws(HelpDeskError) -> LaborCost {
        let (ticket, principal) = try await internalTicketAndPrincipal(entry.ticketID, as: viewer)
        try authorize(principal, AccessRequest(.readLaborCosts, ticket: ticket))
        let history = try await labor { try await $0.rateHistory(of: entry.employeeID) }
        do {
            return try LaborCost(entry: entry, rate: EmployeeRate.valid(on: entry.workDate, in: history))
        } catch {
            throw .money(error)
        }
    }

    /// Minutes, cost and billing of `entries`, each priced at its own work date's rate.
    ///
    /// This is the hook the billing work uses: the billable entries of a ticket, priced, become
    /// lines of the ticket's specification.
    public func laborTotals(of entries: [TimeEntry], as viewer: Performer) async throws(HelpDeskError) -> LaborTotals {
        for id in Set(entries.map(\.ticketID)) {
            let (ticket, principal) = try await internalTicketAndPrincipal(id, as: viewer)
            try authorize(principal, AccessRequest(.readLaborCosts, ticket: ticket))
        }
        var histories: [EmployeeID: [EmployeeRate]] = [:]
        var totals = LaborTotals()
        for entry in entries {
            if histories[entry.employeeID] == nil {
                histories[entry.employeeID] = try await labor { try await $0.rateHistory(of: entry.employeeID) }
            }
            do {
                try totals.add(
                    LaborCost(
                        entry: entry, rate: EmployeeRate.valid(on: entry.workDate, in: histories[entry.employeeID]!)))
            } catch {
                throw .money(error)
            }
        }
        return totals
    }
}
