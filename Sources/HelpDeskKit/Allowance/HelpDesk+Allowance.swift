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

/// A service period's allowance in one measure that a time entry consumes.
private struct AllowanceKey: Hashable {
    var contractID: ContractID
    var periodID: ServicePeriodID
    var measure: AllowanceMeasure

    /// The order keys are locked and rebalanced in.
    static func < (a: Self, b: Self) -> Bool {
        (a.contractID, a.periodID, a.measure.rawValue) < (b.contractID, b.periodID, b.measure.rawValue)
    }
}

extension HelpDesk {
    /// Re-allocates every allowance `changes` touch and adds to `work`: the usage records, the
    /// overage lines of each ticket whose share beyond an allowance changed, and the alerts
    /// newly reached.
    ///
    /// An entry is tracked when the contract covers it (it is not marked billable: billable time is
    /// outside the contract and billed in full) and its work date falls in a service period of the
    /// ticket's contract that includes labor minutes (each consumes its charged minutes) or visits
    /// (an entry of a visit activity consumes one). Each usage record is written
    /// under its revision, so concurrent changes to one period retry from fresh reads.
    func rebalanceAllowances(for changes: [LaborChange], in context: inout CommandContext)
        async throws(HelpDeskError)
    {
        var removed: [AllowanceKey: Set<TimeEntryID>] = [:]
        var added: [AllowanceKey: [AllowanceUse]] = [:]
        var contracts: [ContractID: Contract] = [:]
        for change in changes {
            if let old = change.old {
                for key in try await trackingKeys(of: old, on: change.oldTicket, cache: &contracts) {
                    removed[key, default: []].insert(old.id)
                }
            }
            if let new = change.new {
                for key in try await trackingKeys(of: new, on: change.ticket, cache: &contracts) {
                    added[key, default: []].append(
                        AllowanceUse(
                            entryID: new.id, ticketID: new.ticketID, workDate: new.workDate, loggedAt: new.createdAt,
                            units: key.measure == .visits ? 1 : new.chargedMinutes))
                }
            }
        }
        let keys = Set(removed.keys).union(added.keys).sorted(by: <)
        guard !keys.isEmpty else { return }
        // This engine's commands on one period take turns; other engines are caught by the revision.
        await holdLanes(
            Set(keys.map { "allowance/\($0.contractID)/\($0.periodID)/\($0.measure.rawValue)" }), in: &context)
        for key in keys {
            guard let contract = contracts[key.contractID],
                let period = contract.periods.first(where: { $0.id == key.periodID })
            else { continue }
            try await rebalance(
                period, in: key.measure, of: contract, removing: removed[key] ?? [], adding: added[key] ?? [],
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

    /// The service-period allowances `entry` on `ticket` consumes: minutes, visits, both or none.
    private func trackingKeys(of entry: TimeEntry, on ticket: Ticket, cache: inout [ContractID: Contract])
        async throws(HelpDeskError) -> [AllowanceKey]
    {
        guard !entry.billable, let contractID = ticket.contractID else { return [] }
        let contract: Contract
        if let cached = cache[contractID] {
            contract = cached
        } else {
            guard let stored = try await storage({ try await contractStore.contract(contractID) }) else { return [] }
            cache[contractID] = stored
            contract = stored
        }
        guard let start = laborDayStart(entry.workDate), let period = contract.period(at: start) else { return [] }
        let isVisit = configuration.labor.activity(entry.activity)?.isVisit == true
        return AllowanceMeasure.allCases.filter { measure in
            period.included(measure) != nil && (measure == .laborMinutes || isVisit)
        }.map { AllowanceKey(contractID: contractID, periodID: period.id, measure: $0) }
    }

    /// The first instant of `date` in the labor time zone.
    func laborDayStart(_ date: LocalDate) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = configuration.labor.timeZone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
    }

    private func rebalance(
        _ period: ServicePeriod, in measure: AllowanceMeasure, of contract: Contract, removing removed: Set<TimeEntryID>,
        adding added: [AllowanceUse], by performer: Performer, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        let included = period.included(measure) ?? 0
        let stored = try await allowances {
            try await $0.allowanceUsage(contract: contract.id, period: period.id, measure: measure)
        }
        let before =
            stored ?? AllowanceUsage(contractID: contract.id, periodID: period.id, measure: measure, revision: 0)
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
            try await billOverage(
                of: ticket, in: period, measure, of: contract, uses: usage.uses, by: performer, into: &work)
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
}
