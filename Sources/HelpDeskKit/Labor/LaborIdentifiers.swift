/// Identifies one time entry (labor record) on a ticket.
public typealias TimeEntryID = Identifier<TimeEntry>
