import Foundation
import WorkingTime

extension InMemoryStore: LaborRepository {
    public func timeEntry(_ id: TimeEntryID) async throws -> TimeEntry? {
        state.withLock { $0.table(LaborTables.self).entries[id] }
    }

    public func timeEntries(on ticket: TicketID) async throws -> [TimeEntry] {
        state.withLock { state in
            (state.table(LaborTables.self).byTicket[ticket] ?? []).compactMap {
                state.table(LaborTables.self).entries[$0]
            }
            .sorted(by: TimeEntry.areInIncreasingOrder)
        }
    }

    public func timeEntries(of employee: EmployeeID, workedIn dates: ClosedRange<LocalDate>) async throws -> [TimeEntry]
    {
        state.withLock {
            $0.table(LaborTables.self).entries { $0.employeeID == employee && dates.contains($0.workDate) }
        }
    }

    public func timeEntries(workedIn dates: ClosedRange<LocalDate>) async throws -> [TimeEntry] {
        state.withLock { $0.table(LaborTables.self).entries { dates.contains($0.workDate) } }
    }

    public func rateHistory(of employee: EmployeeID) async throws -> [EmployeeRate] {
        state.withLock { $0.table(LaborTables.self).rates[employee] ?? [] }
    }
}
