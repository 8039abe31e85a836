import Foundation

/// One rule that fired on a ticket in a command, with the actions it could not apply.
struct RuleFiring: Hashable, Sendable {
    /// The rule.
    var rule: AutomationRule
    /// Actions skipped, with the reason (an inactive assignee, a transition the workflow forbids).
    var skipped: [String]
    /// `true` when its actions changed the ticket.
    var changedTicket: Bool
}

extension HelpDesk {
    /// Runs the desk's active rules whose triggers include one of `triggers` on `edit`, in
    /// ascending priority, each at most once; passes repeat while a rule fires, up to
    /// ``RuleSettings/maximumPasses`` (then ``HelpDeskError/Reason/ruleCascadeTooDeep(_:passes:)``
    /// and the command commits nothing). Each firing adds an ``AuditField/automation`` entry, so the
    /// trail says which rule changed what; the field changes themselves are audited as usual.
    ///
    /// `isNew`: the ticket is being registered (``RuleCondition/changed(_:)`` and ``RuleCondition/was(_:)`` are false).
    func runRules(_ triggers: Set<RuleTrigger>, on edit: inout TicketEdit, isNew: Bool) async throws(HelpDeskError) {
        guard !triggers.isEmpty, let plan = try await rulePlan(), !plan.rules.isEmpty else { return }
        // Working-minute conditions count in the ticket's SLA calendar, resolved once per command.
        let working =
            plan.rules.contains(where: \.definition.countsWorkingTime)
            ? try await ruleWorkingClock(for: edit.ticket, at: edit.at) : nil
        var firings: [RuleFiring] = []
        try await plan.run(
            triggers, on: edit.ticket, original: isNew ? nil : edit.original, at: edit.at, working: working,
            maximumPasses: configuration.rules.maximumPasses
        ) { rule throws(HelpDeskError) in
            let before = edit.ticket
            let skipped = try await apply(rule.definition.actions, of: rule.name, to: &edit)
            let changed = edit.ticket != before
            firings.append(RuleFiring(rule: rule, skipped: skipped, changedTicket: changed))
            return changed ? edit.ticket : nil
        }
        edit.ruleFirings += firings
    }

    /// The desk's active rules in the order they run.
    func activeRules() async throws(HelpDeskError) -> [AutomationRule] {
        try await rulePlan()?.rules ?? []
    }

    /// The compiled active rules (`nil` when the store keeps none): the cached plan while the
    /// store's ``AutomationRepository/ruleSetStamp()`` stays the same, else compiled afresh from
    /// the rules read after the stamp (so the plan is never older than its stamp).
    func rulePlan() async throws(HelpDeskError) -> RulePlan? {
        guard let repository = try optionalFeature((any AutomationRepository).self) else { return nil }
        let stamp = try await storage { try await repository.ruleSetStamp() }
        if let cached = cachedRulePlan, cached.stamp == stamp { return cached }
        let plan = RulePlan(rules: try await storage { try await repository.rules() }, stamp: stamp)
        // Another command may have cached a plan meanwhile; the newer stamp wins at its next read.
        cachedRulePlan = plan
        return plan
    }

