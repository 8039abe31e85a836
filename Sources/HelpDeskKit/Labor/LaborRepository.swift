import WorkingTime

/// Reads time entries and employee rates. Writes go through a ``UnitOfWork``.
///
/// Every list of time entries is in ``TimeEntry/areInIncreasingOrder(_:_:)`` order (work date,
/// then creation instant, then identifier).
public protocol LaborRepository: Sendable {
    /// The time entry with `id`, or `nil` (also after it was deleted).
    func timeEntry(_ id: TimeEntryID) async throws -> TimeEntry?
    /// All time entries of `ticket`; an unknown ticket gives `[]`.
    func timeEntries(on ticket: TicketID) async throws -> [TimeEntry]
    /// Time entries of `employee` whose work date lies in `dates`.
    func timeEntries(of employee: EmployeeID, workedIn dates: ClosedRange<LocalDate>) async throws -> [TimeEntry]
    /// All time entries whose work date lies in `dates` (for reports).
    func timeEntries(workedIn dates: ClosedRange<LocalDate>) async throws -> [TimeEntry]
    /// Every rate of `employee`, by `validFrom` ascending; `[]` when none was set.
    func rateHistory(of employee: EmployeeID) async throws -> [EmployeeRate]
}
