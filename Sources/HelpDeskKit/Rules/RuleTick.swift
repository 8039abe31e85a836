import Foundation
import WorkingTime

/// A time rule that fired on a ticket in a tick.
public struct RuleTickFiring: Hashable, Sendable {
    /// The rule.
    public var rule: AutomationRuleID
    /// The ticket.
    public var ticket: TicketNumber

    /// Describes a firing.
    public init(rule: AutomationRuleID, ticket: TicketNumber) {
        self.rule = rule
        self.ticket = ticket
    }
}

/// A ticket on which a tick's time rules could not fire (a cascade too deep, a conflict that kept
/// recurring): nothing of that firing was committed, and the next tick tries again.
public struct RuleTickFailure: Hashable, Sendable {
    /// The ticket.
    public var ticket: TicketNumber
    /// Why.
    public var error: HelpDeskError
}

extension TickHook {
    /// Fires the time rules whose conditions hold, once per ticket and condition episode, and ends
    /// the episodes whose conditions no longer hold; after the tick's other work, so the rules see
    /// the tick's returns to work and SLA announcements.
    static let timeRules = TickHook(name: "time-rules", runsAfterOthers: true) {
        desk, now, report throws(HelpDeskError) in
        try await desk.runTimeRules(now: now, report: &report)
    }
}

extension HelpDesk {
    /// The most episodes one unit of work ends.
    static let episodeEndsPerUnit = 1_000

    /// One tick of the time rules (see Automation.md, "Time-based rules"):
    ///
    /// 1. One read of the rules, the open episodes and the tickets; every ticket not closed or
    ///    cancelled is evaluated against every active time rule at `now` (in parallel slices).
    /// 2. Episodes whose conditions no longer hold end (as do those of closed or cancelled tickets,
    ///    and of rules deleted or no longer time rules); a paused rule's episodes stay.
    /// 3. The tickets with due firings fire oldest first (creation, then number), each in its own
    ///    unit of work, until ``RuleSettings/maximumTimeFiringsPerTick``; the rest wait for the next
    ///    tick and are counted in ``TickReport/deferredRuleFirings``. Only the rules found due fire: a
    ///    rule whose conditions a firing makes true fires at the next tick, so a tick's count is
    ///    known before it fires, and several capped ticks fire exactly what one uncapped tick would.
    func runTimeRules(now: Date, report: inout TickReport) async throws(HelpDeskError) {
        guard let found = try await scanForTimeRules(at: now) else { return }
        try await end(found.ended)
        report.endedRuleEpisodes += found.ended.count
        let due = found.due.sorted { ($0.createdAt, $0.number) < ($1.createdAt, $1.number) }
        let cap = configuration.rules.maximumTimeFiringsPerTick
        var spent = 0
        for (index, ticket) in due.enumerated() {
            // A ticket's firings are never split: the first goes whatever its count, the others
            // only within the cap.
            if spent > 0, spent + ticket.firings > cap {
                report.deferredRuleFirings += due[index...].reduce(0) { $0 + $1.firings }
                break
            }
            do {
                let fired = try await fireTimeRules(
                    on: ticket.ticketID, plans: ticket.rules.map { found.plans[$0] }, at: now)
                spent += fired.count
                report.ruleFirings += fired.map { RuleTickFiring(rule: $0.rule.id, ticket: ticket.number) }
            } catch  where ![.storage, .unavailable, .misconfigured].contains(error.code) {
                report.ruleFailures.append(RuleTickFailure(ticket: ticket.number, error: error))
            }
        }
    }

