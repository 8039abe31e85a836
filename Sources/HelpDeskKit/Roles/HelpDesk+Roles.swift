extension HelpDesk {
    /// The store's role repository.
    var roleStore: any RoleRepository {
        get throws(HelpDeskError) { try feature((any RoleRepository).self) }
    }

    /// The roles `employee`'s grants resolve to. Built-in roles need no store; a grant of a role
    /// the store does not hold (or a store without roles) grants nothing.
    func authority(of employee: Employee) async throws(HelpDeskError) -> StaffAuthority {
        var holdings: [StaffAuthority.Holding] = []
        holdings.reserveCapacity(employee.grants.count)
        for grant in employee.grants {
            if let role = try await role(grant.roleID, required: false) {
                holdings.append(StaffAuthority.Holding(role: role, groupID: grant.groupID))
            }
        }
        return StaffAuthority(holdings)
    }

    /// The built-in or stored role `id`; `nil` (or ``HelpDeskError/roleNotFound(_:)`` when
    /// `required`) when there is none.
    func role(_ id: RoleID, required: Bool = true) async throws(HelpDeskError) -> Role? {
        if let builtIn = Role.builtIn.first(where: { $0.id == id }) { return builtIn }
        let stored: Role?
        if let roleStore = try optionalFeature((any RoleRepository).self) {
            stored = try await storage { try await roleStore.role(id) }
        } else {
            stored = nil
        }
        if stored == nil, required { throw .roleNotFound(id) }
        return stored
    }

    /// Defines a role; its name must be unused (ignoring case), its permissions known and its
    /// categories existing.
    public func defineRole(_ definition: RoleDefinition, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> Role
    {
        try await perform(
            by: performer, command: "defineRole", key: idempotencyKey, inputs: [definition]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageRoles))
            let role = Role(id: nextID(), definition)
            try await validate(role)
            context.work.roles.append(role)
            return role
        }
    }

    /// Changes a stored role; every employee holding it gains or loses permissions at once.
    public func changeRole(
        _ id: RoleID, to definition: RoleDefinition, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Role {
        try await perform(
            by: performer, command: "changeRole", key: idempotencyKey, inputs: [id, definition]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageRoles))
            if Role.builtIn.contains(where: { $0.id == id }) { throw .roleIsBuiltIn(id) }
            _ = try await role(id)
            let role = Role(id: id, definition)
            try await validate(role)
            context.work.roles.append(role)
            return role
        }
    }

    /// Replaces the roles `employee` holds. The desk keeps at least one active employee holding
    /// the administrator role desk-wide.
    public func grantRoles(
        _ grants: [RoleGrant], to employeeID: EmployeeID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Employee {
        try await perform(
            by: performer, command: "grantRoles", key: idempotencyKey, inputs: [employeeID, grants]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageRoles))
            var employee = try await loadEmployee(employeeID, mustBeActive: false)
            context.work.require(.employeeUnchanged(employee))
            try await validate(grants)
            employee.grants = Array(Set(grants)).sorted()
            try await ensureAnAdministratorRemains(after: employee, in: &context.work)
            context.work.employees.append(employee)
            return employee
        }
    }

    /// The built-in roles, then the desk's own, by name.
    public func roles(as viewer: Performer) async throws(HelpDeskError) -> [Role] {
        _ = try await authorize(viewer, .readDirectory)
        guard let roleStore = try optionalFeature((any RoleRepository).self) else { return Role.builtIn }
        return Role.builtIn + (try await storage { try await roleStore.roles() })
    }

    /// Checks a role's name, permissions and categories.
    private func validate(_ role: Role) async throws(HelpDeskError) {
        try Validate.notBlank(role.name, field: "name")
        try Validate.length(role.name, atMost: 200, field: "name")
        if let unknown = role.permissions.first(where: { !AccessAction.allPermissions.contains($0) }) {
            throw .invalidInput(field: "permissions", problem: .malformed(expected: "a known permission, not \(unknown)"))
        }
        for category in role.categoryIDs ?? [] {
            guard try await storage({ try await store.category(category) }) != nil else { throw .categoryNotFound(category) }
        }
        let folded = role.name.lowercased()
        let others = Role.builtIn + (try await storage { try await roleStore.roles() })
        if others.contains(where: { $0.id != role.id && $0.name.lowercased() == folded }) { throw .duplicateName(role.name) }
    }

    /// Checks that every granted role and group exists.
    func validate(_ grants: [RoleGrant]) async throws(HelpDeskError) {
        for grant in grants {
            _ = try await role(grant.roleID)
            if let group = grant.groupID, try await storage({ try await store.group(group) }) == nil {
                throw .groupNotFound(group)
            }
        }
    }

    /// Throws ``HelpDeskError/lastAdministrator(_:)`` unless an active employee other than
    /// `changed` (or `changed` itself) holds the administrator role desk-wide. The other
    /// administrator becomes a precondition of `work`, so two administrators stepping down at once
    /// cannot both succeed.
    func ensureAnAdministratorRemains(after changed: Employee, in work: inout UnitOfWork) async throws(HelpDeskError) {
        if changed.isActiveAdministrator { return }
        let employees = try await storage { try await store.employees() }
        guard let other = employees.first(where: { $0.id != changed.id && $0.isActiveAdministrator }) else {
            throw .lastAdministrator(changed.id)
        }
        work.require(.administratorActive(other.id))
    }
}
