/// A new or changed ticket in a unit of work, with the revision the change was based on.
public struct TicketWrite: Hashable, Sendable, Codable {
    /// The ticket as it must be stored.
    public var ticket: Ticket
    /// The stored revision the change was computed from; `nil` for a new ticket.
    public var expectedRevision: Int?

    /// Describes a ticket write.
    public init(ticket: Ticket, expectedRevision: Int?) {
        self.ticket = ticket
        self.expectedRevision = expectedRevision
    }
}

/// All changes of one command, committed atomically by ``UnitOfWorkCommitting/commit(_:)``.
///
/// A command builds one unit of work: the ticket, its audit entries and its outbox events (and,
/// as the product grows, ledger transfers) land together or not at all.
public struct UnitOfWork: Hashable, Sendable, Codable {
    /// Tickets to insert or replace, at most one write per ticket.
    public private(set) var ticketWrites: [TicketWrite] = []
    /// Comments to append.
    public var comments: [Comment] = []
    /// Audit entries to append.
    public var auditEntries: [AuditEntry] = []
    /// Events to append to the outbox.
    public var events: [PendingEvent] = []
    /// Employees to insert or replace.
    public var employees: [Employee] = []
    /// Groups to insert or replace.
    public var groups: [SupportGroup] = []
    /// Service categories to insert or replace.
    public var categories: [ServiceCategory] = []
    /// Outbox sequences to acknowledge (remove from delivery).
    public var acknowledgedEvents: [UInt64] = []

    /// An empty unit of work.
    public init() {}

    /// Adds a ticket write, replacing an earlier write of the same ticket in this unit.
    public mutating func save(_ ticket: Ticket, expectedRevision: Int?) {
        if let index = ticketWrites.firstIndex(where: { $0.ticket.id == ticket.id }) {
            ticketWrites[index].ticket = ticket
        } else {
            ticketWrites.append(TicketWrite(ticket: ticket, expectedRevision: expectedRevision))
        }
    }

    /// `true` when the unit changes nothing.
    public var isEmpty: Bool {
        ticketWrites.isEmpty && comments.isEmpty && auditEntries.isEmpty && events.isEmpty && employees.isEmpty
            && groups.isEmpty && categories.isEmpty && acknowledgedEvents.isEmpty
    }
}
