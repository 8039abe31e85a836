import Foundation

/// The identifier of an automation rule.
public typealias AutomationRuleID = Identifier<AutomationRule>

/// When a rule is considered.
public enum RuleTrigger: String, CaseIterable, Hashable, Sendable, Codable {
    /// A ticket is registered (by any channel or command).
    case ticketCreated
    /// A ticket's fields or status change (conditions such as ``RuleCondition/changed(_:)`` say which).
    case ticketChanged
    /// A client (a contact or a free-text requester) adds a public comment.
    case clientCommented
    /// Time passes: ``HelpDesk/tick(now:)`` considers the rule on every open ticket and fires it
    /// once per ticket and condition episode (see ``RuleEpisode``). A time rule has no other trigger.
    case time
}

/// How a rule's conditions combine.
public enum RuleMatch: String, CaseIterable, Hashable, Sendable, Codable {
    /// Every condition holds (no conditions: always).
    case all
    /// At least one holds (no conditions: never).
    case any
}

/// What a rule does to the ticket, in the same unit of work as the command that triggered it.
public enum RuleAction: Hashable, Sendable, Codable {
    /// Gives the ticket to a group (the assignee is kept only if a member of it).
    case setGroup(GroupID?)
    /// Gives the ticket to an employee (who must be active; a set group must include them).
    case setAssignee(EmployeeID?)
    /// Sets the priority.
    case setPriority(Priority)
    /// Sets the service category.
    case setCategory(CategoryID?)
    /// Moves the ticket to a status, when the workflow allows the transition (otherwise the
    /// action is skipped and the explanation says so).
    case setStatus(StatusCode)
    /// Puts employees "under control" of the ticket.
    case addWatchers([EmployeeID])
    /// Gives the ticket to the group and to the member the strategy chooses (round-robin or
    /// least-loaded, skipping inactive, off-shift and full members); nobody eligible leaves it
    /// unassigned in the group, its backlog.
    case assign(group: GroupID, strategy: AssignmentStrategy)
    /// Sends a notice rendered from the template to the recipient (a client template for the
    /// requester or clients, a staff template otherwise).
    case notify(NoticeTemplate, to: NoticeRecipient)
    /// Answers the requester automatically (a client template), e.g. "nobody has replied yet".
    case autoReply(NoticeTemplate)
    /// Escalates to employees: they are put under control of the ticket (watchers) and get the
    /// staff notice; a group gets the notice only.
    case escalate(to: NoticeRecipient, NoticeTemplate)
}

/// An automation rule: on a trigger, when its conditions match, it applies its actions.
///
/// Rules run in ascending ``RuleDefinition/priority`` (unique across the desk: never name order),
/// each sees the changes of the rules before it, each fires at most once per ticket per command,
/// and passes repeat until one fires nothing (``RuleSettings/maximumPasses``). Its definition's
/// fields read directly: `rule.name`, `rule.priority`, `rule.conditions`, …
@dynamicMemberLookup
public struct AutomationRule: Identifiable, Hashable, Sendable, Codable {
    /// The rule's identifier.
    public let id: AutomationRuleID
    /// What the rule is: name, priority, triggers, conditions and actions.
    public var definition: RuleDefinition
    /// Incremented by every committed change; adapters use it for optimistic concurrency.
    public var revision: Int

    /// Creates a rule record.
    public init(id: AutomationRuleID, definition: RuleDefinition, revision: Int = 1) {
        self.id = id
        self.definition = definition
        self.revision = revision
    }

    /// Creates a rule record from its fields.
    public init(
        id: AutomationRuleID, name: String, priority: Int, isActive: Bool = true, triggers: Set<RuleTrigger>,
        match: RuleMatch = .all, conditions: [RuleCondition] = [], actions: [RuleAction], revision: Int = 1
    ) {
        self.init(
            id: id,
            definition: RuleDefinition(
                name: name, priority: priority, isActive: isActive, triggers: triggers, match: match,
                conditions: conditions, actions: actions), revision: revision)
    }

    /// A field of the rule's definition.
    public subscript<Value>(dynamicMember field: KeyPath<RuleDefinition, Value>) -> Value { definition[keyPath: field] }
    /// A field of the rule's definition, to change it.
    public subscript<Value>(dynamicMember field: WritableKeyPath<RuleDefinition, Value>) -> Value {
        get { definition[keyPath: field] }
        set { definition[keyPath: field] = newValue }
    }
}

/// What a rule is (the input of ``HelpDesk/defineRule(_:by:idempotencyKey:)`` and ``HelpDesk/changeRule(_:_:by:idempotencyKey:)``).
public struct RuleDefinition: Hashable, Sendable, Codable {
    /// The rule's name; not blank, unique ignoring case.
    public var name: String
    /// The order rules run in; unique.
    public var priority: Int
    /// `false` keeps the rule paused.
    public var isActive: Bool
    /// When it is considered; at least one.
    public var triggers: Set<RuleTrigger>
    /// How the conditions combine.
    public var match: RuleMatch
    /// What must hold.
    public var conditions: [RuleCondition]
    /// What it does; at least one.
    public var actions: [RuleAction]

    /// Describes a rule.
    public init(
        name: String, priority: Int, isActive: Bool = true, triggers: Set<RuleTrigger>, match: RuleMatch = .all,
        conditions: [RuleCondition] = [], actions: [RuleAction]
    ) {
        self.name = name
        self.priority = priority
        self.isActive = isActive
        self.triggers = triggers
        self.match = match
        self.conditions = conditions
        self.actions = actions
    }
}
