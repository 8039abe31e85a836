/// Reads the desk's automation rules. Writes go through a ``UnitOfWork`` (``AutomationChanges``).
public protocol AutomationRepository: Sendable {
    /// The rule with `id`, or `nil`.
    func rule(_ id: AutomationRuleID) async throws -> AutomationRule?
    /// Every rule, by priority (then identifier).
    func rules() async throws -> [AutomationRule]
    /// A cheap token of the stored rule set: every committed unit that writes or deletes a rule
    /// changes it, whichever engine or process committed it, so two equal stamps read one after
    /// the other mean no rule changed in between. A stamp read before ``rules()`` is never newer
    /// than the rules that call returns. Engines cache their compiled rules under it.
    func ruleSetStamp() async throws -> RuleSetStamp
}

/// A token of a store's rule set (``AutomationRepository/ruleSetStamp()``): compare it only with
/// stamps of the same store. It may change when no rule did, never the other way round.
public struct RuleSetStamp: Hashable, Sendable {
    /// The adapter's counter of rule changes.
    public var rawValue: Int64

    /// Wraps an adapter's counter.
    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }
}
