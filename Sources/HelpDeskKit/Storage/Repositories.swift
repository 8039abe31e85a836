import Foundation

/// Reads tickets. Writes go through a ``UnitOfWork``.
///
/// Requirements are `async` so a network database can implement them; an in-memory adapter
/// implements them synchronously and, with nonisolated-nonsending defaults, costs no executor hop.
public protocol TicketRepository: Sendable {
    /// The ticket with `id`, or `nil`.
    func ticket(_ id: TicketID) async throws -> Ticket?
    /// The ticket with the human-facing `number`, or `nil`.
    func ticket(number: TicketNumber) async throws -> Ticket?
    /// One page of tickets matching `query`, with the semantics of ``TicketQuery/evaluate(_:workflow:)``.
    func tickets(matching query: TicketQuery, workflow: Workflow) async throws -> TicketPage
    /// Postponed tickets whose return instant is at or before `instant`, earliest first (then by number).
    func postponedTickets(dueBy instant: Date) async throws -> [Ticket]
    /// Tickets whose SLA needs a look (``TicketSLA/nextCheckAt``) at or before `instant`, earliest
    /// first (then by number).
    func ticketsNeedingSLACheck(dueBy instant: Date) async throws -> [Ticket]
    /// The highest ticket number in use, or `nil` when there are no tickets.
    func lastTicketNumber() async throws -> TicketNumber?
    /// Every stored ticket in one read, in no particular order (a consistent snapshot, for reports).
    func allTickets() async throws -> [Ticket]
}

extension TicketRepository {
    /// Default for adapters without a bulk read: pages through ``tickets(matching:workflow:)`` by number.
    public func allTickets() async throws -> [Ticket] {
        var query = TicketQuery(sort: [TicketSort(.number)], limit: TicketQuery.maximumLimit)
        var result: [Ticket] = []
        while true {
            let page = try await tickets(matching: query, workflow: .standard)
            result += page.tickets
            guard let next = page.nextOffset else { return result }
            query.offset = next
        }
    }
}

/// Reads comments.
public protocol CommentRepository: Sendable {
    /// All comments on `ticket`, oldest first (in commit order).
    func comments(on ticket: TicketID) async throws -> [Comment]
}

/// Reads the audit log.
public protocol AuditLogRepository: Sendable {
    /// All audit entries of `ticket`, in the order they were committed.
    func auditTrail(of ticket: TicketID) async throws -> [AuditEntry]
}

/// Reads employees, groups and the service catalog.
public protocol DirectoryRepository: Sendable {
    /// The employee with `id`, or `nil`.
    func employee(_ id: EmployeeID) async throws -> Employee?
    /// All employees, sorted by name then identifier.
    func employees() async throws -> [Employee]
    /// The group with `id`, or `nil`.
    func group(_ id: GroupID) async throws -> SupportGroup?
    /// All groups, sorted by name then identifier.
    func groups() async throws -> [SupportGroup]
    /// The service category with `id`, or `nil`.
    func category(_ id: CategoryID) async throws -> ServiceCategory?
    /// All service categories, sorted by name then identifier.
    func categories() async throws -> [ServiceCategory]
}

/// Reads the event outbox.
public protocol OutboxRepository: Sendable {
    /// Up to `limit` unacknowledged events, lowest sequence first.
    func undeliveredEvents(limit: Int) async throws -> [OutboxEvent]
    /// The sequence number of the last committed event, or 0 when none was ever committed.
    func lastEventSequence() async throws -> UInt64
}

/// Applies units of work atomically.
public protocol UnitOfWorkCommitting: Sendable {
    /// Applies every change in `work` or none of them.
    ///
    /// Must throw ``StorageError`` with kind `.conflict` when a ticket's stored revision differs
    /// from the expected one, a new ticket's identifier or number is taken, or a comment or audit
    /// entry names a ticket that is neither stored nor inserted by the same unit; and must assign
    /// outbox sequence numbers in commit order.
    func commit(_ work: UnitOfWork) async throws
}

/// Everything an adapter implements: all repositories plus atomic commits.
///
/// Run `HelpDeskTestSupport`'s contract suite against every adapter.
public protocol HelpDeskStore: TicketRepository, CommentRepository, AuditLogRepository, DirectoryRepository,
    OutboxRepository, CompanyRepository, ContractRepository, AssetRepository, LaborRepository, RatingRepository,
    BillingRepository, IdempotencyRepository,
    UnitOfWorkCommitting
{}
