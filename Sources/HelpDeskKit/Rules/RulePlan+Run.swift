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
    /// `original`: the ticket before the command, `nil` for a new one; `working`: the ticket's SLA
    /// calendar at `instant`, for working-minute conditions.
    func run(
        _ triggers: Set<RuleTrigger>, on ticket: Ticket, original: Ticket?, at instant: Date,
        working: RuleWorkingClock? = nil, maximumPasses: Int,
        fire: (AutomationRule) async throws(HelpDeskError) -> Ticket?
    ) async throws(HelpDeskError) {
        guard let started = started(by: triggers) else { return }
        var probe = RuleProbe(
            RuleSubject(ticket: ticket, original: original, at: instant, working: working), texts: texts)
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
            probe.restrict(&candidates)
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
                        probe.restrict(&candidates)
                    }
                }
                next = candidates.firstBit(from: index + 1)
            }
            if !firedThisPass { break }
        }
    }
}

/// A ``RuleSubject`` with the plan's texts looked up in the ticket's title and description at
/// most once per state of those texts (one pass of the automaton over each, folded), so each text
/// condition of each rule is a bit test.
struct RuleProbe {
    /// What the rules look at.
    private(set) var subject: RuleSubject
    /// The plan's texts.
    private let texts: PlannedTexts
    /// Per text of the plan, a bit: found in the ticket's title or description; empty until asked.
    private var found: [UInt64] = []
    /// The rules the found texts allow (``PlannedTexts/allowed(found:)``); empty until asked.
    private var allowed: [UInt64] = []

    /// Probes `subject` for the plan's `texts`.
    init(_ subject: RuleSubject, texts: PlannedTexts) {
        self.subject = subject
        self.texts = texts
    }

    /// Moves on to the ticket as a rule left it.
    mutating func update(_ ticket: Ticket) {
        // Rule actions do not edit texts; while they stay, so does what was found in them.
        if ticket.title != subject.ticket.title || ticket.description != subject.ticket.description {
            found = []
            allowed = []
        }
        subject.ticket = ticket
    }

    /// Clears from `candidates` the rules whose key text the ticket does not contain.
    mutating func restrict(_ candidates: inout [UInt64]) {
        guard texts.hasKeys else { return }
        // Only candidates with a key text need the ticket's texts.
        guard candidates.indices.contains(where: { candidates[$0] & ~texts.unkeyed[$0] != 0 }) else { return }
        if allowed.isEmpty {
            if found.isEmpty { found = texts.find(in: subject.ticket) }
            allowed = texts.allowed(found: found)
        }
        for index in candidates.indices { candidates[index] &= allowed[index] }
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
        case .text(let index, let present):
            if found.isEmpty { found = texts.find(in: subject.ticket) }
            return (found[index >> 6] & 1 << UInt64(index & 63) != 0) == present
        }
    }
}
