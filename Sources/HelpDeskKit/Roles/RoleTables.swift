/// The in-memory store's roles.
struct RoleTables: CapabilityTable {
    var roles: [RoleID: Role] = [:]

    /// Checks the role part of `work`: a role name is unique (ignoring case) among stored roles
    /// and those the unit writes, and no built-in role is stored.
    func validate(_ changes: RoleChanges, of work: UnitOfWork, in store: InMemoryStore.State) throws(StorageError) {
        var names: [String: RoleID] = [:]
        for role in roles.values { names[role.name.lowercased()] = role.id }
        for role in changes.roles {
            if Role.builtIn.contains(where: { $0.id == role.id }) {
                throw StorageError(.conflict, "role \(role.id) is built in")
            }
            if let stored = roles[role.id] { names[stored.name.lowercased()] = nil }
        }
        for role in changes.roles {
            if let owner = names.updateValue(role.id, forKey: role.name.lowercased()), owner != role.id {
                throw StorageError(.conflict, "role name \(role.name) is taken")
            }
        }
    }

    /// Applies the role part of a validated unit.
    mutating func apply(_ changes: RoleChanges) {
        for role in changes.roles { roles[role.id] = role }
    }

    /// All roles by name, then identifier.
    var sorted: [Role] {
        roles.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    var image: RoleImage { RoleImage(roles: roles.values.sorted { $0.id < $1.id }) }

    init(image: RoleImage) {
        for role in image.roles { roles[role.id] = role }
    }
}

extension InMemoryStore: RoleRepository {
    public func role(_ id: RoleID) async throws -> Role? {
        state.withLock { $0.table(RoleTables.self).roles[id] }
    }

    public func roles() async throws -> [Role] {
        state.withLock { $0.table(RoleTables.self).sorted }
    }
}
