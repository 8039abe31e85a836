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

    /// Creates an employee record.
    public init(id: EmployeeID, name: String, email: String, groupIDs: [GroupID] = [], isActive: Bool = true) {
        self.id = id
        self.name = name
        self.email = email
        self.groupIDs = Array(Set(groupIDs)).sorted()
        self.isActive = isActive
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

    /// Describes a new employee.
    public init(name: String, email: String, groupIDs: [GroupID] = []) {
        self.name = name
        self.email = email
        self.groupIDs = groupIDs
    }
}
