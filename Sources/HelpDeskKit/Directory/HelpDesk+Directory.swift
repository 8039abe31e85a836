import Foundation

extension HelpDesk {
    /// Adds an employee; the email must be unused (ignoring case) and the groups must exist.
    public func addEmployee(_ request: NewEmployee, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> Employee
    {
        try await perform(
            by: performer, command: "addEmployee", key: idempotencyKey, inputs: [request]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageDirectory))
            if !request.grants.isEmpty { try authorize(context.principal, AccessRequest(.manageRoles)) }
            try Validate.notBlank(request.name, field: "name")
            try Validate.email(request.email)
            let existing = try await storage { try await store.employees() }
            if existing.contains(where: { $0.email.lowercased() == request.email.lowercased() }) {
                throw .duplicateEmail(request.email)
            }
            for group in request.groupIDs {
                guard try await storage({ try await store.group(group) }) != nil else { throw .groupNotFound(group) }
            }
            try await validate(request.grants)
            let employee = Employee(
                id: nextID(), name: request.name, email: request.email, groupIDs: request.groupIDs, grants: request.grants)
            context.work.employees.append(employee)
            return employee
        }
    }

    /// Marks an employee as having left: they can no longer act or be assigned; history stays.
    public func deactivateEmployee(_ id: EmployeeID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> Employee
    {
        try await perform(
            by: performer,
            command: "deactivateEmployee", key: idempotencyKey, inputs: [id]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageDirectory))
            var employee = try await loadEmployee(id, mustBeActive: false)
            guard employee.isActive else { return employee }
            context.work.require(.employeeUnchanged(employee))
            employee.isActive = false
            try await ensureAnAdministratorRemains(after: employee, in: &context.work)
            context.work.employees.append(employee)
            return employee
        }
    }

    /// Adds a group (department); the name must be unused (ignoring case).
    public func addGroup(named name: String, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> SupportGroup
    {
        try await perform(
            by: performer, command: "addGroup", key: idempotencyKey, inputs: [name]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageDirectory))
            try Validate.notBlank(name, field: "name")
            let existing = try await storage { try await store.groups() }
            if existing.contains(where: { $0.name.lowercased() == name.lowercased() }) { throw .duplicateName(name) }
            let group = SupportGroup(id: nextID(), name: name)
            context.work.groups.append(group)
            return group
        }
    }

    /// Adds a service category; siblings may not share a name (ignoring case).
    public func addCategory(
        _ request: NewServiceCategory, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> ServiceCategory {
        try await perform(
            by: performer, command: "addCategory", key: idempotencyKey, inputs: [request]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageDirectory))
            try Validate.notBlank(request.name, field: "name")
            let existing = try await storage { try await store.categories() }
            if let parentID = request.parentID, !existing.contains(where: { $0.id == parentID }) {
                throw .categoryNotFound(parentID)
            }
            if existing.contains(where: {
                $0.parentID == request.parentID && $0.name.lowercased() == request.name.lowercased()
            }) {
                throw .duplicateName(request.name)
            }
            try await validateAssignment(assignee: request.defaultAssigneeID, group: request.defaultGroupID)
            if let policy = request.slaPolicyID, configuration.sla.policy(policy) == nil {
                throw .unknownSLAPolicy(policy)
            }
            let category = ServiceCategory(
                id: nextID(), name: request.name, parentID: request.parentID,
                defaultAssigneeID: request.defaultAssigneeID, defaultGroupID: request.defaultGroupID,
                slaPolicyID: request.slaPolicyID, isVisibleToClients: request.isVisibleToClients)
            context.work.categories.append(category)
            return category
        }
    }

    /// All employees, sorted by name.
    public func employees(as viewer: Performer) async throws(HelpDeskError) -> [Employee] {
        _ = try await authorize(viewer, .readDirectory)
        return try await storage { try await store.employees() }
    }

    /// All groups, sorted by name.
    public func groups(as viewer: Performer) async throws(HelpDeskError) -> [SupportGroup] {
        _ = try await authorize(viewer, .readDirectory)
        return try await storage { try await store.groups() }
    }

    /// The service catalog, sorted by name. A client sees only the categories visible to clients,
    /// without their routing and SLA settings, and without a parent it may not see.
    public func categories(as viewer: Performer) async throws(HelpDeskError) -> [ServiceCategory] {
        let principal = try await authorize(viewer, .readCatalog)
        let all = try await storage { try await store.categories() }
        guard principal.isClient else { return all }
        let visible = all.filter(\.isVisibleToClients)
        let shown = Set(visible.map(\.id))
        return visible.map { category in
            ServiceCategory(
                id: category.id, name: category.name, parentID: category.parentID.flatMap { shown.contains($0) ? $0 : nil })
        }
    }
}
