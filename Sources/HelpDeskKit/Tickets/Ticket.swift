import Foundation

/// A ticket (service request): the central record of the help desk.
///
/// Values change only through ``HelpDesk`` commands, each of which records an audit entry per
/// changed field (see ``AuditField``) and bumps ``revision``.
public struct Ticket: Identifiable, Hashable, Sendable, Codable {
    /// Internal identifier.
    public let id: TicketID
    /// Human-facing number, sequential per desk (`#1042`).
    public let number: TicketNumber
    /// Short summary; never blank.
    public var title: String
    /// Full description of the request.
    public var description: String
    /// Where the ticket came from.
    public var channel: Channel
    /// Type from the service catalog.
    public var categoryID: CategoryID?
    /// Urgency.
    public var priority: Priority
    /// Current status, one of the workflow's codes.
    public var status: StatusCode
    /// Who asked for the work.
    public var requester: Requester
    /// The client company the work is for.
    public var companyID: CompanyID?
    /// The client's location the work is at.
    public var locationID: LocationID?
    /// The contract the work is done under.
    public var contractID: ContractID?
    /// The equipment the ticket is about, sorted.
    public var assetIDs: [AssetID]
    /// Responsible employee.
    public var assigneeID: EmployeeID?
    /// Responsible group (department).
    public var groupID: GroupID?
    /// Employees who receive every notification about the ticket ("under control"), sorted.
    public var watcherIDs: [EmployeeID]
    /// Further contacts of the ticket's company who follow it in the portal (copied in), sorted.
    public var ccContactIDs: [ContactID]
    /// Metadata of files attached to the ticket itself (comment files live on comments).
    public var attachments: [Attachment]
    /// Host-defined fields.
    public var customFields: [String: CustomFieldValue]
    /// Links to other tickets, sorted by kind then ticket.
    public var links: [TicketLink]
    /// When a postponed ticket returns to work; `nil` unless postponed.
    public var postponedUntil: Date?
    /// When an employee first answered the client publicly.
    public var firstResponseAt: Date?
    /// When the ticket last entered a `resolved` status.
    public var resolvedAt: Date?
    /// When the ticket entered a `closed` status.
    public var closedAt: Date?
    /// SLA clocks, when a policy applies to the ticket (boxed: the clocks are large and rarely
    /// change, and tickets are copied often).
    @Boxed public var sla: TicketSLA?
    /// When the ticket was registered.
    public let createdAt: Date
    /// When the ticket last changed.
    public var updatedAt: Date
    /// Incremented by every committed change; used for optimistic concurrency by adapters.
    public var revision: Int

    /// Creates a ticket value. Hosts obtain tickets from ``HelpDesk``; this is for adapters and tests.
    public init(
        id: TicketID, number: TicketNumber, title: String, description: String = "",
        channel: Channel, categoryID: CategoryID? = nil, priority: Priority = .normal,
        status: StatusCode, requester: Requester, companyID: CompanyID? = nil, locationID: LocationID? = nil,
        contractID: ContractID? = nil, assetIDs: [AssetID] = [], assigneeID: EmployeeID? = nil, groupID: GroupID? = nil,
        watcherIDs: [EmployeeID] = [], ccContactIDs: [ContactID] = [], attachments: [Attachment] = [],
        customFields: [String: CustomFieldValue] = [:], links: [TicketLink] = [],
        postponedUntil: Date? = nil, firstResponseAt: Date? = nil, resolvedAt: Date? = nil,
        closedAt: Date? = nil, sla: TicketSLA? = nil, createdAt: Date, updatedAt: Date? = nil, revision: Int = 1
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.description = description
        self.channel = channel
        self.categoryID = categoryID
        self.priority = priority
        self.status = status
        self.requester = requester
        self.companyID = companyID
        self.locationID = locationID
        self.contractID = contractID
        self.assetIDs = assetIDs
        self.assigneeID = assigneeID
        self.groupID = groupID
        self.watcherIDs = watcherIDs
        self.ccContactIDs = ccContactIDs
        self.attachments = attachments
        self.customFields = customFields
        self.links = links
        self.postponedUntil = postponedUntil
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self._sla = Boxed(wrappedValue: sla)
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.revision = revision
    }
}
