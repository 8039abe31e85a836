import Foundation

/// Identifies a role.
public typealias RoleID = Identifier<Role>

/// A named set of permissions, given to employees by ``RoleGrant``s: "Engineer", "Dispatcher",
/// "Accountant", "Head of support".
///
/// Ticket permissions (``AccessAction/ticketPermissions``) reach the tickets the role's
/// ``reach`` and ``categoryIDs`` allow, within the grant's group; the other permissions concern
/// the whole desk and come only from grants without a group.
public struct Role: Identifiable, Hashable, Sendable, Codable {
    /// The role's identifier.
    public let id: RoleID
    /// The name shown to administrators; unique among roles (ignoring case).
    public var name: String
    /// What the role allows.
    public var permissions: Set<AccessAction>
    /// Which tickets its ticket permissions reach.
    public var reach: TicketReach
    /// The service categories its ticket permissions reach; `nil` for every category (tickets
    /// without a category included).
    public var categoryIDs: Set<CategoryID>?

    /// Describes a role.
    public init(
        id: RoleID, name: String, permissions: Set<AccessAction>, reach: TicketReach = .all,
        categoryIDs: Set<CategoryID>? = nil
    ) {
        self.id = id
        self.name = name
        self.permissions = permissions
        self.reach = reach
        self.categoryIDs = categoryIDs
    }
}

/// Which tickets a role's ticket permissions reach, relative to the employee holding it.
public enum TicketReach: String, CaseIterable, Hashable, Sendable, Codable {
    /// Every ticket (within the grant's group and the role's categories).
    case all
    /// Tickets of the employee's groups, and tickets assigned to the employee.
    case myGroups
    /// Only tickets assigned to the employee.
    case assignedToMe
}

/// A role given to an employee, for the whole desk or for one support group's tickets.
public struct RoleGrant: Hashable, Sendable, Codable, Comparable {
    /// The role.
    public var roleID: RoleID
    /// The group whose tickets the grant covers; `nil` for the whole desk.
    public var groupID: GroupID?

    /// Grants `roleID`, desk-wide or for `groupID`'s tickets.
    public init(_ roleID: RoleID, group groupID: GroupID? = nil) {
        self.roleID = roleID
        self.groupID = groupID
    }

    public static func < (lhs: RoleGrant, rhs: RoleGrant) -> Bool {
        (lhs.roleID, lhs.groupID?.rawValue.uuidString ?? "") < (rhs.roleID, rhs.groupID?.rawValue.uuidString ?? "")
    }
}

extension Employee {
    /// `true` when the employee is active and holds the built-in administrator role desk-wide.
    public var isActiveAdministrator: Bool {
        isActive && grants.contains(RoleGrant(Role.administrator.id))
    }
}

extension Role {
    /// The built-in administrator: every permission on every ticket. It cannot be changed or
    /// removed, so a desk always has someone who can fix its roles; employees stored before roles
    /// existed hold it.
    public static let administrator = Role(
        id: RoleID(UUID(uuidString: "00000000-0000-0000-0000-00000000AD01")!), name: "Administrator",
        permissions: AccessAction.allPermissions)

    /// The roles every desk has.
    public static let builtIn: [Role] = [.administrator]
}
