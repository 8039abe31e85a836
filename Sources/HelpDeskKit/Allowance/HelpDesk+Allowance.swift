import Foundation
import WorkingTime

/// A time entry before and after a labor change, with its ticket before and after (`nil` entry:
/// none on that side).
struct LaborChange {
    var old: TimeEntry?
    var new: TimeEntry?
    var oldTicket: Ticket
    var ticket: Ticket

    init(old: TimeEntry?, new: TimeEntry?, ticket: Ticket, oldTicket: Ticket? = nil) {
        self.old = old
        self.new = new
        self.ticket = ticket
        self.oldTicket = oldTicket ?? ticket
    }
}

/// A service period whose included work a time entry consumes.
private struct AllowanceKey: Hashable {
    var contractID: ContractID
    var periodID: ServicePeriodID
}

extension HelpDesk {
    /// Re-allocates every allowance `changes` touch and adds to `work`: the usage records, the
    /// overage lines of each ticket whose share beyond an allowance changed, and the alerts
    /// newly reached.
    ///
    /// An entry is tracked when the contract covers it (it is not marked billable: billable time is
    /// outside the contract and billed in full) and its work date falls in a service period of the
    /// ticket's contract that includes labor minutes. Each usage record is written
    /// under its revision, so concurrent changes to one period retry from fresh reads.
    func rebalanceAllowances(for changes: [LaborChange], in context: inout CommandContext)
        async throws(HelpDeskError)
    {
        var removed: [AllowanceKey: Set<TimeEntryID>] = [:]
        var added: [AllowanceKey: [AllowanceUse]] = [:]
        var contracts: [ContractID: Contract] = [:]
        for change in changes {
            if let old = change.old, let key = try await trackingKey(of: old, on: change.oldTicket, cache: &contracts) {
                removed[key, default: []].insert(old.id)
            }
            if let new = change.new, let key = try await trackingKey(of: new, on: change.ticket, cache: &contracts) {
                added[key, default: []].append(
                    AllowanceUse(
                        entryID: new.id, ticketID: new.ticketID, workDate: new.workDate, loggedAt: new.createdAt,
                        units: new.chargedMinutes))
            }
        }
        let keys = Set(removed.keys).union(added.keys).sorted { ($0.contractID, $0.periodID) < ($1.contractID, $1.periodID) }
        guard !keys.isEmpty else { return }
        // This engine's commands on one period take turns; other engines are caught by the revision.
        await holdLanes(Set(keys.map { "allowance/\($0.contractID)/\($0.periodID)" }), in: &context)
        for key in keys {
            guard let contract = contracts[key.contractID],
                let period = contract.periods.first(where: { $0.id == key.periodID })
            else { continue }
            try await rebalance(
                period, of: contract, removing: removed[key] ?? [], adding: added[key] ?? [],
                by: context.performer, into: &context.work)
        }
    }

    /// Moves the contract work logged on a ticket whose contract changed from `before` to `after`
    /// from the old contract's allowances to the new one's.
    func moveAllowances(of before: Ticket, to after: Ticket, in context: inout CommandContext)
        async throws(HelpDeskError)
    {
        let entries = try await labor { try await $0.timeEntries(on: after.id) }.filter { !$0.billable }
        guard !entries.isEmpty else { return }
        try await rebalanceAllowances(
            for: entries.map { LaborChange(old: $0, new: $0, ticket: after, oldTicket: before) }, in: &context)
    }

    /// The service period whose allowance `entry` on `ticket` consumes, if any.
    private func trackingKey(of entry: TimeEntry, on ticket: Ticket, cache: inout [ContractID: Contract])
        async throws(HelpDeskError) -> AllowanceKey?
    {
        guard !entry.billable, let contractID = ticket.contractID else { return nil }
        let contract: Contract
        if let cached = cache[contractID] {
            contract = cached
        } else {
            guard let stored = try await storage({ try await contractStore.contract(contractID) }) else { return nil }
            cache[contractID] = stored
            contract = stored
        }
        guard let start = laborDayStart(entry.workDate), let period = contract.period(at: start),
            period.includedLaborMinutes != nil
        else { return nil }
        return AllowanceKey(contractID: contractID, periodID: period.id)
    }

