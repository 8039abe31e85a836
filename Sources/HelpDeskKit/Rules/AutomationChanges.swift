/// The automation part of a ``UnitOfWork``: rules defined, changed or deleted, and the episodes
/// of time rules opened and closed.
public struct AutomationChanges: CapabilityChanges {
    /// Rules to insert or replace, each under the revision it was based on.
    public var ruleWrites: [AutomationRuleWrite] = []
    /// Rules to delete, each under its stored revision.
    public var ruleDeletions: [AutomationRuleDeletion] = []
    /// Episodes a tick opens (a time rule fired): none may be open yet for the rule and ticket.
    public var episodeStarts: [RuleEpisode] = []
    /// Episodes a tick closes: each is removed if it is still open (the same episode identifier),
    /// and nothing happens otherwise.
    public var episodeEnds: [RuleEpisode] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { !changesRules && episodeStarts.isEmpty && episodeEnds.isEmpty }

    /// `true` when rules are written or deleted (not only episodes).
    public var changesRules: Bool { !ruleWrites.isEmpty || !ruleDeletions.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        // One desk-wide key: priorities and names are unique across all rules.
        if changesRules { body(.record(kind: "automationRules", id: "desk")) }
        for episode in episodeStarts { body(.record(kind: "ruleEpisode", id: "\(episode.ruleID)/\(episode.ticketID)")) }
        for episode in episodeEnds { body(.record(kind: "ruleEpisode", id: "\(episode.ruleID)/\(episode.ticketID)")) }
    }

    private enum CodingKeys: String, CodingKey {
        case automationRuleWrites, automationRuleDeletions, ruleEpisodeStarts, ruleEpisodeEnds
    }

    /// Decodes leniently: units written before automation (or its episodes) existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ruleWrites = try container.decodeIfPresent([AutomationRuleWrite].self, forKey: .automationRuleWrites) ?? []
        ruleDeletions =
            try container.decodeIfPresent([AutomationRuleDeletion].self, forKey: .automationRuleDeletions) ?? []
        episodeStarts = try container.decodeIfPresent([RuleEpisode].self, forKey: .ruleEpisodeStarts) ?? []
        episodeEnds = try container.decodeIfPresent([RuleEpisode].self, forKey: .ruleEpisodeEnds) ?? []
    }

    /// Encodes only the non-empty lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !ruleWrites.isEmpty { try container.encode(ruleWrites, forKey: .automationRuleWrites) }
        if !ruleDeletions.isEmpty { try container.encode(ruleDeletions, forKey: .automationRuleDeletions) }
        if !episodeStarts.isEmpty { try container.encode(episodeStarts, forKey: .ruleEpisodeStarts) }
        if !episodeEnds.isEmpty { try container.encode(episodeEnds, forKey: .ruleEpisodeEnds) }
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

/// The automation rules and open rule episodes of a ``StoreImage``.
public struct AutomationImage: CapabilityImage {
    public static let key = "automation"

    /// Every rule, by priority.
    public var rules: [AutomationRule]
    /// Every open episode of a time rule, by ticket then rule.
    public var episodes: [RuleEpisode]

    /// Describes the rules and episodes of an image.
    public init(rules: [AutomationRule], episodes: [RuleEpisode] = []) {
        self.rules = rules
        self.episodes = episodes
    }

    /// No rules.
    public init() { self.init(rules: []) }

    public var isEmpty: Bool { rules.isEmpty && episodes.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case rules, episodes
    }

    /// Decodes leniently: snapshots written before automation (or its episodes) existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rules = try container.decodeIfPresent([AutomationRule].self, forKey: .rules) ?? []
        episodes = try container.decodeIfPresent([RuleEpisode].self, forKey: .episodes) ?? []
    }

    /// Encodes the rules, and the episodes when there are any.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rules, forKey: .rules)
        if !episodes.isEmpty { try container.encode(episodes, forKey: .episodes) }
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
    /// Automation: rules that act on tickets when they are created or change, in the same unit of
    /// work, and time rules that `tick` fires once per ticket and condition episode.
    static let automation = Capability(
        name: "automation", tables: AutomationTables.self, ticketHooks: [.automationRules], tickHooks: [.timeRules])
}
