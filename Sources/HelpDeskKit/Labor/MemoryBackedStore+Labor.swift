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

    public func timeEntries(of employee: EmployeeID, workedIn dates: ClosedRange<LocalDate>) async throws -> [TimeEntry]
    {
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
}
