import DoubleEntry
import Foundation

// What the client portal shows. Every value here is built from client-visible data only: public
// comments, the workflow's client labels, the specification's client prices, the SLA promise and
// the names of the client's own records. Internal notes, the audit trail, labor, costs, watchers,
// groups, internal status codes and other companies' records have no field to travel in.

/// A ticket's status as the client sees it: the workflow's client label and its fixed category.
public struct PortalStatus: Hashable, Sendable {
    /// The label the workflow shows clients ("Awaiting your reply").
    public var label: String
    /// Its fixed meaning.
    public var category: StatusCategory
}

/// One row of a client's ticket list.
public struct PortalTicketSummary: Identifiable, Hashable, Sendable {
    /// The ticket.
    public var id: TicketID
    /// Its number.
    public var number: TicketNumber
    /// Its title.
    public var title: String
    /// Its status for clients.
    public var status: PortalStatus
    /// Its urgency.
    public var priority: Priority
    /// The client's location it is at.
    public var locationName: String?
    /// Who asked for the work.
    public var requesterName: String
    /// When it was registered. (There is no "last changed": staff's internal work changes a
    /// ticket too, and a client must not watch it happen.)
    public var createdAt: Date
}

/// One page of a client's ticket list.
public struct PortalTicketPage: Hashable, Sendable {
    /// The tickets on the page.
    public var tickets: [PortalTicketSummary]
    /// How many tickets match in all.
    public var totalCount: Int
    /// The page's offset.
    public var offset: Int
}

/// One public comment of the conversation.
public struct PortalComment: Identifiable, Hashable, Sendable {
    /// The comment.
    public var id: CommentID
    /// The author's name: the employee who answered, the contact, or the name a client gave.
    public var authorName: String
    /// `true` when the client side wrote it.
    public var isFromClient: Bool
    /// The text.
    public var body: String
    /// Its files.
    public var attachments: [Attachment]
    /// When it was written.
    public var createdAt: Date
}

/// One line of what was done, with the client's price.
public struct PortalWorkLine: Hashable, Sendable {
    /// What was done or supplied.
    public var description: String
    /// How the price applies.
    public var pricing: PricingUnit
    /// Minutes for hourly lines, a count otherwise.
    public var quantity: Int64
    /// The price per hour, per item or in total.
    public var unitPrice: Price
    /// The line's total.
    public var total: Price
    /// `true` when the contract covers it (listed, not charged).
    public var isIncludedInContract: Bool
}

/// What was done on a ticket and what it costs the client.
public struct PortalPaidWork: Hashable, Sendable {
    /// The lines, in the order added.
    public var lines: [PortalWorkLine]
    /// What is charged, per unit.
    public var chargedTotals: [Price]
    /// Where the client's approval stands, once asked for.
    public var approval: ApprovalDecision?
    /// `true` once settled.
    public var isSettled: Bool
}

/// One deadline the desk promised: when it falls due and whether it was kept.
public struct PortalDeadline: Hashable, Sendable {
    /// When the desk promised it.
    public var dueAt: Date
    /// When it was kept or ended (`nil` while running).
    public var endedAt: Date?
    /// `true` once the deadline passed unmet.
    public var isMissed: Bool
}

/// The service-level promise of a ticket: when the desk answers and resolves.
public struct PortalPromise: Hashable, Sendable {
    /// The first answer.
    public var response: PortalDeadline?
    /// The resolution.
    public var resolution: PortalDeadline?
}

/// A ticket as its client sees it.
public struct PortalTicket: Identifiable, Hashable, Sendable {
    /// The ticket.
    public var id: TicketID
    /// Its number.
    public var number: TicketNumber
    /// Its title.
    public var title: String
    /// The request as filed.
    public var description: String
    /// Its status for clients.
    public var status: PortalStatus
    /// Its urgency.
    public var priority: Priority
    /// The service category's name, when the category is visible to clients.
    public var categoryName: String?
    /// The client's location it is at.
    public var locationName: String?
    /// The client's equipment it is about.
    public var equipment: [PortalAsset]
    /// Who asked for the work.
    public var requesterName: String
    /// The client's colleagues copied on it.
    public var copiedContactNames: [String]
    /// Files attached to the ticket itself.
    public var attachments: [Attachment]
    /// The public conversation, oldest first.
    public var conversation: [PortalComment]
    /// What was done and what it costs, once specified.
    public var paidWork: PortalPaidWork?
    /// The desk's service-level promise, when one applies.
    public var promise: PortalPromise?
    /// When it was registered.
    public var createdAt: Date
    /// When it was last resolved.
    public var resolvedAt: Date?
    /// When it was closed.
    public var closedAt: Date?
    /// `true` when this contact may reopen it now.
    public var mayReopen: Bool
    /// `true` when this contact may rate its resolution now.
    public var mayRate: Bool
    /// `true` when its paid work waits for this contact's approval.
    public var awaitsMyApproval: Bool
}

/// A piece of the client's equipment.
public struct PortalAsset: Identifiable, Hashable, Sendable {
    /// The asset.
    public var id: AssetID
    /// Its model's name.
    public var modelName: String
    /// Its serial number.
    public var serialNumber: String
    /// Its inventory number.
    public var inventoryNumber: String?
    /// The location it stands at.
    public var locationID: LocationID
}

/// A client's score for one resolution of a ticket, as the portal shows it back.
public struct PortalRating: Hashable, Sendable {
    /// The ticket.
    public var ticketNumber: TicketNumber
    /// The score.
    public var score: Int
    /// The scale it was given on.
    public var scale: ClosedRange<Int>
    /// The client's remark.
    public var comment: String?
    /// When it was given.
    public var ratedAt: Date

    /// The client-visible part of `rating`.
    init(_ rating: Rating) {
        ticketNumber = rating.ticketNumber
        score = rating.score
        scale = rating.scale
        comment = rating.comment
        ratedAt = rating.ratedAt
    }
}

/// A location the contact may choose when filing.
public struct PortalLocation: Identifiable, Hashable, Sendable {
    /// The location.
    public var id: LocationID
    /// Its name.
    public var name: String
    /// Its address.
    public var address: String
}

/// A service category a client may file under.
public struct PortalCategory: Identifiable, Hashable, Sendable {
    /// The category.
    public var id: CategoryID
    /// Its name.
    public var name: String
    /// The enclosing category.
    public var parentID: CategoryID?
}

/// An invoiced service period of one of the company's contracts.
public struct PortalInvoice: Hashable, Sendable {
    /// The contract's number.
    public var contractNumber: String
    /// The period invoiced.
    public var period: Range<Date>
    /// The subscription fee.
    public var fee: Money
    /// When it was invoiced.
    public var invoicedAt: Date
    /// When payment is due.
    public var paymentDueAt: Date?
    /// When it was paid.
    public var paidAt: Date?
}
