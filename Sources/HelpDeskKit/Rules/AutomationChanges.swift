/// The automation part of a ``UnitOfWork``: rules defined, changed or deleted.
public struct AutomationChanges: CapabilityChanges {
    /// Rules to insert or replace, each under the revision it was based on.
    public var ruleWrites: [AutomationRuleWrite] = []
    /// Rules to delete, each under its stored revision.
    public var ruleDeletions: [AutomationRuleDeletion] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { ruleWrites.isEmpty && ruleDeletions.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        // One desk-wide key: priorities and names are unique across all rules.
        if !isEmpty { body(.record(kind: "automationRules", id: "desk")) }
    }

    private enum CodingKeys: String, CodingKey {
        case automationRuleWrites, automationRuleDeletions
    }

    /// Decodes leniently: units written before automation existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ruleWrites = try container.decodeIfPresent([AutomationRuleWrite].self, forKey: .automationRuleWrites) ?? []
        ruleDeletions =
            try container.decodeIfPresent([AutomationRuleDeletion].self, forKey: .automationRuleDeletions) ?? []
    }

    /// Encodes only the non-empty lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !ruleWrites.isEmpty { try container.encode(ruleWrites, forKey: .automationRuleWrites) }
        if !ruleDeletions.isEmpty { try container.encode(ruleDeletions, forKey: .automationRuleDeletions) }
    }
}

/// A new or changed rule in a unit of work, with the revision it was based on.
public struct AutomationRuleWrite: Hashable, Sendable, Codable {
    /// The rule as it must be stored.
    public var rule: AutomationRule
    /// The stored revision the change was computed from; `nil` for a new rule.
    public var expectedRevision: Int?

    /// Describes a write.
    public init(rule: AutomationRule, expectedRevision: Int?) {
        self.rule = rule
        self.expectedRevision = expectedRevision
    }
}

/// The deletion of a rule in a unit of work, guarded by its stored revision.
public struct AutomationRuleDeletion: Hashable, Sendable, Codable {
    /// The rule.
    public var id: AutomationRuleID
    /// The revision the deletion was decided on.
    public var expectedRevision: Int

    /// Describes a deletion.
    public init(id: AutomationRuleID, expectedRevision: Int) {
        self.id = id
        self.expectedRevision = expectedRevision
    }
}

extension UnitOfWork {
    /// Rules to insert or replace (``AutomationChanges/ruleWrites``).
    public var ruleWrites: [AutomationRuleWrite] {
        get { self[AutomationChanges.self].ruleWrites }
        set { self[AutomationChanges.self].ruleWrites = newValue }
    }

    /// Rules to delete (``AutomationChanges/ruleDeletions``).
    public var ruleDeletions: [AutomationRuleDeletion] {
        get { self[AutomationChanges.self].ruleDeletions }
        set { self[AutomationChanges.self].ruleDeletions = newValue }
    }
}

/// The automation rules of a ``StoreImage``.
public struct AutomationImage: CapabilityImage {
    public static let key = "automation"

    /// Every rule, by priority.
    public var rules: [AutomationRule]

    /// Describes the rules of an image.
    public init(rules: [AutomationRule]) {
        self.rules = rules
    }

    /// No rules.
    public init() { self.init(rules: []) }

    public var isEmpty: Bool { rules.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case rules
    }

    /// Decodes leniently: snapshots written before automation existed have none.
    public init(from decoder: any Decoder) throws {
        rules = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([AutomationRule].self, forKey: .rules) ?? []
    }
}

extension StoreImage {
    /// The desk's automation rules.
    public var automation: AutomationImage {
        get { capabilities[AutomationImage.self] }
        set { capabilities[AutomationImage.self] = newValue }
    }
}

extension Capability {
    /// Automation: rules that act on tickets when they are created or change, in the same unit of work.
    static let automation = Capability(name: "automation", tables: AutomationTables.self, ticketHooks: [.automationRules])
}
