/// A group (department) of employees that tickets can be routed to.
public struct SupportGroup: Identifiable, Hashable, Sendable, Codable {
    /// The group's identifier.
    public let id: GroupID
    /// Display name, unique across groups (case-insensitive).
    public var name: String

    /// Creates a group record.
    public init(id: GroupID, name: String) {
        self.id = id
        self.name = name
    }
}
