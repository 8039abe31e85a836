import Foundation
import HelpDeskKit
import PostgresNIO

extension PostgresStore {
    // MARK: Reads

    /// The rating request carrying `token`, or `nil`.
    public func ratingRequest(token: RatingToken) async throws -> RatingRequest? {
        try await record(RatingRequest.self, "SELECT body FROM rating_requests WHERE token = \(token.rawValue)")
    }

    /// The rating requests of `ticket`, by issue instant then identifier.
    public func ratingRequests(of ticket: TicketID) async throws -> [RatingRequest] {
        try await records(RatingRequest.self, "SELECT body FROM rating_requests WHERE ticket_id = \(ticket.uuid)")
            .sorted { $0.issuedAt != $1.issuedAt ? $0.issuedAt < $1.issuedAt : $0.id < $1.id }
    }

    /// The rating answering `request`, or `nil`.
    public func rating(forRequest request: RatingRequestID) async throws -> Rating? {
        try await record(Rating.self, "SELECT body FROM ratings WHERE request_id = \(request.uuid)")
    }

    /// The ratings of `ticket`, by rating instant then identifier.
    public func ratings(of ticket: TicketID) async throws -> [Rating] {
        try await records(Rating.self, "SELECT body FROM ratings WHERE ticket_id = \(ticket.uuid)")
            .sorted(by: Rating.areInIncreasingOrder)
    }

    /// The ratings given in the half-open `period`.
    public func ratings(ratedIn period: Range<Date>) async throws -> [Rating] {
        try await records(
            Rating.self,
            """
            SELECT body FROM ratings
            WHERE rated_at >= \(period.lowerBound.storedSeconds) AND rated_at < \(period.upperBound.storedSeconds)
            """
        ).sorted(by: Rating.areInIncreasingOrder)
    }

    /// The ratings given in `period` while `employee` was the assignee.
    public func ratings(ofAssignee employee: EmployeeID, ratedIn period: Range<Date>) async throws -> [Rating] {
        try await records(
            Rating.self,
            """
            SELECT body FROM ratings WHERE assignee_id = \(employee.uuid)
            AND rated_at >= \(period.lowerBound.storedSeconds) AND rated_at < \(period.upperBound.storedSeconds)
            """
        ).sorted(by: Rating.areInIncreasingOrder)
    }

    // MARK: Commit

    /// Stores rating requests (upserted by identifier; a request may not change its ticket or
    /// token, and a token belongs to one request) and then ratings (one per request, which must
    /// exist). Taken tokens, identifiers and answered requests are constraint violations, so
    /// conflicts.
    func writeRatings(_ changes: RatingChanges, on connection: PostgresConnection) async throws {
        for request in changes.requests {
            let body = try RecordCoding.encode(request)
            let kept = try await rowCount(
                """
                INSERT INTO rating_requests (id, token, ticket_id, body)
                VALUES (\(request.id.uuid), \(request.token.rawValue), \(request.ticketID.uuid), \(body))
                ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body
                WHERE rating_requests.ticket_id = EXCLUDED.ticket_id AND rating_requests.token = EXCLUDED.token
                RETURNING 1
                """, on: connection)
            guard kept > 0 else {
                throw StorageError(.conflict, "rating request \(request.id) cannot change its ticket or token")
            }
        }
        for rating in changes.ratings {
            let body = try RecordCoding.encode(rating)
            try await execute(
                """
                INSERT INTO ratings (id, request_id, ticket_id, assignee_id, rated_at, body)
                VALUES (\(rating.id.uuid), \(rating.requestID.uuid), \(rating.ticketID.uuid), \(rating.assigneeID?.uuid),
                        \(rating.ratedAt.storedSeconds), \(body))
                """, on: connection)
        }
    }
}
