/// Reads employees, groups and the service catalog.
public protocol DirectoryRepository: Sendable {
    /// The employee with `id`, or `nil`.
    func employee(_ id: EmployeeID) async throws -> Employee?
    /// All employees, sorted by name then identifier.
    func employees() async throws -> [Employee]
    /// The group with `id`, or `nil`.
    func group(_ id: GroupID) async throws -> SupportGroup?
    /// All groups, sorted by name then identifier.
    func groups() async throws -> [SupportGroup]
    /// The service category with `id`, or `nil`.
    func category(_ id: CategoryID) async throws -> ServiceCategory?
    /// All service categories, sorted by name then identifier.
    func categories() async throws -> [ServiceCategory]
}
