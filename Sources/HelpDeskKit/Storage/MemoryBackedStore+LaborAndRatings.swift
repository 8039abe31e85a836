import Foundation
import WorkingTime

extension MemoryBackedStore {
    public func timeEntry(_ id: TimeEntryID) async throws -> TimeEntry? {
        try ensureAvailable()
        return try await backingStore.timeEntry(id)
    }

    public func timeEntries(on ticket: TicketID) async throws -> [TimeEntry] {
        try ensureAvailable()
        return try await backingStore.timeEntries(on: ticket)
    }

    public func timeEntries(of employee: EmployeeID, workedIn dates: ClosedRange<LocalDate>) async throws -> [TimeEntry] {
        try ensureAvailable()
        return try await backingStore.timeEntries(of: employee, workedIn: dates)
    }

    public func timeEntries(workedIn dates: ClosedRange<LocalDate>) async throws -> [TimeEntry] {
        try ensureAvailable()
        return try await backingStore.timeEntries(workedIn: dates)
    }

    public func rateHistory(of employee: EmployeeID) async throws -> [EmployeeRate] {
        try ensureAvailable()
        return try await backingStore.rateHistory(of: employee)
    }

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
