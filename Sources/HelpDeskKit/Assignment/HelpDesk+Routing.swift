import Foundation

extension HelpDesk {
    /// Sets `group`'s routing (lead, strategy, automatic backlog drain), replacing the one it had.
    /// The lead must be an active member of the group; draining needs a strategy. Turning draining
    /// on drains the group's backlog in the same unit of work.
    public func setRouting(
        _ routing: GroupRouting, of group: GroupID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> GroupRouting {
        if let strategy = routing.strategy { try Validate.strategy(strategy) }
        if routing.drainsBacklog, routing.strategy == nil { throw .invalidInput(field: "strategy", problem: .blank) }
        return try await perform(
            by: performer, command: "setRouting", key: idempotencyKey, inputs: [routing, group]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageDirectory))
            guard try await storage({ try await store.group(group) }) != nil else { throw .groupNotFound(group) }
            if let lead = routing.lead {
                let employee = try await loadEmployee(lead)
                guard employee.groupIDs.contains(group) else { throw .assigneeNotInGroup(lead, group) }
                context.work.require(.employeeActive(lead))
            }
            let stored = try await assignments { try await $0.groupRouting(of: group) }
            if (stored?.routing ?? GroupRouting()) != routing {
                context.work.groupRoutings.append(GroupRoutingRecord(groupID: group, routing: routing))
                if routing.drainsBacklog { context.work.notes.drainGroups.insert(group) }
            }
            return routing
        }
    }

    /// `group`'s routing, or `nil` when none was set.
    public func routing(of group: GroupID, as viewer: Performer) async throws(HelpDeskError) -> GroupRouting? {
        _ = try await authorize(viewer, .readDirectory)
        guard try await storage({ try await store.group(group) }) != nil else { throw .groupNotFound(group) }
        return try await routing(of: group)
    }

    /// `group`'s routing as stored, or `nil` when none was set or the store keeps no assignment
    /// records. Its ``GroupRouting/lead`` may have left since it was set: check before telling them.
    func routing(of group: GroupID) async throws(HelpDeskError) -> GroupRouting? {
        guard let repository = try optionalFeature((any AssignmentRepository).self) else { return nil }
        return try await storage { try await repository.groupRouting(of: group) }?.routing
    }

    /// Sets the most open tickets automatic assignment gives `employee` (0…1,000,000), in any group
    /// and with any strategy (a strategy's own cap also holds: the smaller wins); `nil` removes
    /// their own cap. Raising or removing it drains the backlogs of their groups that drain on
    /// their own, in the same unit of work.
    public func setAssignmentCapacity(
        of employee: EmployeeID, _ maximum: Int?, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> EmployeeCapacity {
        if let maximum { try Validate.range(maximum, 0...AssignmentStrategy.maximumCapacity, field: "capacity") }
        return try await perform(
            by: performer, command: "setAssignmentCapacity", key: idempotencyKey, inputs: [employee, maximum]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageDirectory))
            _ = try await loadEmployee(employee, mustBeActive: false)
            let capacity = EmployeeCapacity(employeeID: employee, maximum: maximum)
            let stored = try await assignments { try await $0.employeeCapacity(of: employee) }?.maximum
            if stored != maximum {
                context.work.employeeCapacities.append(capacity)
                // A larger cap (or none) gives the employee room: their groups' backlogs may drain.
                if let stored, maximum.map({ $0 > stored }) ?? true {
                    context.work.notes.freedEmployees.insert(employee)
                }
            }
            return capacity
        }
    }

    /// `employee`'s own cap on open tickets from automatic assignment, or `nil` when they have none.
    public func assignmentCapacity(of employee: EmployeeID, as viewer: Performer) async throws(HelpDeskError) -> Int? {
        _ = try await authorize(viewer, .readDirectory)
        _ = try await loadEmployee(employee, mustBeActive: false)
        return try await assignments { try await $0.employeeCapacity(of: employee) }?.maximum
    }
}
