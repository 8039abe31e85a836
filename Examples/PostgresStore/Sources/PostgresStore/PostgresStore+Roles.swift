import HelpDeskKit
import PostgresNIO

extension PostgresStore: RoleRepository {
    /// The stored role with `id`, or `nil`.
    public func role(_ id: RoleID) async throws -> Role? {
        try await record(Role.self, "SELECT body FROM roles WHERE id = \(id.uuid)")
    }

    /// All stored roles, by name then identifier.
    public func roles() async throws -> [Role] {
        try await records(Role.self, "SELECT body FROM roles").sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// Stores roles, upserted by identifier; a built-in role is refused and a name taken by
    /// another role (ignoring case) fails the deferred unique key, both as conflicts.
    func writeRoles(_ changes: RoleChanges, on connection: PostgresConnection) async throws {
        for role in changes.roles {
            if Role.builtIn.contains(where: { $0.id == role.id }) {
                throw StorageError(.conflict, "role \(role.id) is built in")
            }
            let body = try RecordCoding.encode(role)
            try await execute(
                """
                INSERT INTO roles (id, name, name_folded, body)
                VALUES (\(role.id.uuid), \(role.name), \(role.name.lowercased()), \(body))
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, name_folded = EXCLUDED.name_folded, body = EXCLUDED.body
                """, on: connection)
        }
    }
}
