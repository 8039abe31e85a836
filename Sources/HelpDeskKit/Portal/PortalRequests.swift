import Foundation

/// How a client's ticket list is ordered.
public enum PortalSort: String, CaseIterable, Hashable, Sendable, Codable {
    /// Newest first (the default).
    case newest
    /// Oldest first.
    case oldest
    /// By number, ascending.
    case number
}

/// The filters and page of a client's ticket list.
public struct PortalTicketQuery: Hashable, Sendable, Encodable {
    /// Only tickets in these status categories (`nil`: all).
    public var statusCategories: Set<StatusCategory>?
    /// Only tickets whose title contains this text (case- and accent-insensitive).
    public var text: String?
    /// Only tickets at these locations.
    public var locationIDs: Set<LocationID>?
    /// Only tickets the contact requested itself.
    public var requestedByMe: Bool
    /// The order.
    public var sort: PortalSort
    /// Tickets to skip.
    public var offset: Int
    /// Page size, 1 to ``TicketQuery/maximumLimit``.
    public var limit: Int

    /// Describes a list query.
    public init(
        statusCategories: Set<StatusCategory>? = nil, text: String? = nil, locationIDs: Set<LocationID>? = nil,
        requestedByMe: Bool = false, sort: PortalSort = .newest, offset: Int = 0, limit: Int = 50
    ) {
        self.statusCategories = statusCategories
        self.text = text
        self.locationIDs = locationIDs
        self.requestedByMe = requestedByMe
        self.sort = sort
        self.offset = offset
        self.limit = limit
    }

    /// Tickets in work or waiting.
    public static let active = PortalTicketQuery(statusCategories: [.new, .open, .waiting])
}

/// A ticket a contact files in the portal.
public struct PortalTicketRequest: Hashable, Sendable, Encodable {
    /// Short summary; not blank.
    public var title: String
    /// The request in the client's words.
    public var description: String
    /// A category visible to clients.
    public var categoryID: CategoryID?
    /// Urgency.
    public var priority: Priority
    /// One of the locations the contact may file at (``ClientPortal/locations()``).
    public var locationID: LocationID?
    /// Equipment among the contact's (``ClientPortal/equipment()``).
    public var assetIDs: [AssetID]
    /// Colleagues to copy.
    public var ccContactIDs: [ContactID]
    /// Files.
    public var attachments: [Attachment]

    /// Describes a ticket.
    public init(
        title: String, description: String = "", categoryID: CategoryID? = nil, priority: Priority = .normal,
        locationID: LocationID? = nil, assetIDs: [AssetID] = [], ccContactIDs: [ContactID] = [],
        attachments: [Attachment] = []
    ) {
        self.title = title
        self.description = description
        self.categoryID = categoryID
        self.priority = priority
        self.locationID = locationID
        self.assetIDs = assetIDs
        self.ccContactIDs = ccContactIDs
        self.attachments = attachments
    }
}
