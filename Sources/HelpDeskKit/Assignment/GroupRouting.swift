/// How a group's tickets are routed: who leads the group, which strategy assigns its tickets, and
/// whether its backlog drains on its own when a member has room again.
public struct GroupRouting: Hashable, Sendable, Codable {
    /// The group's lead (an active member when set): told of escalations, such as an SLA breach.
    public var lead: EmployeeID?
    /// How the group's tickets are assigned automatically; required when ``drainsBacklog`` is set.
    public var strategy: AssignmentStrategy?
    /// `true`: when a member's slot frees up (a ticket resolved, closed, cancelled or given to
    /// someone else), or at a `tick` when someone has room, the group's oldest unassigned tickets
    /// are assigned with ``strategy``, in the same unit of work.
    public var drainsBacklog: Bool

    /// Describes a group's routing; the default is none: no lead, no strategy, no automatic drain.
    public init(lead: EmployeeID? = nil, strategy: AssignmentStrategy? = nil, drainsBacklog: Bool = false) {
        self.lead = lead
        self.strategy = strategy
        self.drainsBacklog = drainsBacklog
    }

    private enum CodingKeys: String, CodingKey {
        case lead, strategy, drainsBacklog
    }

    /// Decodes leniently: a missing field is its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lead = try container.decodeIfPresent(EmployeeID.self, forKey: .lead)
        strategy = try container.decodeIfPresent(AssignmentStrategy.self, forKey: .strategy)
        drainsBacklog = try container.decodeIfPresent(Bool.self, forKey: .drainsBacklog) ?? false
    }

    /// The strategy the group's backlog drains with, when it drains on its own.
    var drainStrategy: AssignmentStrategy? { drainsBacklog ? strategy : nil }
}

/// A group's stored routing (``GroupRouting``), one record per group, replaced whole.
public struct GroupRoutingRecord: Hashable, Sendable, Codable {
    /// The group.
    public let groupID: GroupID
    /// Its routing.
    public var routing: GroupRouting

    /// Describes a group's routing record.
    public init(groupID: GroupID, routing: GroupRouting) {
        self.groupID = groupID
        self.routing = routing
    }
}

/// The most open tickets automatic assignment gives one employee, whatever the group: their own
/// cap, kept beside their schedule and replaced whole.
///
/// Every strategy applies it together with its own cap: the smaller of the two holds.
public struct EmployeeCapacity: Hashable, Sendable, Codable {
    /// The employee.
    public let employeeID: EmployeeID
    /// The most open tickets (0…``AssignmentStrategy/maximumCapacity``); `nil`: no cap of their own.
    public var maximum: Int?

    /// Describes an employee's cap.
    public init(employeeID: EmployeeID, maximum: Int?) {
        self.employeeID = employeeID
        self.maximum = maximum
    }
}

/// How automatic backlog drains run.
public struct AssignmentSettings: Hashable, Sendable {
    /// The most tickets one automatic drain of one group assigns: in the unit of work of the command
    /// that freed a slot, and per group per ``HelpDesk/tick(now:)`` (the rest waits for the next).
    /// Default 50, kept within 1…1000.
    public var drainLimit: Int {
        didSet { drainLimit = Self.clamp(drainLimit) }
    }

    /// Describes the settings.
    public init(drainLimit: Int = 50) {
        self.drainLimit = Self.clamp(drainLimit)
    }

    private static func clamp(_ limit: Int) -> Int { min(max(1, limit), TicketQuery.maximumLimit) }
}
