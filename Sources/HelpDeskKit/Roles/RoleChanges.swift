/// The role part of a ``UnitOfWork``: roles defined or changed.
public struct RoleChanges: CapabilityChanges {
    /// Roles to insert or replace.
    public var roles: [Role] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { roles.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for role in roles {
            body(.record(kind: "role", id: role.id.description))
            body(.record(kind: "roleName", id: role.name.lowercased()))
        }
    }

    private enum CodingKeys: String, CodingKey {
        case roles
    }

    /// Decodes leniently: units written before roles existed have none.
    public init(from decoder: any Decoder) throws {
        roles = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([Role].self, forKey: .roles) ?? []
    }

    /// Encodes the roles only when there are some.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !roles.isEmpty { try container.encode(roles, forKey: .roles) }
    }
}

extension UnitOfWork {
    /// Roles to insert or replace (``RoleChanges/roles``).
    public var roles: [Role] {
        get { self[RoleChanges.self].roles }
        set { self[RoleChanges.self].roles = newValue }
    }
}

/// The roles of a ``StoreImage``.
public struct RoleImage: CapabilityImage {
    public static let key = "roles"

    /// All stored roles, sorted by identifier.
    public var roles: [Role]

    /// Describes the roles of an image.
    public init(roles: [Role]) {
        self.roles = roles
    }

    /// No roles.
    public init() { self.init(roles: []) }

    public var isEmpty: Bool { roles.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case roles
    }

    /// Decodes leniently: snapshots written before roles existed have none.
    public init(from decoder: any Decoder) throws {
        roles = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([Role].self, forKey: .roles) ?? []
    }
}

extension StoreImage {
    /// The desk's own roles.
    public var roles: RoleImage {
        get { capabilities[RoleImage.self] }
        set { capabilities[RoleImage.self] = newValue }
    }
}

extension Capability {
    /// Roles: named permission sets granted to employees.
    static let roles = Capability(name: "roles", tables: RoleTables.self)
}
