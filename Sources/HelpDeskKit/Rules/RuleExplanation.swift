import Foundation

/// Why a rule would or would not fire on a ticket now.
public struct RuleExplanation: Hashable, Sendable {
    /// One condition and whether it holds.
    public struct ConditionResult: Hashable, Sendable {
        /// The condition.
        public var condition: RuleCondition
        /// `true` when it holds.
        public var holds: Bool
    }

    /// The rule.
    public var rule: AutomationRule
    /// `false` for a paused rule.
    public var isActive: Bool
    /// Each condition, in order, evaluated on the ticket as stored at the reading instant (as for
    /// a change: ``RuleCondition/changed(_:)`` and ``RuleCondition/was(_:)`` compare it with itself).
    public var conditions: [ConditionResult]
    /// `true` when the conditions match (combined by the rule's ``AutomationRule/match``).
    public var matches: Bool
    /// The first condition that failed for an `all` rule, if any: the reason it does not fire.
    public var firstFailure: RuleCondition?
    /// The instant the conditions were evaluated at (the clock's; time conditions count up to it).
    public var at: Date
    /// For a time rule, its open episode on the ticket: while there is one, the rule does not fire
    /// on it again; the episode ends at the first tick that finds the conditions no longer hold.
    public var episode: RuleEpisode?
}

extension HelpDesk {
    /// Why `rule` would or would not fire on `ticket` at the clock's instant: each condition's
    /// outcome. Needs ``AccessAction/configureAutomation`` and the ticket's internal read.
    public func explain(_ rule: AutomationRuleID, on ticket: TicketID, as viewer: Performer)
        async throws(HelpDeskError) -> RuleExplanation
    {
        // The ticket's visibility first, so a ticket the viewer may not see stays unseen.
        try await internalTicket(ticket, as: viewer)
        let current = try await loadTicket(ticket)
        try authorize(try await principal(for: viewer), AccessRequest(.configureAutomation, ticket: current))
        let found = try await loadRule(rule)
        let now = clock.now()
        let subject = RuleSubject(
            ticket: current, original: current, at: now,
            working: found.definition.countsWorkingTime ? try await ruleWorkingClock(for: current, at: now) : nil)
        let results = found.conditions.map { RuleExplanation.ConditionResult(condition: $0, holds: subject.holds($0)) }
        let episode =
            found.triggers.contains(.time)
            ? try await episodes { try await $0.ruleEpisodes(on: ticket) }.first { $0.ruleID == rule } : nil
        return RuleExplanation(
            rule: found, isActive: found.isActive, conditions: results, matches: subject.matches(found),
            firstFailure: found.match == .all ? results.first { !$0.holds }?.condition : nil, at: now,
            episode: episode)
    }
}
