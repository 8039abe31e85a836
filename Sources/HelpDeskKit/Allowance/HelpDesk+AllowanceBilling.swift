import Foundation

extension HelpDesk {
    /// Makes the lines of `ticketID`'s specification beyond `period`'s allowance in `measure` match
    /// `uses`: per entry beyond it, an hourly line of the labor item for minutes or one visit item
    /// for a visit, at the contract's price or the list's. Without such an item priced now the
    /// overage stays unbilled (the statement shows it).
    func billOverage(
        of ticketID: TicketID, in period: ServicePeriod, _ measure: AllowanceMeasure, of contract: Contract,
        uses: [AllowanceUse], by performer: Performer, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        let reference = AllowanceReference(periodID: period.id, measure: measure)
        let wanted = uses.filter { $0.ticketID == ticketID && $0.excess > 0 }
        let current = (try await pendingSpecification(of: ticketID, in: work))?.lines ?? []
        let billed = current.filter { $0.exceedsAllowance == reference }
        let same =
            billed.count == wanted.count
            && zip(billed, wanted).allSatisfy { $0.timeEntryID == $1.entryID && $0.quantity == Int64($1.excess) }
        guard !same else { return }
        var lines: [SpecificationLine] = []
        let now = clock.now()
        if !wanted.isEmpty, let pricing = try await overagePricing(of: measure, under: contract, at: now) {
            let included = period.included(measure) ?? 0
            let limit = measure == .visits ? "\(included) visits" : "\(included) min"
            lines = wanted.map { use in
                SpecificationLine(
                    id: nextID(), itemID: pricing.item.id,
                    description: "\(pricing.item.name) \(use.workDate), beyond the \(limit) included",
                    pricing: pricing.item.pricing, quantity: Int64(use.excess), unitPrice: pricing.price,
                    coverage: .billable, rounding: configuration.billing.hourlyRounding, timeEntryID: use.entryID,
                    exceedsAllowance: reference)
            }
        }
        guard !(billed.isEmpty && lines.isEmpty) else { return }
        // The ticket as this unit leaves it (an update may be moving it to this contract).
        let pending = work.ticketWrites.last { $0.ticket.id == ticketID }?.ticket
        let ticket: Ticket
        if let pending { ticket = pending } else { ticket = try await loadTicket(ticketID) }
        _ = try await changeSpecification(of: ticket, at: now, by: performer, into: &work) { all throws(HelpDeskError) in
            all.removeAll { $0.exceedsAllowance == reference }
            all += lines
        }
    }

    /// The item work beyond an allowance in `measure` is billed with (the labor item, hourly, for
    /// minutes; the visit item, per item or fixed, for visits) and its price under `contract` at
    /// `instant`, or `nil` when the desk has no such item priced then.
    private func overagePricing(of measure: AllowanceMeasure, under contract: Contract, at instant: Date)
        async throws(HelpDeskError) -> (item: PriceListItem, price: Price)?
    {
        let code = measure == .visits ? configuration.billing.visitItemCode : configuration.billing.laborItemCode
        guard let code else { return nil }
        let item: PriceListItem
        do { item = try await priceListItem(code: code, at: instant) } catch {
            if case .priceNotValid = error.reason { return nil }
            if case .priceListCodeNotFound = error.reason { return nil }
            throw error
        }
        // Minutes are priced per hour, a visit per visit: an item priced otherwise cannot bill them.
        guard (measure == .visits) == (item.pricing != .perHour) else { return nil }
        return (item, try await validPrice(of: item.id, under: contract.id, at: instant))
    }

    /// Adds an alert event to the contract's manager for each threshold the usage newly reaches.
    func announceAllowance(
        _ usage: inout AllowanceUsage, of period: ServicePeriod, of contract: Contract, by performer: Performer,
        into work: inout UnitOfWork
    ) throws(HelpDeskError) {
        let included = period.included(usage.measure) ?? 0
        let consumed = usage.consumed
        let reached = AllowanceAllocation.thresholdsReached(
            consumed: consumed, included: included, alertPercent: period.laborAlertPercent,
            alreadySent: usage.alertsSent)
        guard !reached.isEmpty, usage.logged > 0 else { return }
        usage.alertsSent += reached
        for percent in reached {
            work.events.append(
                PendingEvent(
                    id: nextID(),
                    event: .allowanceAlert(
                        contract: contract.id, number: contract.number, period: period.id, measure: usage.measure,
                        percent: percent, consumed: consumed, included: included),
                    performer: performer, audience: Audience(employeeIDs: contract.managerID.map { [$0] } ?? []),
                    occurredAt: clock.now()))
        }
    }
}
