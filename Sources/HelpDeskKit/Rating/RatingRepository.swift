import Foundation

/// Reads rating requests and ratings. Writes go through a ``UnitOfWork``.
///
/// Requests are listed by `issuedAt`, then identifier; ratings in
/// ``Rating/areInIncreasingOrder(_:_:)`` order (rating instant, then identifier).
public protocol RatingRepository: Sendable {
    /// The request carrying `token`, or `nil`.
    func ratingRequest(token: RatingToken) async throws -> RatingRequest?
    /// All requests issued for `ticket`, oldest first.
    func ratingRequests(of ticket: TicketID) async throws -> [RatingRequest]
    /// The rating answering `request`, or `nil` while it is unanswered.
    func rating(forRequest request: RatingRequestID) async throws -> Rating?
    /// All ratings of `ticket`.
    func ratings(of ticket: TicketID) async throws -> [Rating]
    /// Ratings given in the half-open interval `period` (for reports).
    func ratings(ratedIn period: Range<Date>) async throws -> [Rating]
    /// Ratings given in `period` while `employee` was the ticket's assignee.
    func ratings(ofAssignee employee: EmployeeID, ratedIn period: Range<Date>) async throws -> [Rating]
}
