import Foundation

extension HelpDesk {
    /// The most minutes a time condition may count: 366 days.
    static let maximumRuleMinutes = 527_040

    /// Checks what only time makes possible or impossible: a time rule needs a store that records
    /// episodes; the time trigger stands alone and sees
    /// no change (`changed`, `was`), and a rule run only at registration can match a new ticket
    /// (an `all` rule with a condition it cannot meet, or an `any` rule with only such conditions,
    /// cannot: minutes already passed, a resolution, an SLA state).
    func validateTiming(_ definition: RuleDefinition) throws(HelpDeskError) {
        if definition.triggers.contains(.time) {
            // A store that cannot record episodes could not fire the rule once per episode.
            _ = try feature((any RuleEpisodeRepository).self)
            guard definition.triggers.count == 1 else {
                throw .invalidInput(field: "triggers", problem: .malformed(expected: "the time trigger alone"))
            }
            if definition.conditions.contains(where: \.asksForAChange) {
                throw .invalidInput(
                    field: "conditions", problem: .malformed(expected: "no changed or was condition in a time rule"))
            }
        }
        let conditions = definition.conditions
        let impossible =
            definition.match == .all
            ? conditions.contains(where: \.neverHoldsAtRegistration)
            : !conditions.isEmpty && conditions.allSatisfy(\.neverHoldsAtRegistration)
        if definition.triggers == [.ticketCreated], impossible {
            throw .invalidInput(
                field: "conditions", problem: .malformed(expected: "conditions a ticket being registered can meet"))
        }
    }

    /// Minutes in `0...maximumRuleMinutes`; working minutes need an SLA calendar.
    func validateMinutes(_ minutes: Int, basis: RuleTimeBasis) throws(HelpDeskError) {
        guard (0...Self.maximumRuleMinutes).contains(minutes) else {
            throw .invalidInput(field: "minutes", problem: .outOfRange(0...Self.maximumRuleMinutes))
        }
        if basis == .working, configuration.sla.policies.isEmpty {
            throw .invalidInput(
                field: "basis", problem: .malformed(expected: "calendar minutes: the desk has no SLA calendar"))
        }
    }

    /// SLA state conditions need SLA policies: without them no ticket has clocks.
    func requireSLA() throws(HelpDeskError) {
        guard !configuration.sla.policies.isEmpty else {
            throw .invalidInput(
                field: "conditions", problem: .malformed(expected: "no SLA condition: the desk has no SLA policies"))
        }
    }
}

extension RuleCondition {
    /// `true` when the condition (or one nested in it) compares with the ticket before the command.
    var asksForAChange: Bool {
        switch self {
        case .changed, .was: true
        case .not(let inner): inner.asksForAChange
        default: false
        }
    }

    /// `true` for a top-level condition no ticket meets while being registered: the rules run
    /// before its SLA clocks start, at the instant of its registration, and it is unresolved.
    var neverHoldsAtRegistration: Bool {
        switch self {
        case .elapsed(.resolved, _, _), .slaWarned, .slaBreachedFor: true
        case .elapsed(_, let minutes, _), .unanswered(let minutes, _): minutes > 0
        default: false
        }
    }
}
