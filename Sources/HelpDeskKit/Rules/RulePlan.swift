import Foundation

/// The desk's active rules compiled for evaluation, once per change of the rule set: the engine
/// caches the plan under the store's ``RuleSetStamp``, so a command neither copies the rules out
/// of the store nor evaluates rules that cannot match its ticket.
///
/// Each active rule keeps its place in the run order (ascending priority) as a bit position. The
/// plan holds, per trigger, a mask of the rules it starts and, per ticket field some `all` rule
/// restricts with a set condition (status, priority, category, channel, company, location,
/// contract, group, assignee, or `not` of one of them), a mask per value of the rules that allow
/// it. A ticket's candidates are the trigger mask AND the masks of its field values; a candidate
/// is then checked on its other conditions only. Text conditions (``RuleCondition/textContains(_:)``
/// and `not` of one) are looked up in what one pass of the plan's ``RuleTextAutomaton`` found in
/// the ticket's texts, and an `all` rule that requires texts is a candidate only when its key text
/// was found (``PlannedTexts``); conditions about SLA, changes, time and anything else stay with
/// ``RuleSubject/holds(_:)``.
/// ``run(_:on:original:at:maximumPasses:fire:)`` fires exactly what evaluating every rule would.
struct RulePlan: Sendable {
    /// The stamp of the rule set the plan was compiled from (`nil`: not from a store).
    let stamp: RuleSetStamp?
    /// The active rules in the order they run.
    let rules: [AutomationRule]
    /// Per rule, what its masks leave to evaluate.
    let checks: [RuleCheck]
    /// 64-bit words per mask.
    let wordCount: Int
    /// Per trigger, the rules it starts.
    let triggerMasks: [RuleTrigger: [UInt64]]
    /// The fields some `all` rule restricts, each with its masks by value.
    let filters: [FieldFilter]
    /// `true` when a rule commands start counts working minutes (a command then looks up the
    /// ticket's SLA calendar once).
    let countsWorkingTime: Bool
    /// The distinct texts the rules ask for, as one automaton, and the rules each one keys.
    let texts: PlannedTexts

    /// Compiles the active ones of `rules`, which come in run order (as ``AutomationRepository/rules()`` gives them).
    init(rules stored: [AutomationRule], stamp: RuleSetStamp?) {
        let rules = stored.filter(\.definition.isActive)
        let wordCount = (rules.count + 63) / 64
        let none = [UInt64](repeating: 0, count: wordCount)
        var triggerMasks: [RuleTrigger: [UInt64]] = [:]
        var checks: [RuleCheck] = []
        var constraints: [FieldConstraints] = []
        var texts = TextIndices()
        var keys: [Int?] = []
        checks.reserveCapacity(rules.count)
        constraints.reserveCapacity(rules.count)
        for (index, rule) in rules.enumerated() {
            let definition = rule.definition
            for trigger in definition.triggers { triggerMasks[trigger, default: none].insertBit(index) }
            var fields = FieldConstraints()
            var left: [PlannedCondition] = []
            for condition in definition.conditions {
                // In an `all` rule a field condition is decided by the masks; in an `any` rule nothing is.
                if definition.match == .all, fields.absorb(condition) { continue }
                left.append(PlannedCondition(condition, texts: &texts))
            }
            checks.append(RuleCheck(match: definition.match, conditions: left))
            keys.append(definition.match == .all ? texts.key(of: left) : nil)
            constraints.append(fields)
        }
        self.stamp = stamp
        self.rules = rules
        self.checks = checks
        self.wordCount = wordCount
        self.triggerMasks = triggerMasks
        self.filters = FieldFilter.filters(for: constraints, wordCount: wordCount)
        countsWorkingTime = rules.contains { !$0.triggers.contains(.time) && $0.definition.countsWorkingTime }
        self.texts = PlannedTexts(texts.list, keys: keys, wordCount: wordCount)
    }

    /// The rules started by any of `triggers`, or `nil` when there are none.
    func started(by triggers: Set<RuleTrigger>) -> [UInt64]? {
        var started: [UInt64]?
        for trigger in triggers {
            guard let mask = triggerMasks[trigger] else { continue }
            if var union = started {
                for index in union.indices { union[index] |= mask[index] }
                started = union
            } else {
                started = mask
            }
        }
        guard let started, started.contains(where: { $0 != 0 }) else { return nil }
        return started
    }

