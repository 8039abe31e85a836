import Foundation
import WorkingTime

/// A time rule prepared for a tick: its conditions split into those the ticket alone answers,
/// cheapest first, and those that count working minutes (they need the ticket's calendar, looked
/// up only when the others leave the outcome open). Splitting does not change the outcome: the
/// conditions are pure, so their order does not matter.
struct TimeRulePlan: Sendable {
    /// The rule.
    let rule: AutomationRule
    /// How its conditions combine.
    let match: RuleMatch
    /// Conditions without working minutes, cheapest first.
    let plain: [RuleCondition]
    /// Conditions counting working minutes.
    let working: [RuleCondition]

    init(_ rule: AutomationRule) {
        self.rule = rule
        match = rule.match
        let conditions = rule.conditions
        plain = conditions.filter { !$0.countsWorkingTime }.enumerated()
            .sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }.map(\.element)
        working = conditions.filter(\.countsWorkingTime)
    }

    /// Whether the rule's conditions hold for the subject's ticket; `nil` when that needs a
    /// calendar `resolve` cannot give yet (a location's own calendar not loaded).
    func matches(_ subject: inout RuleSubject, resolved: inout Bool, resolve: () -> RuleWorkingClock??) -> Bool? {
        switch match {
        case .all:
            for condition in plain where !subject.holds(condition) { return false }
            guard !working.isEmpty else { return true }
        case .any:
            if plain.contains(where: subject.holds) { return true }
            guard !working.isEmpty else { return false }
        }
        if !resolved {
            guard let clock = resolve() else { return nil }
            subject.working = clock
            resolved = true
        }
        return match == .all ? working.allSatisfy(subject.holds) : working.contains(where: subject.holds)
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
        /// Its due rules (positions in ``RuleTickScan/plans``), by priority.
        var rules: [Int]
        /// How many of its rules are due.
        var firings: Int { rules.count }
    }

    /// The scan of some tickets.
    struct Result: Sendable {
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
        var result = Result()
        let calendars = RuleTickCalendars(sla: sla, instant: instant, locations: locations)
        for position in positions {
            if !scan(tickets[position], calendars: calendars, into: &result) {
                result.pending.append(position)
                if let location = RuleCalendarKey(tickets[position], sla)?.locationNeeded {
                    result.locations.insert(location)
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
        var joined = Result()
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
    private func scan(_ ticket: Ticket, calendars: RuleTickCalendars, into result: inout Result) -> Bool {
        let episodes = open.isEmpty ? [] : open[ticket.id] ?? []
        guard Self.isInScope(ticket, workflow) else {
            result.ended += episodes
            return true
        }
        var subject = RuleSubject(ticket: ticket, original: ticket, at: instant)
        var resolved = false
        var due: [Int] = []
        var ended: [RuleEpisode] = []
        for (index, plan) in plans.enumerated() {
            guard let holds = plan.matches(&subject, resolved: &resolved, resolve: { calendars.clock(for: ticket) })
            else { return false }
            let episode = episodes.isEmpty ? nil : episodes.first { $0.ruleID == plan.rule.id }
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
    private let instant: Date
    private let locations: [LocationID: BusinessCalendar?]
    private var clocks: [RuleCalendarKey: RuleWorkingClock?] = [:]

    init(sla: SLAConfiguration, instant: Date, locations: [LocationID: BusinessCalendar?]) {
        self.sla = sla
        self.instant = instant
        self.locations = locations
    }

    /// The ticket's clock: `.some(nil)` when it has no calendar, `nil` when it needs a location's
    /// calendar not loaded.
    func clock(for ticket: Ticket) -> RuleWorkingClock?? {
        guard let key = RuleCalendarKey(ticket, sla) else { return .some(nil) }
        if let known = clocks[key] { return .some(known) }
        if let location = key.locationNeeded, locations[location] == nil { return nil }
        let clock = key.calendar(sla, locations: locations).map {
            RuleWorkingClock(calendar: $0, instant: instant, caching: true)
        }
        clocks[key] = clock
        return .some(clock)
    }
}
