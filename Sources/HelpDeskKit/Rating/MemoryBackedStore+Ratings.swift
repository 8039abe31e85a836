import Foundation

extension MemoryBackedStore {
    public func ratingRequest(token: RatingToken) async throws -> RatingRequest? {
        try ensureAvailable()
        return try await backingStore.ratingRequest(token: token)
    }

    public func ratingRequests(of ticket: TicketID) async throws -> [RatingRequest] {
        try ensureAvailable()
        return try await backingStore.ratingRequests(of: ticket)
    }

    public func rating(forRequest request: RatingRequestID) async throws -> Rating? {
        try ensureAvailable()
        return try await backingStore.rating(forRequest: request)
    }

    public func ratings(of ticket: TicketID) async throws -> [Rating] {
        try ensureAvailable()
        return try await backingStore.ratings(of: ticket)
    }

    public func ratings(ratedIn period: Range<Date>) async throws -> [Rating] {
        try ensureAvailable()
        return try await backingStore.ratings(ratedIn: period)
    }

    public func ratings(ofAssignee employee: EmployeeID, ratedIn period: Range<Date>) async throws -> [Rating] {
        try ensureAvailable()
        return try await backingStore.ratings(ofAssignee: employee, ratedIn: period)
    }
}