    /// The rules in `started` and not in `fired` whose field conditions `ticket` meets.
    func candidates(_ started: [UInt64], excluding fired: [UInt64], for ticket: Ticket) -> [UInt64] {
        var mask = started
        if !fired.isEmpty {
            for index in mask.indices { mask[index] &= ~fired[index] }
        }
        for filter in filters { filter.restrict(&mask, to: ticket) }
        return mask
    }
}

/// What is left to evaluate of a rule once the plan's masks allow it.
struct RuleCheck: Sendable {
    /// How the conditions combine.
    var match: RuleMatch
    /// The conditions the masks do not decide (all of them for an `any` rule).
    var conditions: [PlannedCondition]
}

/// A condition as the plan evaluates it.
enum PlannedCondition: Sendable {
    /// ``RuleCondition/textContains(_:)`` (`present`) or `not` of it: holds when the ticket's texts
    /// contain the plan's text with this index (``RuleTextAutomaton/texts`` of ``PlannedTexts/automaton``), or do not.
    case text(Int, present: Bool)
    /// Any other condition, evaluated by ``RuleSubject/holds(_:)``.
    case other(RuleCondition)

    /// Plans `condition`, numbering its text in `texts`.
    init(_ condition: RuleCondition, texts: inout TextIndices) {
        var inner = condition
        var present = true
        while case .not(let negated) = inner {
            inner = negated
            present.toggle()
        }
        // An empty folded text (never saved: texts are non-blank) is contained everywhere; `holds` says so.
        if case .textContains(let text) = inner, let index = texts.index(of: RuleText.folded(text)) {
            self = .text(index, present: present)
        } else {
            self = .other(condition)
        }
    }
}

/// The values of one field an `all` rule allows: only these, or any but these.
enum AllowedValues<Value: Hashable & Sendable>: Sendable {
    case only(Set<Value>)
    case except(Set<Value>)

    /// The values named.
    var named: Set<Value> {
        switch self {
        case .only(let values), .except(let values): values
        }
    }

    /// `true` when `value` is allowed.
    func allows(_ value: Value) -> Bool {
        switch self {
        case .only(let values): values.contains(value)
        case .except(let values): !values.contains(value)
        }
    }

    /// The values both allow.
    func intersection(_ other: Self) -> Self {
        switch (self, other) {
        case (.only(let mine), .only(let theirs)): .only(mine.intersection(theirs))
        case (.only(let mine), .except(let theirs)), (.except(let theirs), .only(let mine)):
            .only(mine.subtracting(theirs))
        case (.except(let mine), .except(let theirs)): .except(mine.union(theirs))
        }
    }
}

/// The field conditions of one `all` rule, combined per field.
struct FieldConstraints {
    var status: AllowedValues<StatusCode>?
    var priority: AllowedValues<Priority>?
    var category: AllowedValues<CategoryID?>?
    var channel: AllowedValues<Channel>?
    var company: AllowedValues<CompanyID?>?
    var location: AllowedValues<LocationID?>?
    var contract: AllowedValues<ContractID?>?
    var group: AllowedValues<GroupID?>?
    var assignee: AllowedValues<EmployeeID?>?

    /// Takes `condition` (negated when `negated`) into the constraints when it is a field set or
    /// `not` of one, and returns `true`; returns `false` for any other condition, changing nothing.
    mutating func absorb(_ condition: RuleCondition, negated: Bool = false) -> Bool {
        switch condition {
        case .status(let values): Self.narrow(&status, to: values, negated: negated)
        case .priority(let values): Self.narrow(&priority, to: values, negated: negated)
        case .category(let values): Self.narrow(&category, to: values, negated: negated)
        case .channel(let values): Self.narrow(&channel, to: values, negated: negated)
        case .company(let values): Self.narrow(&company, to: values, negated: negated)
        case .location(let values): Self.narrow(&location, to: values, negated: negated)
        case .contract(let values): Self.narrow(&contract, to: values, negated: negated)
        case .group(let values): Self.narrow(&group, to: values, negated: negated)
        case .assignee(let values): Self.narrow(&assignee, to: values, negated: negated)
        case .not(let inner): return absorb(inner, negated: !negated)
        default: return false
        }
        return true
    }

    private static func narrow<Value>(_ allowed: inout AllowedValues<Value>?, to values: Set<Value>, negated: Bool) {
        let condition: AllowedValues<Value> = negated ? .except(values) : .only(values)
        allowed = allowed.map { $0.intersection(condition) } ?? condition
    }
}

