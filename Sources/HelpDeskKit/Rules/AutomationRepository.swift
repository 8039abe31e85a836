/// Reads the desk's automation rules. Writes go through a ``UnitOfWork`` (``AutomationChanges``).
public protocol AutomationRepository: Sendable {
    /// The rule with `id`, or `nil`.
    func rule(_ id: AutomationRuleID) async throws -> AutomationRule?
    /// Every rule, by priority (then identifier).
    func rules() async throws -> [AutomationRule]
}
