import Foundation
import WorkingTime

/// Time an employee spent on a ticket on one work date (a labor record).
public struct TimeEntry: Identifiable, Hashable, Sendable, Codable {
    /// The entry's identifier.
    public let id: TimeEntryID
    /// The ticket the work was for.
    public let ticketID: TicketID
    /// Who did the work (the employee who logged it).
    public let employeeID: EmployeeID
    /// The calendar date the work was done on.
    public var workDate: LocalDate
    /// Minutes actually spent (1 … ``LaborConfiguration/maximumEntryMinutes``).
    public var spentMinutes: Int
    /// Minutes charged: spent minutes rounded up to the rounding step in force when they were set.
    public var chargedMinutes: Int
    /// Whether the time is outside the contract and billed in full (``HelpDesk/specifyBillableTime(of:by:idempotencyKey:)``);
    /// other client work is covered by the contract, within its service period's allowance when it has one.
    public var billable: Bool
    /// The activity code, one of ``LaborConfiguration/activities``.
    public var activity: String
    /// Free-text note on what was done; may be empty.
    public var comment: String
    /// When the entry was logged.
    public let createdAt: Date
    /// When the entry last changed.
    public var updatedAt: Date
    /// Incremented by every committed change; adapters use it for optimistic concurrency.
    public var revision: Int

    /// Creates an entry value. Hosts obtain entries from ``HelpDesk``; this is for adapters and tests.
    public init(
        id: TimeEntryID, ticketID: TicketID, employeeID: EmployeeID, workDate: LocalDate, spentMinutes: Int,
        chargedMinutes: Int, billable: Bool, activity: String, comment: String = "", createdAt: Date,
        updatedAt: Date? = nil, revision: Int = 1
    ) {
        self.id = id
        self.ticketID = ticketID
        self.employeeID = employeeID
        self.workDate = workDate
        self.spentMinutes = spentMinutes
        self.chargedMinutes = chargedMinutes
        self.billable = billable
        self.activity = activity
        self.comment = comment
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.revision = revision
    }

    /// One-line text for audit entries: `id date employee activity spent/charged min billable|non-billable "comment"`.
    public var auditSummary: String {
        "\(id) \(workDate) employee:\(employeeID) \(activity) \(spentMinutes)/\(chargedMinutes) min "
            + (billable ? "billable" : "non-billable") + (comment.isEmpty ? "" : " \"\(comment)\"")
    }

    /// The order of every time-entry list: work date, then when logged, then identifier.
    public static func areInIncreasingOrder(_ a: TimeEntry, _ b: TimeEntry) -> Bool {
        if a.workDate != b.workDate { return a.workDate < b.workDate }
        if a.createdAt != b.createdAt { return a.createdAt < b.createdAt }
        return a.id < b.id
    }
}

/// A new or changed time entry in a unit of work, with the revision the change was based on.
public struct TimeEntryWrite: Hashable, Sendable, Codable {
    /// The entry as it must be stored.
    public var entry: TimeEntry
    /// The stored revision the change was computed from; `nil` for a new entry.
    public var expectedRevision: Int?

    /// Describes a write.
    public init(entry: TimeEntry, expectedRevision: Int?) {
        self.entry = entry
        self.expectedRevision = expectedRevision
    }
}

/// The removal of a time entry in a unit of work, guarded by its stored revision.
public struct TimeEntryDeletion: Hashable, Sendable, Codable {
    /// The entry to remove.
    public var id: TimeEntryID
    /// The revision the deletion was decided on.
    public var expectedRevision: Int

    /// Describes a deletion.
    public init(id: TimeEntryID, expectedRevision: Int) {
        self.id = id
        self.expectedRevision = expectedRevision
    }
}
