import Foundation

extension HelpDesk {
    /// Defines an automation rule (validated: see ``validate(_:)``); its priority and name must be
    /// free. Needs ``AccessAction/configureAutomation``.
    public func defineRule(_ definition: RuleDefinition, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> AutomationRule
    {
        try await perform(by: performer, command: "defineRule", key: idempotencyKey, inputs: [definition]) {
            context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.configureAutomation))
            try await validate(definition)
            let rules = try await automation { try await $0.rules() }
            guard rules.count < configuration.rules.maximumRules else {
                throw .invalidInput(field: "rules", problem: .outOfRange(0...configuration.rules.maximumRules))
            }
            try Self.requireFree(definition, among: rules, except: nil)
            let rule = AutomationRule(id: nextID(), definition: definition)
            context.work.ruleWrites = [AutomationRuleWrite(rule: rule, expectedRevision: nil)]
            return rule
        }
    }

    /// Replaces a rule's definition (validated like a new one); a change that changes nothing
    /// commits nothing.
    public func changeRule(
        _ id: AutomationRuleID, _ definition: RuleDefinition, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> AutomationRule {
        try await perform(by: performer, command: "changeRule", key: idempotencyKey, inputs: [id, definition]) {
            context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.configureAutomation))
            let old = try await loadRule(id)
            try await validate(definition)
            try Self.requireFree(definition, among: try await automation { try await $0.rules() }, except: id)
            var rule = old
            rule.definition = definition
            guard rule != old else { return old }
            rule.revision = old.revision + 1
            context.work.ruleWrites = [AutomationRuleWrite(rule: rule, expectedRevision: old.revision)]
            return rule
        }
    }

    /// Deletes a rule (tickets it changed keep their audit entries).
    public func deleteRule(_ id: AutomationRuleID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError)
    {
        let _: Done = try await perform(by: performer, command: "deleteRule", key: idempotencyKey, inputs: [id]) {
            context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.configureAutomation))
            let rule = try await loadRule(id)
            context.work.ruleDeletions = [AutomationRuleDeletion(id: id, expectedRevision: rule.revision)]
            return Done()
        }
    }

    /// Every rule in the order they run (priority).
    public func rules(as viewer: Performer) async throws(HelpDeskError) -> [AutomationRule] {
        _ = try await authorize(viewer, .configureAutomation)
        return try await automation { try await $0.rules() }
    }

    /// Runs `read` on the store's automation repository, turning adapter failures into ``HelpDeskError/storage(_:)``.
    func automation<Value>(_ read: (any AutomationRepository) async throws -> Value) async throws(HelpDeskError)
        -> Value
    {
        let repository = try feature((any AutomationRepository).self)
        return try await storage { try await read(repository) }
    }

    /// The rule with `id`, or ``HelpDeskError/ruleNotFound(_:)``.
    func loadRule(_ id: AutomationRuleID) async throws(HelpDeskError) -> AutomationRule {
        guard let rule = try await automation({ try await $0.rule(id) }) else { throw .ruleNotFound(id) }
        return rule
    }

    /// Throws unless `definition`'s priority and name (ignoring case) are free among `rules`.
    private static func requireFree(_ definition: RuleDefinition, among rules: [AutomationRule], except id: AutomationRuleID?)
        throws(HelpDeskError)
    {
        for rule in rules where rule.id != id {
            if rule.priority == definition.priority { throw .rulePriorityTaken(definition.priority, by: rule.id) }
            if rule.name.lowercased() == definition.name.lowercased() { throw .duplicateName(definition.name) }
        }
    }
}