    /// Applies `actions` to the edited ticket with the events their commands would raise (so the
    /// new assignee is told); returns why any were skipped. Time rules fired by `tick` apply theirs here too.
    func apply(_ actions: [RuleAction], of rule: String? = nil, to edit: inout TicketEdit) async throws(HelpDeskError)
        -> [String]
    {
        var skipped: [String] = []
        let before = edit.ticket
        defer {
            let after = edit.ticket
            Self.announce(from: before, to: after, in: &edit)
        }
        for action in actions {
            switch action {
            case .setGroup(let group):
                if let group, try await storage({ try await store.group(group) }) == nil {
                    skipped.append("group \(group) no longer exists")
                    continue
                }
                edit.ticket.groupID = group
                if let assignee = edit.ticket.assigneeID, let group,
                    try await loadEmployee(assignee, mustBeActive: false).groupIDs.contains(group) == false
                {
                    edit.ticket.assigneeID = nil
                }
            case .setAssignee(let assignee):
                guard let assignee else {
                    edit.ticket.assigneeID = nil
                    continue
                }
                guard let employee = try await storage({ try await store.employee(assignee) }), employee.isActive else {
                    skipped.append("employee \(assignee) is not active")
                    continue
                }
                if let group = edit.ticket.groupID, !employee.groupIDs.contains(group) {
                    skipped.append("employee \(assignee) is not in the ticket's group")
                    continue
                }
                edit.ticket.assigneeID = assignee
            case .setPriority(let priority):
                edit.ticket.priority = priority
            case .setCategory(let category):
                edit.ticket.categoryID = category
            case .setStatus(let status):
                guard status != edit.ticket.status else { continue }
                guard workflow.allows(from: edit.ticket.status, to: status) else {
                    skipped.append("the workflow does not allow \(edit.ticket.status) → \(status)")
                    continue
                }
                edit.move(to: status, workflow: workflow)
            case .assign(let group, let strategy):
                guard try await storage({ try await store.group(group) }) != nil else {
                    skipped.append("group \(group) no longer exists")
                    continue
                }
                let chosen = try await chooseAssignee(
                    in: group, strategy: strategy, at: edit.at, releasing: edit.original, into: &edit.ruleWork)
                edit.ticket.groupID = group
                edit.ticket.assigneeID = chosen
                if chosen == nil { skipped.append("nobody in the group is eligible: left in its backlog") }
            case .addWatchers(let employees):
                var watchers = Set(edit.ticket.watcherIDs)
                for id in employees {
                    if let employee = try await storage({ try await store.employee(id) }), employee.isActive {
                        watchers.insert(id)
                    } else {
                        skipped.append("employee \(id) is not active")
                    }
                }
                edit.ticket.watcherIDs = watchers.sorted()
            case .notify(let template, let recipient):
                edit.noticeRequests.append(
                    NoticeRequest(purpose: .rule, template: template, recipient: recipient, rule: rule))
            case .autoReply(let template):
                edit.noticeRequests.append(
                    NoticeRequest(purpose: .autoReply, template: template, recipient: .requester, rule: rule))
            case .escalate(let recipient, let template):
                let named = try await staffAudience(recipient, of: edit.ticket).employeeIDs
                edit.ticket.watcherIDs = Set(edit.ticket.watcherIDs).union(named).sorted()
                edit.noticeRequests.append(
                    NoticeRequest(purpose: .escalation, template: template, recipient: recipient, rule: rule))
            }
        }
        return skipped
    }

    /// Adds the events of a rule's changes: assignment, watchers, other fields (status changes
    /// raise theirs when moved).
    private static func announce(from before: Ticket, to after: Ticket, in edit: inout TicketEdit) {
        if before.assigneeID != after.assigneeID || before.groupID != after.groupID {
            edit.events.append(
                .ticketAssigned(ticket: after.id, number: after.number, assignee: after.assigneeID, group: after.groupID))
        }
        let added = after.watcherIDs.filter { !before.watcherIDs.contains($0) }
        if !added.isEmpty {
            edit.events.append(.watchersChanged(ticket: after.id, number: after.number, added: added, removed: []))
        }
        let fields = after.changes(since: before).map(\.field).filter {
            ![.assigneeID, .groupID, .watcherIDs, .status, .resolvedAt, .closedAt, .postponedUntil, .sla].contains($0)
        }
        if !fields.isEmpty {
            edit.events.append(.ticketUpdated(ticket: after.id, number: after.number, fields: fields))
        }
    }
}

extension RuleSubject {
    /// `true` when `rule`'s conditions hold, combined by its ``AutomationRule/match``.
    func matches(_ rule: AutomationRule) -> Bool {
        let definition = rule.definition
        return switch definition.match {
        case .all: definition.conditions.allSatisfy(holds)
        case .any: definition.conditions.contains(where: holds)
        }
    }
}
