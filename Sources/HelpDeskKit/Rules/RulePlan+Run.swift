import Foundation

extension RulePlan {
    /// Runs the rules started by `triggers` on `ticket`: in ascending priority, each at most once,
    /// passes repeating while a rule fires, at most `maximumPasses` of them (then
    /// ``HelpDeskError/Reason/ruleCascadeTooDeep(_:passes:)``). `fire` applies a rule whose
    /// conditions hold and returns the ticket afterwards, or `nil` when its actions left it as it was;
    /// later rules see that ticket.
    ///
    /// Fires exactly the rules, in exactly the order, that evaluating every started rule with
    /// ``RuleSubject/matches(_:)`` would (`RulePlanPropertyTests` check it against that reference).
    ///
    /// `original`: the ticket before the command, `nil` for a new one.
    func run(
        _ triggers: Set<RuleTrigger>, on ticket: Ticket, original: Ticket?, at instant: Date,
        working: RuleWorkingClock? = nil, maximumPasses: Int,
        fire: (AutomationRule) async throws(HelpDeskError) -> Ticket?
    ) async throws(HelpDeskError) {
        guard let started = started(by: triggers) else { return }
        var probe = RuleProbe(RuleSubject(ticket: ticket, original: original, at: instant, working: working))
        // Empty until a rule fires: most commands fire nothing.
        var fired: [UInt64] = []
        var passes = 0
        while true {
            passes += 1
            if passes > maximumPasses {
                throw .ruleCascadeTooDeep(probe.subject.ticket.number, passes: maximumPasses)
            }
            var firedThisPass = false
            var candidates = candidates(started, excluding: fired, for: probe.subject.ticket)
            var next = candidates.firstBit(from: 0)
            while let index = next {
                if probe.satisfies(checks[index]) {
                    if fired.isEmpty { fired = [UInt64](repeating: 0, count: wordCount) }
                    fired.insertBit(index)
                    firedThisPass = true
                    if let changed = try await fire(rules[index]) {
                        probe.update(changed)
                        // The changed ticket may now meet rules its old field values excluded.
                        candidates = self.candidates(started, excluding: fired, for: changed)
                    }
                }
                next = candidates.firstBit(from: index + 1)
            }
            if !firedThisPass { break }
        }
    }
}

/// A ``RuleSubject`` with the ticket's title and description folded at most once per state of the
/// ticket (each `textContains` of each rule would fold them again).
struct RuleProbe {
    /// What the rules look at.
    private(set) var subject: RuleSubject
    private var foldedTitle: String?
    private var foldedDescription: String?

    /// Probes `subject`.
    init(_ subject: RuleSubject) {
        self.subject = subject
    }

    /// Moves on to the ticket as a rule left it.
    mutating func update(_ ticket: Ticket) {
        subject.ticket = ticket
        foldedTitle = nil
        foldedDescription = nil
    }

    /// `true` when the rule's remaining conditions hold, combined by its match.
    mutating func satisfies(_ check: RuleCheck) -> Bool {
        switch check.match {
        case .all:
            for condition in check.conditions where !holds(condition) { return false }
            return true
        case .any:
            for condition in check.conditions where holds(condition) { return true }
            return false
        }
    }

    /// `true` when `condition` holds: as ``RuleSubject/holds(_:)`` says.
    mutating func holds(_ condition: PlannedCondition) -> Bool {
        switch condition {
        case .other(let condition):
            return subject.holds(condition)
        case .contains(let text):
            let title = foldedTitle ?? RuleSubject.folded(subject.ticket.title)
            foldedTitle = title
            if title.contains(text) { return true }
            let description = foldedDescription ?? RuleSubject.folded(subject.ticket.description)
            foldedDescription = description
            return description.contains(text)
        }
    }
}
