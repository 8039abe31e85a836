import Foundation

extension InMemoryStore: RatingRepository {
    /// The rating tables, read under the store's lock.
    private func withRatings<Value>(_ read: (RatingTables) -> Value) -> Value {
        state.withLock { read($0.table(RatingTables.self)) }
    }

    public func ratingRequest(token: RatingToken) async throws -> RatingRequest? {
        withRatings { tables in tables.requestByToken[token].flatMap { tables.requests[$0] } }
    }

    public func ratingRequests(of ticket: TicketID) async throws -> [RatingRequest] {
        withRatings { $0.requests(of: ticket) }
    }

    public func rating(forRequest request: RatingRequestID) async throws -> Rating? {
        withRatings { tables in tables.ratingByRequest[request].flatMap { tables.ratings[$0] } }
    }

    public func ratings(of ticket: TicketID) async throws -> [Rating] {
        withRatings { $0.ratings { $0.ticketID == ticket } }
    }

    public func ratings(ratedIn period: Range<Date>) async throws -> [Rating] {
        withRatings { $0.ratings { period.contains($0.ratedAt) } }
    }

    public func ratings(ofAssignee employee: EmployeeID, ratedIn period: Range<Date>) async throws -> [Rating] {
        withRatings { $0.ratings { $0.assigneeID == employee && period.contains($0.ratedAt) } }
    }
}
