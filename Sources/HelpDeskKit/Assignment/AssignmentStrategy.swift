/// How an automatic assignment picks a group member: the rotation or the load, optionally capped.
///
/// `.roundRobin` and `.leastLoaded(weightedByPriority:)` build the two kinds; ``capped(at:)``
/// adds a capacity cap: a member who already holds that many open tickets is skipped.
public struct AssignmentStrategy: Hashable, Sendable, Codable {
    /// The two ways of choosing.
    public enum Kind: Hashable, Sendable, Codable {
        /// A fair rotation over the eligible members, after the one assigned last.
        case roundRobin
        /// The eligible member with the fewest open tickets (priority-weighted when asked); ties go
        /// to the round-robin order.
        case leastLoaded(weightedByPriority: Bool)
    }

    /// How the member is chosen.
    public var kind: Kind
    /// The most open tickets a member may hold and still be given one; `nil`: no cap.
    public var capacity: Int?

    /// Describes a strategy.
    public init(_ kind: Kind, capacity: Int? = nil) {
        self.kind = kind
        self.capacity = capacity
    }

    /// A fair rotation over the eligible members, without a cap.
    public static let roundRobin = AssignmentStrategy(.roundRobin)

    /// The eligible member with the fewest open tickets, without a cap.
    public static func leastLoaded(weightedByPriority: Bool = false) -> AssignmentStrategy {
        AssignmentStrategy(.leastLoaded(weightedByPriority: weightedByPriority))
    }

    /// The same strategy, skipping members who hold `maximum` open tickets or more.
    public func capped(at maximum: Int) -> AssignmentStrategy {
        AssignmentStrategy(kind, capacity: maximum)
    }

    /// What a ticket of `priority` weighs in a priority-weighted load: critical 4, high 2,
    /// normal and low 1.
    public static func weight(of priority: Priority) -> Int {
        switch priority {
        case .critical: 4
        case .high: 2
        case .normal, .low: 1
        }
    }

    /// Largest capacity a strategy may name.
    public static let maximumCapacity = 1_000_000
}

/// A group member as the strategies see them at one instant.
public struct AssignmentCandidate: Hashable, Sendable, Codable {
    /// The member.
    public var employeeID: EmployeeID
    /// `false` once the employee has left.
    public var isActive: Bool
    /// `true` when the member's working calendar has working time at the instant (always without one).
    public var isOnShift: Bool
    /// The member's open tickets (status not resolved, closed or cancelled) by priority.
    public var openTickets: [Priority: Int]
    /// The member's own cap (``EmployeeCapacity``); `nil`: none.
    public var capacity: Int?

    /// Describes a candidate.
    public init(
        employeeID: EmployeeID, isActive: Bool = true, isOnShift: Bool = true, openTickets: [Priority: Int] = [:],
        capacity: Int? = nil
    ) {
        self.employeeID = employeeID
        self.isActive = isActive
        self.isOnShift = isOnShift
        self.openTickets = openTickets
        self.capacity = capacity
    }

    /// All open tickets, whatever their priority (saturating at `Int.max`).
    public var openTicketCount: Int {
        openTickets.values.reduce(0) { total, count in Self.saturatingAdd(total, max(0, count)) }
    }

    /// Open tickets weighted by ``AssignmentStrategy/weight(of:)`` (saturating at `Int.max`).
    public var weightedLoad: Int {
        openTickets.reduce(0) { total, entry in
            let (weighted, overflow) = max(0, entry.value).multipliedReportingOverflow(
                by: AssignmentStrategy.weight(of: entry.key))
            return Self.saturatingAdd(total, overflow ? .max : weighted)
        }
    }

    private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}

/// The outcome of one choice: the member chosen (or nobody) and the cursor to store.
public struct AssignmentDecision: Hashable, Sendable {
    /// The member to assign; `nil` when nobody is eligible.
    public var assigneeID: EmployeeID?
    /// The round-robin cursor afterwards: the member chosen, or the cursor unchanged.
    public var cursor: EmployeeID?

    /// Describes a decision.
    public init(assigneeID: EmployeeID?, cursor: EmployeeID?) {
        self.assigneeID = assigneeID
        self.cursor = cursor
    }
}

extension AssignmentStrategy {
    /// `true` when `candidate` may be given a ticket: active, on shift and below the cap that
    /// holds for them (``capacity(for:)``).
    public func isEligible(_ candidate: AssignmentCandidate) -> Bool {
        guard candidate.isActive, candidate.isOnShift else { return false }
        guard let capacity = capacity(for: candidate) else { return true }
        return candidate.openTicketCount < capacity
    }

    /// The cap that holds for `candidate`: the smaller of the strategy's and the member's own;
    /// `nil` when neither has one.
    public func capacity(for candidate: AssignmentCandidate) -> Int? {
        switch (capacity, candidate.capacity) {
        case (let group?, let own?): min(group, own)
        case (let group?, nil): group
        case (nil, let own): own
        }
    }

    /// Picks the assignee among `candidates` after the member `cursor` assigned last.
    ///
    /// The rotation is the candidates ordered by identifier (duplicates after the first are
    /// ignored), starting with the first member whose identifier follows `cursor` and wrapping
    /// around; the cursor's own member, if still present, comes last. Round-robin takes the first
    /// eligible member of the rotation; least-loaded the eligible member with the smallest load,
    /// the earliest in the rotation among equals. Pure: the same input gives the same decision.
    ///
    /// - Complexity: O(k log k) for k candidates.
    public func choose(among candidates: [AssignmentCandidate], after cursor: EmployeeID?) -> AssignmentDecision {
        var seen: Set<EmployeeID> = []
        let ordered = candidates.sorted { $0.employeeID < $1.employeeID }.filter { seen.insert($0.employeeID).inserted }
        let start = cursor.map { last in ordered.firstIndex { $0.employeeID > last } ?? ordered.endIndex } ?? 0
        let rotation = ordered[start...] + ordered[..<start]
        let eligible = rotation.filter(isEligible)
        let chosen: AssignmentCandidate?
        switch kind {
        case .roundRobin:
            chosen = eligible.first
        case .leastLoaded(let weighted):
            let load: (AssignmentCandidate) -> Int = weighted ? { $0.weightedLoad } : { $0.openTicketCount }
            // `min(by:)` keeps the first of equal elements: ties go to the rotation's order.
            chosen = eligible.min { load($0) < load($1) }
        }
        guard let chosen else { return AssignmentDecision(assigneeID: nil, cursor: cursor) }
        return AssignmentDecision(assigneeID: chosen.employeeID, cursor: chosen.employeeID)
    }
}
