import Foundation

/// What an audit entry is about: a ticket field, or an action that is not a field change.
public enum AuditField: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The ticket was registered (`newValue` is its number).
    case created
    case title, description, channel, categoryID, priority, status, requester
    case companyID, locationID, contractID, assetIDs
    case assigneeID, groupID
    case watcherIDs, attachments, customFields, links, postponedUntil
    /// The contacts copied on the ticket.
    case ccContactIDs
    case firstResponseAt, resolvedAt, closedAt
    /// The SLA clocks (policy, due instants, pauses, outcomes) as a one-line summary.
    case sla
    /// A comment was added (`newValue` is `visibility:commentID`).
    case comment
    /// A time entry was logged, edited or deleted (`oldValue`/`newValue`: ``TimeEntry/auditSummary``).
    case timeEntries
    /// The client rated a resolution (`newValue` is `score/upper bound`, then the comment if any).
    case rating
    /// An automation rule fired (`newValue` is `rule name (priority N)`, then any skipped actions).
    case automation
    /// A step of the client's approval of paid work (`newValue` is `decision vVersion`, then the remark if any).
    case paidWorkApproval
    /// The specification's lines changed (`oldValue`/`newValue`: version and billable totals, then
    /// the lines added or removed).
    case specification
    /// The paid work was settled (`newValue`: the version, what was charged and what is owed).
    case settlement
    /// The ticket's planned visit was planned, moved or cancelled (`oldValue`/`newValue`: when, who
    /// and where in words, e.g. `Tue 12 May 10:00–12:00 (Europe/Moscow) · A. Petrov · Main office`).
    case visit

    public var description: String { rawValue }

    /// The field's name in words, for people reading an audit trail ("Assignee", "First response").
    public var label: String {
        switch self {
        case .created: "Created"
        case .title: "Title"
        case .description: "Description"
        case .channel: "Channel"
        case .categoryID: "Category"
        case .priority: "Priority"
        case .status: "Status"
        case .requester: "Requester"
        case .companyID: "Client"
        case .locationID: "Location"
        case .contractID: "Contract"
        case .assetIDs: "Equipment"
        case .assigneeID: "Assignee"
        case .groupID: "Group"
        case .watcherIDs: "Watchers"
        case .ccContactIDs: "Copied contacts"
        case .attachments: "Attachments"
        case .customFields: "Custom fields"
        case .links: "Links"
        case .postponedUntil: "Postponed until"
        case .firstResponseAt: "First response"
        case .resolvedAt: "Resolved"
        case .closedAt: "Closed"
        case .sla: "SLA"
        case .comment: "Comment"
        case .timeEntries: "Time spent"
        case .rating: "Rating"
        case .paidWorkApproval: "Paid-work approval"
        case .automation: "Automation"
        case .specification: "Specification"
        case .settlement: "Settlement"
        case .visit: "Visit"
        }
    }
}

/// One recorded change to a ticket: field, old value, new value, who and when.
public struct AuditEntry: Identifiable, Hashable, Sendable, Codable {
    /// The entry's identifier.
    public let id: AuditEntryID
    /// The ticket that changed.
    public let ticketID: TicketID
    /// What changed.
    public let field: AuditField
    /// Text form of the value before the change; `nil` when there was none.
    public let oldValue: String?
    /// Text form of the value after the change; `nil` when it was cleared.
    public let newValue: String?
    /// Who made the change.
    public let performer: Performer
    /// When the change happened.
    public let at: Date

    /// Creates an audit entry.
    public init(
        id: AuditEntryID, ticketID: TicketID, field: AuditField, oldValue: String?, newValue: String?,
        performer: Performer, at: Date
    ) {
        self.id = id
        self.ticketID = ticketID
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.performer = performer
        self.at = at
    }
}