/// One restricted ticket field and, per value, the rules that allow it.
enum FieldFilter: Sendable {
    case status(ValueMasks<StatusCode>)
    case priority(ValueMasks<Priority>)
    case category(ValueMasks<CategoryID?>)
    case channel(ValueMasks<Channel>)
    case company(ValueMasks<CompanyID?>)
    case location(ValueMasks<LocationID?>)
    case contract(ValueMasks<ContractID?>)
    case group(ValueMasks<GroupID?>)
    case assignee(ValueMasks<EmployeeID?>)

    /// Clears from `mask` the rules that do not allow `ticket`'s value of the field.
    func restrict(_ mask: inout [UInt64], to ticket: Ticket) {
        switch self {
        case .status(let masks): masks.restrict(&mask, to: ticket.status)
        case .priority(let masks): masks.restrict(&mask, to: ticket.priority)
        case .category(let masks): masks.restrict(&mask, to: ticket.categoryID)
        case .channel(let masks): masks.restrict(&mask, to: ticket.channel)
        case .company(let masks): masks.restrict(&mask, to: ticket.companyID)
        case .location(let masks): masks.restrict(&mask, to: ticket.locationID)
        case .contract(let masks): masks.restrict(&mask, to: ticket.contractID)
        case .group(let masks): masks.restrict(&mask, to: ticket.groupID)
        case .assignee(let masks): masks.restrict(&mask, to: ticket.assigneeID)
        }
    }

    /// A filter for every field some rule restricts.
    static func filters(for rules: [FieldConstraints], wordCount: Int) -> [FieldFilter] {
        var filters: [FieldFilter] = []
        if let masks = ValueMasks(rules.map(\.priority), wordCount: wordCount) { filters.append(.priority(masks)) }
        if let masks = ValueMasks(rules.map(\.status), wordCount: wordCount) { filters.append(.status(masks)) }
        if let masks = ValueMasks(rules.map(\.channel), wordCount: wordCount) { filters.append(.channel(masks)) }
        if let masks = ValueMasks(rules.map(\.category), wordCount: wordCount) { filters.append(.category(masks)) }
        if let masks = ValueMasks(rules.map(\.group), wordCount: wordCount) { filters.append(.group(masks)) }
        if let masks = ValueMasks(rules.map(\.assignee), wordCount: wordCount) { filters.append(.assignee(masks)) }
        if let masks = ValueMasks(rules.map(\.company), wordCount: wordCount) { filters.append(.company(masks)) }
        if let masks = ValueMasks(rules.map(\.location), wordCount: wordCount) { filters.append(.location(masks)) }
        if let masks = ValueMasks(rules.map(\.contract), wordCount: wordCount) { filters.append(.contract(masks)) }
        return filters
    }
}

/// Per value of a field, the rules that allow it; `other` for every value no rule names.
struct ValueMasks<Value: Hashable & Sendable>: Sendable {
    /// Masks of the values some rule names.
    let named: [Value: [UInt64]]
    /// The rules that allow a value no rule names: those without a condition on the field, and
    /// those whose condition excludes values.
    let other: [UInt64]

    /// The masks of `rules`' constraints on the field (one per rule, `nil`: unconstrained), or
    /// `nil` when no rule constrains it.
    init?(_ rules: [AllowedValues<Value>?], wordCount: Int) {
        guard rules.contains(where: { $0 != nil }) else { return nil }
        var values = Set<Value>()
        for case let allowed? in rules { values.formUnion(allowed.named) }
        let none = [UInt64](repeating: 0, count: wordCount)
        var named: [Value: [UInt64]] = [:]
        var other = none
        for value in values { named[value] = none }
        for (index, allowed) in rules.enumerated() {
            switch allowed {
            case nil, .except?: other.insertBit(index)
            case .only?: break
            }
            for value in values where allowed?.allows(value) ?? true { named[value, default: none].insertBit(index) }
        }
        self.named = named
        self.other = other
    }

    /// Clears from `mask` the rules that do not allow `value`.
    func restrict(_ mask: inout [UInt64], to value: Value) {
        let allowed = named[value] ?? other
        for index in mask.indices { mask[index] &= allowed[index] }
    }
}

extension [UInt64] {
    /// Sets bit `index` (word `index / 64`, bit `index % 64`).
    mutating func insertBit(_ index: Int) {
        self[index >> 6] |= 1 << UInt64(index & 63)
    }

    /// The lowest set bit at `start` or after it, or `nil`.
    func firstBit(from start: Int) -> Int? {
        var word = start >> 6
        guard word < count else { return nil }
        var bits = self[word] & (~0 << UInt64(start & 63))
        while bits == 0 {
            word += 1
            guard word < count else { return nil }
            bits = self[word]
        }
        return word << 6 + bits.trailingZeroBitCount
    }
}
