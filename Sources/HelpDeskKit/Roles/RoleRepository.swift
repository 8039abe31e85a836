/// Reads the desk's own roles (the built-in ``Role/builtIn`` roles are not stored). Writes go
/// through a ``UnitOfWork`` (``RoleChanges``).
public protocol RoleRepository: Sendable {
    /// The stored role with `id`, or `nil`.
    func role(_ id: RoleID) async throws -> Role?
    /// All stored roles, sorted by name (Swift `String` order), then identifier.
    func roles() async throws -> [Role]
}
