/// What an employee may do: their grants with the roles resolved, asked by the access policy.
public struct StaffAuthority: Hashable, Sendable {
    /// One grant with its role.
    public struct Holding: Hashable, Sendable {
        /// The role granted.
        public var role: Role
        /// The group whose tickets it covers; `nil` for the whole desk.
        public var groupID: GroupID?

        /// A resolved grant.
        public init(role: Role, groupID: GroupID?) {
            self.role = role
            self.groupID = groupID
        }
    }

    /// The employee's grants whose role exists, in grant order.
    public let holdings: [Holding]
    /// `true` when a desk-wide grant of the administrator role makes every check pass.
    public let isAdministrator: Bool

    /// The authority of `holdings`.
    public init(_ holdings: [Holding]) {
        self.holdings = holdings
        isAdministrator = holdings.contains { $0.role.id == Role.administrator.id && $0.groupID == nil }
    }

    /// `true` when some grant gives `action` for the whole desk, or, for a ticket permission asked
    /// without a ticket (e.g. a list), on at least some tickets.
    public func permits(_ action: AccessAction) -> Bool {
        if isAdministrator { return true }
        let onTickets = AccessAction.ticketPermissions.contains(action)
        return holdings.contains { $0.role.permissions.contains(action) && (onTickets || $0.groupID == nil) }
    }

    /// `true` when some grant gives `action` on `ticket` to `employee`: its role has the permission,
    /// the grant's group is the ticket's, the role's categories include the ticket's, and the
    /// role's reach includes the ticket.
    /// A permission that is not a ticket permission is checked desk-wide.
    public func permits(_ action: AccessAction, on ticket: Ticket, by employee: Employee) -> Bool {
        if isAdministrator { return true }
        guard AccessAction.ticketPermissions.contains(action) else { return permits(action) }
        return holdings.contains { holding in
            holding.role.permissions.contains(action) && Self.covers(holding, ticket, employee)
        }
    }

    /// `true` when `holding` reaches `ticket` for `employee`.
    static func covers(_ holding: Holding, _ ticket: Ticket, _ employee: Employee) -> Bool {
        if let group = holding.groupID, ticket.groupID != group { return false }
        if let categories = holding.role.categoryIDs {
            guard let category = ticket.categoryID, categories.contains(category) else { return false }
        }
        switch holding.role.reach {
        case .all: return true
        case .assignedToMe: return ticket.assigneeID == employee.id
        case .myGroups:
            return ticket.assigneeID == employee.id || ticket.groupID.map(employee.groupIDs.contains) == true
        }
    }
}

extension StaffAuthority {
    /// `true` when a desk-wide grant reads every ticket: its role has ``AccessAction/readTicket``,
    /// reaches all tickets and is not limited to categories.
    public var readsEveryTicket: Bool {
        holdings.contains {
            $0.groupID == nil && $0.role.reach == .all && $0.role.categoryIDs == nil
                && $0.role.permissions.contains(.readTicket)
        }
    }
}

extension StaffAuthority {
    /// The tickets `employee` may read, as reach clauses a query can carry; `nil` for every ticket.
    /// A ticket matches a clause exactly when ``permits(_:on:by:)`` allows reading it.
    public func readableTickets(by employee: Employee) -> [TicketReachClause]? {
        if isAdministrator || readsEveryTicket { return nil }
        return holdings.filter { $0.role.permissions.contains(.readTicket) }.flatMap { holding in
            let base = TicketReachClause(
                groupIDs: holding.groupID.map { [$0] }, categoryIDs: holding.role.categoryIDs.map { Set($0.map(Optional.some)) })
            let assigned = base.intersection(TicketReachClause(assigneeIDs: [employee.id]))
            switch holding.role.reach {
            case .all: return [base]
            case .assignedToMe: return [assigned]
            case .myGroups:
                return [base.intersection(TicketReachClause(groupIDs: Set(employee.groupIDs.map(Optional.some)))), assigned]
            }
        }
    }
}