    /// Reads the time rules, the open episodes and the tickets, and scans them (`nil` when there
    /// is no active time rule and no open episode); tickets on a location's own calendar are
    /// scanned again once those calendars are loaded (one read per location). The tickets and
    /// episodes read are released on return, before any unit commits (an in-memory store would
    /// otherwise copy its tables at the first commit).
    private func scanForTimeRules(at now: Date) async throws(HelpDeskError) -> RuleTickScan.Result? {
        guard let episodeStore = try optionalFeature((any RuleEpisodeRepository).self),
            let ruleStore = try optionalFeature((any AutomationRepository).self)
        else { return nil }
        let timeRules = try await storage { try await ruleStore.rules() }.filter { $0.triggers.contains(.time) }
        let active = timeRules.filter(\.isActive)
        let open = try await storage { try await episodeStore.ruleEpisodesByTicket() }
        guard !active.isEmpty || !open.isEmpty else { return nil }
        let scan = RuleTickScan(
            plans: active.map { TimeRulePlan($0, workflow: workflow) }, instant: now, workflow: workflow,
            sla: configuration.sla, zoned: zonedCalendars, open: open,
            paused: Set(timeRules.filter { !$0.isActive }.map(\.id)), active: Set(active.map(\.id)))
        let tickets = try await storage { try await store.tickets(in: TicketScan()) }
        var result = scan.scanAll(tickets)
        guard !result.pending.isEmpty else { return result }
        var locations: [LocationID: BusinessCalendar?] = [:]
        for id in result.locations.sorted() {
            locations[id] = .some(try await storage { try await companyStore.location(id) }?.calendar)
        }
        let rest = scan.scan(tickets, result.pending, locations: locations)
        result.due += rest.due
        result.ended += rest.ended
        result.pending = rest.pending
        return result
    }

    /// Ends `episodes`, a thousand per unit of work. Ending is idempotent (an episode already ended,
    /// or replaced by a later one, stays as it is), so these units never conflict.
    private func end(_ episodes: [RuleEpisode]) async throws(HelpDeskError) {
        for start in stride(from: 0, to: episodes.count, by: Self.episodeEndsPerUnit) {
            let part = Array(episodes[start..<min(episodes.count, start + Self.episodeEndsPerUnit)])
            let _: Done = try await perform(by: .system) { context throws(HelpDeskError) in
                context.work.ruleEpisodeEnds = part
                return Done()
            }
        }
    }

    /// Fires the due time rules `plans` on one ticket, under its lock and from fresh reads: in
    /// priority order, each whose conditions still hold and that has no open episode applies its
    /// actions (seeing the earlier ones' changes) and opens its episode. The edit then goes through the
    /// normal pipeline, so `ticketChanged` rules cascade (with the depth limit), SLA clocks follow
    /// and events go out; every firing is audited. One unit of work: a second engine firing the
    /// same episode conflicts on the episode (and the ticket), and its retry finds it open.
    func fireTimeRules(on id: TicketID, plans: [TimeRulePlan], at now: Date) async throws(HelpDeskError)
        -> [RuleFiring]
    {
        try await perform(by: .system, editing: [id]) { context throws(HelpDeskError) in
            guard let ticket = try await storage({ try await store.ticket(id) }),
                RuleTickScan.isInScope(ticket, workflow)
            else { return [] }
            let open = Set(try await episodes { try await $0.ruleEpisodes(on: id) }.map(\.ruleID))
            let candidates = plans.filter { !open.contains($0.rule.id) }
            guard !candidates.isEmpty else { return [] }
            let working =
                candidates.contains { !$0.working.isEmpty } ? try await ruleWorkingClock(for: ticket, at: now) : nil
            var edit = TicketEdit(ticket, by: .system, at: now)
            var firings: [RuleFiring] = []
            for plan in candidates {
                var subject = RuleSubject(ticket: edit.ticket, original: edit.original, at: now)
                var resolved = false
                let bit = RuleTickFilter.bit(of: edit.ticket.status, in: workflow)
                guard
                    plan.matches(&subject, statusBit: bit, resolved: &resolved, resolve: { _ in .some(working) })
                        == true
                else { continue }
                let before = edit.ticket
                let skipped = try await apply(plan.rule.definition.actions, to: &edit)
                firings.append(RuleFiring(rule: plan.rule, skipped: skipped, changedTicket: edit.ticket != before))
                context.work.ruleEpisodeStarts.append(
                    RuleEpisode(id: nextID(), ruleID: plan.rule.id, ticketID: id, firedAt: now))
            }
            guard !firings.isEmpty else { return [] }
            try await record(&edit, into: &context.work)
            for firing in firings {
                let skipped = firing.skipped.isEmpty ? "" : "; skipped: " + firing.skipped.joined(separator: "; ")
                context.work.auditEntries.append(
                    AuditEntry(
                        id: nextID(), ticketID: id, field: .automation, oldValue: nil,
                        newValue: "rule «\(firing.rule.name)» (priority \(firing.rule.priority))" + skipped,
                        performer: .system, at: now))
            }
            return firings
        }
    }
}
