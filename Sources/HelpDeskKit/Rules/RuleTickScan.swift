import Foundation
import WorkingTime

/// A time rule prepared for a tick: its `all` field conditions folded into a ``RuleTickFilter``
/// checked on the stored ticket, the other conditions split into those the ticket alone answers,
/// cheapest first, and those that count working minutes (they need the ticket's calendar, looked
/// up only when the others leave the outcome open). None of this changes the outcome: the
/// conditions are pure, so their order does not matter.
final class TimeRulePlan: Sendable {
    /// The rule.
    let rule: AutomationRule
    /// Its identifier (read for every ticket with episodes, without touching the rule).
    let ruleID: AutomationRuleID
    /// How its conditions combine.
    let match: RuleMatch
    /// The field conditions of an `all` rule (an `any` rule's filter admits every ticket).
    let filter: RuleTickFilter
    /// The other conditions without working minutes, cheapest first.
    let plain: [RuleCondition]
    /// Conditions counting working minutes.
    let working: [RuleCondition]
    /// `true` for an `all` rule whose conditions the filter holds entirely.
    let filterDecides: Bool

    init(_ rule: AutomationRule, workflow: Workflow) {
        self.rule = rule
        ruleID = rule.id
        match = rule.match
        var filter = RuleTickFilter()
        var rest = rule.conditions
        if match == .all { rest.removeAll { filter.absorb($0, workflow: workflow) } }
        self.filter = filter
        plain = rest.filter { !$0.countsWorkingTime }.enumerated()
            .sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }.map(\.element)
        working = rest.filter(\.countsWorkingTime)
        filterDecides = match == .all && rest.isEmpty
    }

    /// Whether the rule's conditions hold for the subject's ticket, whose status has `statusBit`
    /// (``RuleTickFilter/bit(of:in:)``); `nil` when that needs a calendar `resolve` cannot give
    /// yet (a location's own calendar not loaded).
    func matches(
        _ subject: inout RuleSubject, statusBit: UInt64, resolved: inout Bool, resolve: (Ticket) -> RuleWorkingClock??
    ) -> Bool? {
        switch match {
        case .all:
            // `allSatisfy` lends each condition; a `for` loop would copy (retain) it.
            guard filter.admits(subject.ticket, statusBit: statusBit), plain.allSatisfy({ subject.holds($0) }) else {
                return false
            }
            guard !working.isEmpty else { return true }
        case .any:
            if plain.contains(where: { subject.holds($0) }) { return true }
            guard !working.isEmpty else { return false }
        }
        // What the ticket alone rules out needs no calendar.
        let possible =
            match == .all
            ? working.allSatisfy({ subject.mayHoldOnTime($0) }) : working.contains(where: { subject.mayHoldOnTime($0) })
        guard possible else { return false }
        if !resolved {
            guard let clock = resolve(subject.ticket) else { return nil }
            subject.working = clock
            resolved = true
        }
        return match == .all
            ? working.allSatisfy({ subject.holds($0) }) : working.contains(where: { subject.holds($0) })
    }
}

extension RuleCondition {
    /// A rough evaluation cost, for ordering: set lookups first, then SLA and elapsed arithmetic,
    /// then windows and text.
    var cost: Int {
        switch self {
        case .priority, .channel, .status, .category, .company, .location, .contract, .group, .assignee: 0
        case .slaBreached, .slaWarned, .elapsed, .unanswered, .slaBreachedFor, .changed: 1
        case .within(.daily): 3
        case .within(.workingHours): 2
        case .textContains: 4
        case .was(let inner), .not(let inner): inner.cost
        }
    }
}

/// What one tick finds on the stored tickets: the time-rule firings due (a rule whose conditions
/// hold with no open episode) and the episodes that ended. Pure: it reads a snapshot of tickets
/// and episodes, so it runs in parallel slices.
struct RuleTickScan: Sendable {
    /// A ticket with firings due.
    struct Due: Sendable {
        var ticketID: TicketID
        var number: TicketNumber
        var createdAt: Date
        /// Its due rules (positions in ``Result/plans``), by priority.
        var rules: [Int]
        /// How many of its rules are due.
        var firings: Int { rules.count }
    }

    /// The scan of some tickets.
    struct Result: Sendable {
        /// The rules scanned, by priority (``Due/rules`` are positions in it).
        var plans: [TimeRulePlan] = []
        var due: [Due] = []
        var ended: [RuleEpisode] = []
        /// Tickets (their positions) whose calendar is a location's own, not loaded yet.
        var pending: [Int] = []
        /// Those locations.
        var locations: Set<LocationID> = []
    }

    /// The active time rules, by priority.
    let plans: [TimeRulePlan]
    /// The instant of the tick.
    let instant: Date
    let workflow: Workflow
    let sla: SLAConfiguration
    /// The engine's calendars on clients' wall clocks.
    let zoned: ZonedCalendars
    /// Open episodes by ticket.
    let open: [TicketID: [RuleEpisode]]
    /// Paused time rules: their episodes stay open (nothing is evaluated while paused).
    let paused: Set<AutomationRuleID>
    /// Active time rules, by identifier, for the episodes.
    let active: Set<AutomationRuleID>

