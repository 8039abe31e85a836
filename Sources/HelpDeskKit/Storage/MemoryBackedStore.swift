import Foundation

/// A store that keeps its live state in an ``InMemoryStore`` and adds something around it
/// (durability, replication, metrics). Every read requirement of ``HelpDeskStore`` is forwarded
/// to `backingStore` after ``ensureAvailable()``, so repositories added to HelpDeskKit later reach such
/// an adapter without changes; the adapter implements `commit` and may override any read.
public protocol MemoryBackedStore: HelpDeskStore {
    /// The live state.
    var backingStore: InMemoryStore { get }
    /// Throws when the store may no longer serve reads (closed, failed).
    func ensureAvailable() throws(StorageError)
}

extension MemoryBackedStore {
    /// The adapter itself when it conforms to `Feature`, else its backing store's implementation:
    /// a capability added to HelpDeskKit reaches such an adapter without changes.
    public func feature<Feature>(_ feature: Feature.Type) throws(StorageError) -> Feature? {
        try ensureAvailable()
        return self as? Feature ?? backingStore as? Feature
    }

    public func ticket(_ id: TicketID) async throws -> Ticket? {
        try ensureAvailable()
        return try await backingStore.ticket(id)
    }

    public func ticket(number: TicketNumber) async throws -> Ticket? {
        try ensureAvailable()
        return try await backingStore.ticket(number: number)
    }

    public func tickets(matching query: TicketQuery, workflow: Workflow) async throws -> TicketPage {
        try ensureAvailable()
        return try await backingStore.tickets(matching: query, workflow: workflow)
    }

    public func postponedTickets(dueBy instant: Date) async throws -> [Ticket] {
        try ensureAvailable()
        return try await backingStore.postponedTickets(dueBy: instant)
    }

    public func ticketsNeedingSLACheck(dueBy instant: Date) async throws -> [Ticket] {
        try ensureAvailable()
        return try await backingStore.ticketsNeedingSLACheck(dueBy: instant)
    }

    public func lastTicketNumber() async throws -> TicketNumber? {
        try ensureAvailable()
        return try await backingStore.lastTicketNumber()
    }

    public func tickets(in scan: TicketScan) async throws -> [Ticket] {
        try ensureAvailable()
        return try await backingStore.tickets(in: scan)
    }

    public func slaOutcomes(in scan: TicketScan, groupedBy grouping: TicketGrouping) async throws -> [SLAOutcomeTally] {
        try ensureAvailable()
        return try await backingStore.slaOutcomes(in: scan, groupedBy: grouping)
    }

    public func comments(on ticket: TicketID) async throws -> [Comment] {
        try ensureAvailable()
        return try await backingStore.comments(on: ticket)
    }

    public func auditTrail(of ticket: TicketID) async throws -> [AuditEntry] {
        try ensureAvailable()
        return try await backingStore.auditTrail(of: ticket)
    }

    public func employee(_ id: EmployeeID) async throws -> Employee? {
        try ensureAvailable()
        return try await backingStore.employee(id)
    }

    public func employees() async throws -> [Employee] {
        try ensureAvailable()
        return try await backingStore.employees()
    }

    public func group(_ id: GroupID) async throws -> SupportGroup? {
        try ensureAvailable()
        return try await backingStore.group(id)
    }

    public func groups() async throws -> [SupportGroup] {
        try ensureAvailable()
        return try await backingStore.groups()
    }

    public func category(_ id: CategoryID) async throws -> ServiceCategory? {
        try ensureAvailable()
        return try await backingStore.category(id)
    }

    public func categories() async throws -> [ServiceCategory] {
        try ensureAvailable()
        return try await backingStore.categories()
    }

    public func undeliveredEvents(limit: Int) async throws -> [OutboxEvent] {
        try ensureAvailable()
        return try await backingStore.undeliveredEvents(limit: limit)
    }

    public func lastEventSequence() async throws -> UInt64 {
        try ensureAvailable()
        return try await backingStore.lastEventSequence()
    }
}
