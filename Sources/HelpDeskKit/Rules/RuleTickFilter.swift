/// The field conditions of a time rule's `all` conditions that a tick checks straight on the
/// stored ticket: priorities and statuses as bit masks, small sets of groups, categories,
/// assignees and channels as short lists. Exactly the conjunction of the conditions it absorbed
/// (``RuleSubject/holds(_:)`` of each), without hashing or copying the ticket, so most tickets
/// leave most rules after a few comparisons.
struct RuleTickFilter: Sendable {
    /// Allowed priorities, one bit per raw value.
    private var priorities: UInt8 = .max
    /// Allowed statuses, one bit per position in the workflow (`nil`: any).
    private var statuses: UInt64?
    private var groups: [GroupID?]?
    private var categories: [CategoryID?]?
    private var assignees: [EmployeeID?]?
    private var channels: [Channel]?
    /// Sets longer than this stay with the subject (a hashed lookup beats a long list).
    private static let longestList = 8

    /// No condition: admits every ticket.
    init() {}

    /// The bit of `status` in `workflow` (0 for an unknown status, which no mask admits unless
    /// the filter has no status condition).
    static func bit(of status: StatusCode, in workflow: Workflow) -> UInt64 {
        guard let position = workflow.position(of: status), position < 64 else { return 0 }
        return 1 << UInt64(position)
    }

    /// Takes `condition` into the filter when it is a field set the filter checks exactly;
    /// `false` (the filter unchanged) otherwise.
    mutating func absorb(_ condition: RuleCondition, workflow: Workflow) -> Bool {
        switch condition {
        case .priority(let allowed):
            priorities &= allowed.reduce(0) { $0 | UInt8(1) << UInt8($1.rawValue) }
        case .status(let allowed):
            guard workflow.statuses.count <= 64, allowed.allSatisfy({ workflow.position(of: $0) != nil }) else {
                return false
            }
            statuses = (statuses ?? .max) & allowed.reduce(0) { $0 | Self.bit(of: $1, in: workflow) }
        case .group(let allowed) where allowed.count <= Self.longestList:
            groups = Self.intersect(groups, allowed)
        case .category(let allowed) where allowed.count <= Self.longestList:
            categories = Self.intersect(categories, allowed)
        case .assignee(let allowed) where allowed.count <= Self.longestList:
            assignees = Self.intersect(assignees, allowed)
        case .channel(let allowed) where allowed.count <= Self.longestList:
            channels = Self.intersect(channels, allowed)
        default:
            return false
        }
        return true
    }

    /// `true` when `ticket`, whose status has `statusBit`, passes every absorbed condition.
    @inline(__always)
    func admits(_ ticket: Ticket, statusBit: UInt64) -> Bool {
        guard priorities & (1 << UInt8(ticket.priority.rawValue)) != 0 else { return false }
        if let statuses, statuses & statusBit == 0 { return false }
        if let groups, !groups.contains(ticket.groupID) { return false }
        if let categories, !categories.contains(ticket.categoryID) { return false }
        if let assignees, !assignees.contains(ticket.assigneeID) { return false }
        if let channels, !channels.contains(ticket.channel) { return false }
        return true
    }

    /// The values in both (all of `new` when there is no list yet).
    private static func intersect<Value: Hashable>(_ old: [Value]?, _ new: Set<Value>) -> [Value] {
        guard let old else { return Array(new) }
        return old.filter(new.contains)
    }
}
