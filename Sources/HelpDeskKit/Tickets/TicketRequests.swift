/// The input of ``HelpDesk/createTicket(_:by:)``.
public struct NewTicket: Hashable, Sendable, Encodable {
    /// Short summary; must not be blank.
    public var title: String
    /// Full description.
    public var description: String
    /// Where the request came from.
    public var channel: Channel
    /// Type from the service catalog; its default assignee and group apply when none is given.
    public var categoryID: CategoryID?
    /// Urgency.
    public var priority: Priority
    /// Who asks for the work; a registered contact fills in the company and location.
    public var requester: Requester
    /// The client company.
    public var companyID: CompanyID?
    /// The client's location.
    public var locationID: LocationID?
    /// The contract; found automatically when not given.
    public var contractID: ContractID?
    /// The equipment concerned.
    public var assetIDs: [AssetID]
    /// Responsible employee.
    public var assigneeID: EmployeeID?
    /// Responsible group; the assignee must belong to it.
    public var groupID: GroupID?
    /// Employees who follow the ticket.
    public var watcherIDs: [EmployeeID]
    /// Files that came with the request.
    public var attachments: [Attachment]
    /// Host-defined fields.
    public var customFields: [String: CustomFieldValue]
    /// Further active contacts of the ticket's company who may follow it in the portal.
    public var ccContactIDs: [ContactID]

    /// Describes a new ticket.
    public init(
        title: String, description: String = "", channel: Channel, categoryID: CategoryID? = nil,
        priority: Priority = .normal, requester: Requester, companyID: CompanyID? = nil, locationID: LocationID? = nil,
        contractID: ContractID? = nil, assetIDs: [AssetID] = [], assigneeID: EmployeeID? = nil, groupID: GroupID? = nil,
        watcherIDs: [EmployeeID] = [], attachments: [Attachment] = [], customFields: [String: CustomFieldValue] = [:],
        ccContactIDs: [ContactID] = []
    ) {
        self.ccContactIDs = ccContactIDs
        self.title = title
        self.description = description
        self.channel = channel
        self.categoryID = categoryID
        self.priority = priority
        self.requester = requester
        self.companyID = companyID
        self.locationID = locationID
        self.contractID = contractID
        self.assetIDs = assetIDs
        self.assigneeID = assigneeID
        self.groupID = groupID
        self.watcherIDs = watcherIDs
        self.attachments = attachments
        self.customFields = customFields
    }
}

/// The input of ``HelpDesk/updateTicket(_:_:by:)``: only the fields that are set change.
public struct TicketUpdate: Hashable, Sendable, Encodable {
    /// New title.
    public var title: String?
    /// New description.
    public var description: String?
    /// New channel (a dispatcher correcting the record).
    public var channel: Channel?
    /// New priority.
    public var priority: Priority?
    /// New category: `.some(nil)` clears it.
    public var categoryID: CategoryID??
    /// New requester.
    public var requester: Requester?
    /// New company (`.some(nil)` clears it).
    public var companyID: CompanyID??
    /// New location (`.some(nil)` clears it).
    public var locationID: LocationID??
    /// New contract (`.some(nil)` clears it).
    public var contractID: ContractID??
    /// New list of equipment.
    public var assetIDs: [AssetID]?
    /// New list of contacts copied on the ticket (active contacts of its company).
    public var ccContactIDs: [ContactID]?
    /// Custom fields to set; a `nil` value removes the field.
    public var customFields: [String: CustomFieldValue?]

    /// Describes an update.
    public init(
        title: String? = nil, description: String? = nil, channel: Channel? = nil, priority: Priority? = nil,
        categoryID: CategoryID?? = nil, requester: Requester? = nil, companyID: CompanyID?? = nil,
        locationID: LocationID?? = nil, contractID: ContractID?? = nil, assetIDs: [AssetID]? = nil,
        customFields: [String: CustomFieldValue?] = [:], ccContactIDs: [ContactID]? = nil
    ) {
        self.ccContactIDs = ccContactIDs
        self.title = title
        self.description = description
        self.channel = channel
        self.priority = priority
        self.categoryID = categoryID
        self.requester = requester
        self.companyID = companyID
        self.locationID = locationID
        self.contractID = contractID
        self.assetIDs = assetIDs
        self.customFields = customFields
    }
}

/// The input of ``HelpDesk/comment(on:_:by:)``.
public struct NewComment: Hashable, Sendable, Encodable {
    /// The text; may be blank only when files are attached.
    public var body: String
    /// Public reply or internal note; clients write public replies only.
    public var visibility: CommentVisibility
    /// Files attached to the comment.
    public var attachments: [Attachment]
    /// Knowledge-base articles the comment cites (a public reply: only articles the requester may read).
    public var citations: [KnowledgeArticleID]

    /// Describes a comment.
    public init(
        _ body: String, visibility: CommentVisibility = .public, attachments: [Attachment] = [],
        citations: [KnowledgeArticleID] = []
    ) {
        self.body = body
        self.visibility = visibility
        self.attachments = attachments
        self.citations = citations
    }

    private enum CodingKeys: String, CodingKey {
        case body, visibility, attachments, citations
    }

    /// Encodes the citations only when there are some (idempotency fingerprints of comments without stay as they were).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(body, forKey: .body)
        try container.encode(visibility, forKey: .visibility)
        try container.encode(attachments, forKey: .attachments)
        if !citations.isEmpty { try container.encode(citations, forKey: .citations) }
    }
}