    /// Scans `tickets` at `positions` with the location calendars loaded so far.
    func scan(_ tickets: [Ticket], _ positions: some Sequence<Int>, locations: [LocationID: BusinessCalendar?])
        -> Result
    {
        var result = Result(plans: plans)
        let calendars = RuleTickCalendars(sla: sla, zoned: zoned, instant: instant, locations: locations)
        // Each slice evaluates its own copies of the plans: retaining objects another core retains
        // too would make both wait on the same cache lines.
        let local = plans.map { TimeRulePlan($0.rule, workflow: workflow) }
        // The buffers lend their elements: subscripting the arrays would copy each ticket and plan.
        tickets.withUnsafeBufferPointer { tickets in
            local.withUnsafeBufferPointer { plans in
                for position in positions where !scan(tickets[position], plans, calendars, into: &result) {
                    result.pending.append(position)
                    if let location = RuleCalendarKey(tickets[position], sla)?.locationNeeded {
                        result.locations.insert(location)
                    }
                }
            }
        }
        return result
    }

    /// Scans every ticket, in parallel slices on all cores when there are many; slices' results
    /// are joined in ticket order, so the outcome is the same on any number of cores.
    func scanAll(_ tickets: [Ticket]) -> Result {
        let slice = 32_768
        let slices = (tickets.count + slice - 1) / slice
        guard slices > 1 else { return scan(tickets, tickets.indices, locations: [:]) }
        let parts = Parallel.map(slices) { index in
            scan(tickets, index * slice..<min(tickets.count, (index + 1) * slice), locations: [:])
        }
        var joined = Result(plans: plans)
        for part in parts {
            joined.due += part.due
            joined.ended += part.ended
            joined.pending += part.pending
            joined.locations.formUnion(part.locations)
        }
        return joined
    }

    /// Adds `ticket`'s due firings and ended episodes; `false` (nothing added) when it needs a
    /// location calendar not loaded.
    private func scan(
        _ ticket: Ticket, _ plans: UnsafeBufferPointer<TimeRulePlan>, _ calendars: RuleTickCalendars,
        into result: inout Result
    ) -> Bool {
        let episodes = open.isEmpty ? [] : open[ticket.id] ?? []
        // One lookup of the status gives both the scope and the status bit.
        guard let position = workflow.position(of: ticket.status),
            ![.closed, .cancelled].contains(workflow.statuses[position].category)
        else {
            result.ended += episodes
            return true
        }
        let statusBit: UInt64 = position < 64 ? 1 << UInt64(position) : 0
        // Made only when a rule gets past its filter (it copies the ticket). Time rules ask nothing
        // of the ticket before a change (`changed` and `was` are refused): no original.
        var subject: RuleSubject?
        var resolved = false
        var due: [Int] = []
        var ended: [RuleEpisode] = []
        // Made once: a closure capturing the ticket would copy it for every rule.
        let resolve = { (ticket: Ticket) in calendars.clock(for: ticket) }
        for index in plans.indices {
            let plan = plans[index]
            let holds: Bool
            if plan.match == .all, !plan.filter.admits(ticket, statusBit: statusBit) {
                holds = false
            } else if plan.filterDecides {
                holds = true
            } else {
                if subject == nil { subject = RuleSubject(ticket: ticket, original: nil, at: instant) }
                guard let outcome = plan.matches(&subject!, statusBit: statusBit, resolved: &resolved, resolve: resolve)
                else { return false }
                holds = outcome
            }
            if episodes.isEmpty {
                if holds { due.append(index) }
                continue
            }
            let episode = episodes.first { $0.ruleID == plan.ruleID }
            if holds, episode == nil { due.append(index) }
            if !holds, let episode { ended.append(episode) }
        }
        for episode in episodes where !active.contains(episode.ruleID) && !paused.contains(episode.ruleID) {
            ended.append(episode)
        }
        result.ended += ended
        if !due.isEmpty {
            result.due.append(Due(ticketID: ticket.id, number: ticket.number, createdAt: ticket.createdAt, rules: due))
        }
        return true
    }

    /// `true` for the tickets time rules consider: every status but closed and cancelled ones.
    static func isInScope(_ ticket: Ticket, _ workflow: Workflow) -> Bool {
        switch workflow.category(of: ticket.status) {
        case .new?, .open?, .waiting?, .resolved?: true
        case .closed?, .cancelled?, nil: false
        }
    }
}

/// The working clocks of one scan slice, one per calendar (and shared by every ticket on it, so
/// each "N working minutes" cut-off is found once).
final class RuleTickCalendars {
    private let sla: SLAConfiguration
    private let zoned: ZonedCalendars
    private let instant: Date
    private let locations: [LocationID: BusinessCalendar?]
    private var clocks: [RuleCalendarKey: RuleWorkingClock?] = [:]
    /// The clock given last.
    private var last: (key: RuleCalendarKey, clock: RuleWorkingClock?)?

    init(sla: SLAConfiguration, zoned: ZonedCalendars, instant: Date, locations: [LocationID: BusinessCalendar?]) {
        self.sla = sla
        self.zoned = zoned
        self.instant = instant
        self.locations = locations
    }

    /// The ticket's clock: `.some(nil)` when it has no calendar, `nil` when it needs a location's
    /// calendar not loaded.
    func clock(for ticket: Ticket) -> RuleWorkingClock?? {
        guard let key = RuleCalendarKey(ticket, sla) else { return .some(nil) }
        // Neighbouring tickets mostly share a calendar: compare before hashing.
        if let last, last.key == key { return .some(last.clock) }
        if let known = clocks[key] {
            last = (key, known)
            return .some(known)
        }
        if let location = key.locationNeeded, locations[location] == nil { return nil }
        let clock = key.calendar(sla, locations: locations, zoned: zoned).map {
            RuleWorkingClock(calendar: $0, instant: instant, caching: true)
        }
        clocks[key] = clock
        last = (key, clock)
        return .some(clock)
    }
}
