import Foundation

/// The tickets a report reads: created in a period and passing a report filter.
///
/// A store answers ``TicketRepository/tickets(in:)`` with at least the matching tickets, so a
/// database adapter turns a scan into one `WHERE` clause over indexed columns instead of shipping
/// every ticket to the engine, and the engine keeps those ``matches(_:)`` accepts.
public struct TicketScan: Hashable, Sendable {
    /// Tickets created in this half-open range of instants; `nil` for any creation instant.
    public var createdIn: Range<Date>?
    /// What the tickets must match (the employee filter applies to the assignee).
    public var filter: ReportFilter

    /// Describes a scan; by default every ticket.
    public init(createdIn: Range<Date>? = nil, filter: ReportFilter = ReportFilter()) {
        self.createdIn = createdIn
        self.filter = filter
    }

    /// `true` when every ticket passes (the scan reads the whole table).
    public var matchesAll: Bool { createdIn == nil && filter == ReportFilter() }

    /// `true` when `ticket` belongs to the scan.
    public func matches(_ ticket: Ticket) -> Bool {
        if let createdIn, !createdIn.contains(ticket.createdAt) { return false }
        return filter.matches(ticket)
    }
}
