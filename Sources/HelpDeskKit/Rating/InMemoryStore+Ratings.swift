import Foundation

extension InMemoryStore {
    public func ratingRequest(token: RatingToken) async throws -> RatingRequest? {
        state.withLock { state in state.ratings.requestByToken[token].flatMap { state.ratings.requests[$0] } }
    }

    public func ratingRequests(of ticket: TicketID) async throws -> [RatingRequest] {
        state.withLock { $0.ratings.requests(of: ticket) }
    }

    public func rating(forRequest request: RatingRequestID) async throws -> Rating? {
        state.withLock { state in state.ratings.ratingByRequest[request].flatMap { state.ratings.ratings[$0] } }
    }

    public func ratings(of ticket: TicketID) async throws -> [Rating] {
        state.withLock { $0.ratings.ratings { $0.ticketID == ticket } }
    }

    public func ratings(ratedIn period: Range<Date>) async throws -> [Rating] {
        state.withLock { $0.ratings.ratings { period.contains($0.ratedAt) } }
    }

    public func ratings(ofAssignee employee: EmployeeID, ratedIn period: Range<Date>) async throws -> [Rating] {
        state.withLock { $0.ratings.ratings { $0.assigneeID == employee && period.contains($0.ratedAt) } }
    }
}