    /// The first instant of `date` in the labor time zone.
    func laborDayStart(_ date: LocalDate) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = configuration.labor.timeZone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
    }

    private func rebalance(
        _ period: ServicePeriod, of contract: Contract, removing removed: Set<TimeEntryID>, adding added: [AllowanceUse],
        by performer: Performer, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        let included = period.includedLaborMinutes ?? 0
        let stored = try await allowances { try await $0.allowanceUsage(contract: contract.id, period: period.id) }
        let before = stored ?? AllowanceUsage(contractID: contract.id, periodID: period.id, revision: 0)
        var usage = before
        usage.uses.removeAll { removed.contains($0.entryID) }
        usage.uses += added
        usage.uses = AllowanceAllocation.allocate(usage.uses, included: included)
        let previous = Dictionary(before.uses.map { ($0.entryID, $0) }, uniquingKeysWith: { first, _ in first })
        // A ticket whose settled specification billed its split keeps it: freeze and allocate again.
        var settled: Set<TicketID> = []
        while true {
            let moved = Self.ticketsWithMovedExcess(usage.uses, previous: previous, removed: removed, added: added)
            var froze = false
            for ticket in moved.subtracting(settled) where try await pendingSpecification(of: ticket, in: work)?.isSettled == true {
                settled.insert(ticket)
                for index in usage.uses.indices where usage.uses[index].ticketID == ticket {
                    guard let old = previous[usage.uses[index].entryID], !added.contains(where: { $0.entryID == old.entryID })
                    else { continue }
                    usage.uses[index].covered = old.covered
                    usage.uses[index].excess = old.excess
                    usage.uses[index].isFrozen = true
                    froze = true
                }
            }
            guard froze else { break }
            usage.uses = AllowanceAllocation.allocate(usage.uses, included: included)
        }
        let moved = Self.ticketsWithMovedExcess(usage.uses, previous: previous, removed: removed, added: added)
        for ticket in moved.subtracting(settled).sorted() {
            try await billOverage(of: ticket, in: period, of: contract, uses: usage.uses, by: performer, into: &work)
        }
        try announceAllowance(&usage, of: period, of: contract, by: performer, into: &work)
        guard usage != before else { return }
        usage.revision = before.revision + 1
        work.allowanceUsageWrites.append(AllowanceUsageWrite(usage: usage, expectedRevision: stored?.revision))
    }

    /// Tickets whose entries' share beyond the allowance differs from `previous`, or that gained
    /// or lost a tracked entry.
    private static func ticketsWithMovedExcess(
        _ uses: [AllowanceUse], previous: [TimeEntryID: AllowanceUse], removed: Set<TimeEntryID>,
        added: [AllowanceUse]
    ) -> Set<TicketID> {
        var tickets = Set(added.map(\.ticketID))
        for use in uses where previous[use.entryID]?.excess != use.excess { tickets.insert(use.ticketID) }
        for id in removed { if let old = previous[id] { tickets.insert(old.ticketID) } }
        return tickets
    }

    /// Makes the overage lines of `ticketID`'s specification for `period` match `uses`: one hourly
    /// line of the labor item per entry beyond the allowance, at the contract's price or the
    /// list's. Without a labor item priced now the overage stays unbilled (the statement shows it).
    private func billOverage(
        of ticketID: TicketID, in period: ServicePeriod, of contract: Contract, uses: [AllowanceUse],
        by performer: Performer, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        let wanted = uses.filter { $0.ticketID == ticketID && $0.excess > 0 }
        let current = (try await pendingSpecification(of: ticketID, in: work))?.lines ?? []
        let billed = current.filter { $0.exceedsAllowanceOf == period.id }
        let same =
            billed.count == wanted.count
            && zip(billed, wanted).allSatisfy { $0.timeEntryID == $1.entryID && $0.quantity == Int64($1.excess) }
        guard !same else { return }
        var lines: [SpecificationLine] = []
        let now = clock.now()
        if !wanted.isEmpty, let pricing = try await overagePricing(under: contract, at: now) {
            lines = wanted.map { use in
                SpecificationLine(
                    id: nextID(), itemID: pricing.item.id,
                    description: "\(pricing.item.name) \(use.workDate), beyond the \(period.includedLaborMinutes ?? 0) min included",
                    pricing: .perHour, quantity: Int64(use.excess), unitPrice: pricing.price, coverage: .billable,
                    rounding: configuration.billing.hourlyRounding, timeEntryID: use.entryID,
                    exceedsAllowanceOf: period.id)
            }
        }
        guard !(billed.isEmpty && lines.isEmpty) else { return }
        // The ticket as this unit leaves it (an update may be moving it to this contract).
        let pending = work.ticketWrites.last { $0.ticket.id == ticketID }?.ticket
        let ticket: Ticket
        if let pending { ticket = pending } else { ticket = try await loadTicket(ticketID) }
        _ = try await changeSpecification(of: ticket, at: now, by: performer, into: &work) { all throws(HelpDeskError) in
            all.removeAll { $0.exceedsAllowanceOf == period.id }
            all += lines
        }
    }

    /// The labor item and its price under `contract` at `instant`, or `nil` when the desk has no
    /// labor item priced then.
    private func overagePricing(under contract: Contract, at instant: Date) async throws(HelpDeskError)
        -> (item: PriceListItem, price: Price)?
    {
        guard let code = configuration.billing.laborItemCode else { return nil }
        let item: PriceListItem
        do { item = try await priceListItem(code: code, at: instant) } catch {
            if case .priceNotValid = error.reason { return nil }
            if case .priceListCodeNotFound = error.reason { return nil }
            throw error
        }
        return (item, try await validPrice(of: item.id, under: contract.id, at: instant))
    }

    /// Adds an alert event to the contract's manager for each threshold the usage newly reaches.
    private func announceAllowance(
        _ usage: inout AllowanceUsage, of period: ServicePeriod, of contract: Contract, by performer: Performer,
        into work: inout UnitOfWork
    ) throws(HelpDeskError) {
        let included = period.includedLaborMinutes ?? 0
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
                        contract: contract.id, number: contract.number, period: period.id, percent: percent,
                        consumed: consumed, included: included),
                    performer: performer, audience: Audience(employeeIDs: contract.managerID.map { [$0] } ?? []),
                    occurredAt: clock.now()))
        }
    }
}
