/// The input of ``HelpDesk/defineRole(_:by:idempotencyKey:)`` and
/// ``HelpDesk/changeRole(_:to:by:idempotencyKey:)``.
public struct RoleDefinition: Hashable, Sendable, Codable {
    /// The role's name; not blank, at most 200 characters, unused by other roles (ignoring case).
    public var name: String
    /// What the role allows; each must be one of ``AccessAction/allPermissions``.
    public var permissions: Set<AccessAction>
    /// Which tickets its ticket permissions reach.
    public var reach: TicketReach
    /// The service categories its ticket permissions reach (existing ones); `nil` for all.
    public var categoryIDs: Set<CategoryID>?

    /// Describes a role.
    public init(
        name: String, permissions: Set<AccessAction>, reach: TicketReach = .all, categoryIDs: Set<CategoryID>? = nil
    ) {
        self.name = name
        self.permissions = permissions
        self.reach = reach
        self.categoryIDs = categoryIDs
    }

    /// A role giving `level` on tickets, plus `extra` permissions.
    public init(
        name: String, tickets level: AccessAction.TicketLevel, plus extra: Set<AccessAction> = [],
        reach: TicketReach = .all, categoryIDs: Set<CategoryID>? = nil
    ) {
        self.init(name: name, permissions: level.permissions.union(extra), reach: reach, categoryIDs: categoryIDs)
    }
}

extension Role {
    /// The role `id` as `definition` describes it.
    init(id: RoleID, _ definition: RoleDefinition) {
        self.init(
            id: id, name: definition.name, permissions: definition.permissions, reach: definition.reach,
            categoryIDs: definition.categoryIDs)
    }
}
