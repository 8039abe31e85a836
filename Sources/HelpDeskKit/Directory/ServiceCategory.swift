/// A ticket type from the service catalog, optionally bound to a responsible employee or group.
public struct ServiceCategory: Identifiable, Hashable, Sendable, Codable {
    /// The category's identifier.
    public let id: CategoryID
    /// Display name, unique among siblings of the same parent (case-insensitive).
    public var name: String
    /// The enclosing category, for a tree-shaped catalog.
    public var parentID: CategoryID?
    /// Employee who receives new tickets of this category when none is given.
    public var defaultAssigneeID: EmployeeID?
    /// Group that receives new tickets of this category when none is given.
    public var defaultGroupID: GroupID?
    /// SLA policy of tickets in this category, unless a contract or client policy applies.
    public var slaPolicyID: SLAPolicyID?
    /// Whether clients see the category in the portal and may file tickets under it.
    public var isVisibleToClients: Bool

    /// Creates a category record.
    public init(
        id: CategoryID, name: String, parentID: CategoryID? = nil,
        defaultAssigneeID: EmployeeID? = nil, defaultGroupID: GroupID? = nil, slaPolicyID: SLAPolicyID? = nil,
        isVisibleToClients: Bool = true
    ) {
        self.isVisibleToClients = isVisibleToClients
        self.id = id
        self.name = name
        self.parentID = parentID
        self.defaultAssigneeID = defaultAssigneeID
        self.defaultGroupID = defaultGroupID
        self.slaPolicyID = slaPolicyID
    }
}

extension ServiceCategory {
    enum CodingKeys: String, CodingKey {
        case id, name, parentID, defaultAssigneeID, defaultGroupID, slaPolicyID, isVisibleToClients
    }

    /// Decodes a category; one written before client visibility existed is visible to clients.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(CategoryID.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            parentID: try c.decodeIfPresent(CategoryID.self, forKey: .parentID),
            defaultAssigneeID: try c.decodeIfPresent(EmployeeID.self, forKey: .defaultAssigneeID),
            defaultGroupID: try c.decodeIfPresent(GroupID.self, forKey: .defaultGroupID),
            slaPolicyID: try c.decodeIfPresent(SLAPolicyID.self, forKey: .slaPolicyID),
            isVisibleToClients: try c.decodeIfPresent(Bool.self, forKey: .isVisibleToClients) ?? true)
    }
}

/// The input of ``HelpDesk/addCategory(_:)``.
public struct NewServiceCategory: Hashable, Sendable, Codable {
    /// Display name; must not be blank.
    public var name: String
    /// An existing parent category.
    public var parentID: CategoryID?
    /// An active employee who gets new tickets of this category by default.
    public var defaultAssigneeID: EmployeeID?
    /// A group that gets new tickets of this category by default.
    public var defaultGroupID: GroupID?
    /// A configured SLA policy for tickets of this category.
    public var slaPolicyID: SLAPolicyID?
    /// Whether clients see the category and may file under it (`true` unless it is internal work).
    public var isVisibleToClients: Bool

    /// Describes a new category.
    public init(
        name: String, parentID: CategoryID? = nil,
        defaultAssigneeID: EmployeeID? = nil, defaultGroupID: GroupID? = nil, slaPolicyID: SLAPolicyID? = nil,
        isVisibleToClients: Bool = true
    ) {
        self.isVisibleToClients = isVisibleToClients
        self.name = name
        self.parentID = parentID
        self.defaultAssigneeID = defaultAssigneeID
        self.defaultGroupID = defaultGroupID
        self.slaPolicyID = slaPolicyID
    }
}
