/// An employee of the service company: agent, engineer, dispatcher or manager.
public struct Employee: Identifiable, Hashable, Sendable, Codable {
    /// The employee's identifier.
    public let id: EmployeeID
    /// Full name as shown to colleagues and clients.
    public var name: String
    /// Work email; unique across employees (case-insensitive).
    public var email: String
    /// Groups (departments) the employee belongs to, sorted and without repeats.
    public var groupIDs: [GroupID]
    /// `false` once the employee has left: no new assignments, history stays.
    public var isActive: Bool
    /// The roles the employee holds, desk-wide or per group, sorted and without repeats.
    public var grants: [RoleGrant]

    /// Creates an employee record; without `grants` the employee is an administrator, as every
    /// employee was before roles existed.
    public init(
        id: EmployeeID, name: String, email: String, groupIDs: [GroupID] = [], isActive: Bool = true,
        grants: [RoleGrant] = [RoleGrant(Role.administrator.id)]
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.groupIDs = Array(Set(groupIDs)).sorted()
        self.isActive = isActive
        self.grants = Array(Set(grants)).sorted()
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, email, groupIDs, isActive, grants
    }

    /// Decodes an employee; a record written before roles existed holds the administrator role.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(EmployeeID.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            email: try container.decode(String.self, forKey: .email),
            groupIDs: try container.decode([GroupID].self, forKey: .groupIDs),
            isActive: try container.decode(Bool.self, forKey: .isActive),
            grants: try container.decodeIfPresent([RoleGrant].self, forKey: .grants) ?? [RoleGrant(Role.administrator.id)])
    }
}

/// The input of ``HelpDesk/addEmployee(_:)``.
public struct NewEmployee: Hashable, Sendable, Codable {
    /// Full name; must not be blank.
    public var name: String
    /// Work email; must look like an address and be unused by other employees.
    public var email: String
    /// Existing groups the employee joins.
    public var groupIDs: [GroupID]
    /// Roles the employee holds (existing roles; a grant's group must exist).
    public var grants: [RoleGrant]

    /// Describes a new employee; without `grants` they are an administrator (hosts that use
    /// roles pass them).
    public init(name: String, email: String, groupIDs: [GroupID] = [], grants: [RoleGrant] = [RoleGrant(Role.administrator.id)]) {
        self.name = name
        self.email = email
        self.groupIDs = groupIDs
        self.grants = grants
    }
}
