import Foundation

/// An invitation to rate one resolution of a ticket, issued when the ticket enters a `resolved` status.
///
/// The request is usable until it expires, is used, or is withdrawn (the ticket was reopened or
/// resolved again, which issues a new request).
public struct RatingRequest: Identifiable, Hashable, Sendable, Codable {
    /// The request's identifier.
    public let id: RatingRequestID
    /// The secret the client rates with.
    public let token: RatingToken
    /// The resolved ticket.
    public let ticketID: TicketID
    /// Its number, for links and messages.
    public let ticketNumber: TicketNumber
    /// Who is asked to rate.
    public let requester: Requester
    /// When the ticket was resolved and the request issued.
    public let issuedAt: Date
    /// The first instant the token is refused as expired.
    public let expiresAt: Date
    /// When the request stopped being usable because the ticket was reopened or resolved again.
    public var withdrawnAt: Date?

    /// Creates a request value. Hosts obtain requests from ``HelpDesk``; this is for adapters and tests.
    public init(
        id: RatingRequestID, token: RatingToken, ticketID: TicketID, ticketNumber: TicketNumber, requester: Requester,
        issuedAt: Date, expiresAt: Date, withdrawnAt: Date? = nil
    ) {
        self.id = id
        self.token = token
        self.ticketID = ticketID
        self.ticketNumber = ticketNumber
        self.requester = requester
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.withdrawnAt = withdrawnAt
    }
}

/// A client's score for one resolution of a ticket, with who was responsible at the time.
public struct Rating: Identifiable, Hashable, Sendable, Codable {
    /// The rating's identifier.
    public let id: RatingID
    /// The request it answers (at most one rating per request).
    public let requestID: RatingRequestID
    /// The rated ticket.
    public let ticketID: TicketID
    /// Its number.
    public let ticketNumber: TicketNumber
    /// The score, within `scale`.
    public let score: Int
    /// The scale in force when the rating was given.
    public let scale: ClosedRange<Int>
    /// The client's optional remark.
    public let comment: String?
    /// The ticket's assignee when the rating was given.
    public let assigneeID: EmployeeID?
    /// The ticket's group when the rating was given.
    public let groupID: GroupID?
    /// Who rated.
    public let requester: Requester
    /// When the rating was given.
    public let ratedAt: Date

    /// Creates a rating value. Hosts obtain ratings from ``HelpDesk``; this is for adapters and tests.
    public init(
        id: RatingID, requestID: RatingRequestID, ticketID: TicketID, ticketNumber: TicketNumber, score: Int,
        scale: ClosedRange<Int>, comment: String?, assigneeID: EmployeeID?, groupID: GroupID?, requester: Requester,
        ratedAt: Date
    ) {
        self.id = id
        self.requestID = requestID
        self.ticketID = ticketID
        self.ticketNumber = ticketNumber
        self.score = score
        self.scale = scale
        self.comment = comment
        self.assigneeID = assigneeID
        self.groupID = groupID
        self.requester = requester
        self.ratedAt = ratedAt
    }

    /// The order of every rating list: when rated, then identifier.
    public static func areInIncreasingOrder(_ a: Rating, _ b: Rating) -> Bool {
        a.ratedAt != b.ratedAt ? a.ratedAt < b.ratedAt : a.id < b.id
    }
}
