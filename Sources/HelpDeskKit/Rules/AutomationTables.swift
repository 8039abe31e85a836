/// The in-memory store's automation rules and open rule episodes.
struct AutomationTables: CapabilityTable {
    var rules: [AutomationRuleID: AutomationRule] = [:] {
        didSet { sorted = Self.order(rules) }
    }
    /// The open episodes of time rules.
    var episodes = RuleEpisodeTable()
    /// Every rule by priority, then identifier: kept in step with ``rules``, since every ticket
    /// change reads it.
    private(set) var sorted: [AutomationRule] = []
    /// Counts the applied units that wrote or deleted rules: the store's
    /// ``AutomationRepository/ruleSetStamp()``. Never reset while the store lives (a store built
    /// from an image starts at 0, but an engine never changes stores).
    private(set) var stamp: Int64 = 0

    /// Checks the automation part of `work`: writes and deletions under the stored revision, and
    /// after them priorities and names (ignoring case) unique across the desk.
    func validate(_ changes: AutomationChanges, of work: UnitOfWork, in store: InMemoryStore.State)
        throws(StorageError)
    {
        try episodes.validate(changes, of: work, in: store)
        // A tick's units write episodes only: the rules stay as they are.
        guard changes.changesRules else { return }
        var after = rules
        for write in changes.ruleWrites {
            let id = write.rule.id
            guard rules[id]?.revision == write.expectedRevision else {
                throw StorageError(
                    .conflict,
                    "rule \(id) is at revision \(rules[id].map { String($0.revision) } ?? "none"), not \(write.expectedRevision.map(String.init) ?? "none")"
                )
            }
            after[id] = write.rule
        }
        for deletion in changes.ruleDeletions {
            guard rules[deletion.id]?.revision == deletion.expectedRevision else {
                throw StorageError(.conflict, "rule \(deletion.id) is not at revision \(deletion.expectedRevision)")
            }
            after[deletion.id] = nil
        }
        var priorities = Set<Int>()
        var names = Set<String>()
        for rule in after.values {
            guard priorities.insert(rule.priority).inserted else {
                throw StorageError(.conflict, "two rules have priority \(rule.priority)")
            }
            guard names.insert(rule.name.lowercased()).inserted else {
                throw StorageError(.conflict, "two rules are named \(rule.name)")
            }
        }
    }

    /// Applies the automation part of a validated unit.
    mutating func apply(_ changes: AutomationChanges) {
        episodes.apply(changes)
        guard changes.changesRules else { return }
        var after = rules
        for write in changes.ruleWrites { after[write.rule.id] = write.rule }
        for deletion in changes.ruleDeletions { after[deletion.id] = nil }
        rules = after
        if !changes.ruleWrites.isEmpty || !changes.ruleDeletions.isEmpty { stamp &+= 1 }
    }

    var image: AutomationImage { AutomationImage(rules: sorted, episodes: episodes.all) }

    init(image: AutomationImage) {
        var loaded: [AutomationRuleID: AutomationRule] = [:]
        for rule in image.rules { loaded[rule.id] = rule }
        rules = loaded
        episodes = RuleEpisodeTable(image.episodes)
        // Observers do not run in an initializer.
        sorted = Self.order(loaded)
    }

    /// `rules` by priority, then identifier.
    private static func order(_ rules: [AutomationRuleID: AutomationRule]) -> [AutomationRule] {
        rules.values.sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
    }
}

extension InMemoryStore: AutomationRepository {
    public func rule(_ id: AutomationRuleID) async throws -> AutomationRule? {
        state.withLock { $0.table(AutomationTables.self).rules[id] }
    }

    public func rules() async throws -> [AutomationRule] {
        state.withLock { $0.table(AutomationTables.self).sorted }
    }

    public func ruleSetStamp() async throws -> RuleSetStamp {
        state.withLock { RuleSetStamp($0.table(AutomationTables.self).stamp) }
    }
}
