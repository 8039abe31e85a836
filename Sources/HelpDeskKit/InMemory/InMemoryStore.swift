import Foundation
import Synchronization

/// A thread-safe in-memory ``HelpDeskStore``: the default adapter for tests, demos and caches.
///
/// All state sits behind one mutex; a commit validates first and then applies, so a rejected
/// unit of work leaves the store untouched.
public final class InMemoryStore: HelpDeskStore {
    let state = Mutex(State())
    /// The store's blobs (attachments, raw mail); not part of its image.
    public let blobStore = InMemoryBlobStore()

    /// Creates an empty store.
    public init() {}

    struct State: Sendable {
        var tickets = TicketTable()
        /// Comments by ticket row.
        var comments: [[Comment]] = []
        /// Audit entries by ticket row.
        var audit: [[AuditEntry]] = []
        var employees: [EmployeeID: Employee] = [:]
        var groups: [GroupID: SupportGroup] = [:]
        var categories: [CategoryID: ServiceCategory] = [:]
        /// Postponed tickets by return instant.
        var postponed = DueIndex()
        /// Tickets by the instant their SLA needs a look.
        var slaChecks = DueIndex()
        var outbox = OutboxQueue()
        /// Companies, locations, contacts, contracts and equipment.
        var clients = ClientTables()
        /// Price list, specifications, accounts and the ledger.
        var billing = BillingTables()
        /// The tables of capabilities that keep their own (ratings, …).
        var capabilities = CapabilityTables()

        /// The tables of type `type`.
        func table<Table: CapabilityTable>(_ type: Table.Type) -> Table {
            capabilities.table(type)
        }
    }

    // MARK: Tickets

    public func ticket(_ id: TicketID) async throws -> Ticket? {
        state.withLock { $0.tickets.ticket(id) }
    }

    public func ticket(number: TicketNumber) async throws -> Ticket? {
        state.withLock { $0.tickets.ticket(number: number) }
    }

    public func tickets(matching query: TicketQuery, workflow: Workflow) async throws -> TicketPage {
        state.withLock { $0.tickets.evaluate(query, workflow: workflow) }
    }

    public func postponedTickets(dueBy instant: Date) async throws -> [Ticket] {
        state.withLock { state in
            state.postponed.due(by: instant).compactMap { state.tickets.ticket($0) }
                .sorted { ($0.postponedUntil!, $0.number) < ($1.postponedUntil!, $1.number) }
        }
    }

    public func ticketsNeedingSLACheck(dueBy instant: Date) async throws -> [Ticket] {
        state.withLock { state in
            state.slaChecks.due(by: instant).compactMap { state.tickets.ticket($0) }
                .sorted { ($0.sla!.nextCheckAt!, $0.number) < ($1.sla!.nextCheckAt!, $1.number) }
        }
    }

    public func lastTicketNumber() async throws -> TicketNumber? {
        state.withLock { $0.tickets.lastNumber }
    }

    /// Every ticket in row order, whatever the scan: the array shares the table's storage, so the
    /// read is O(1), and the caller's one pass does the filtering a copy would have cost.
    public func tickets(in scan: TicketScan) async throws -> [Ticket] {
        state.withLock { $0.tickets.rows }
    }

    // MARK: Comments and audit

    public func comments(on ticket: TicketID) async throws -> [Comment] {
        state.withLock { state in state.tickets.row(of: ticket).map { state.comments[$0] } ?? [] }
    }

    public func auditTrail(of ticket: TicketID) async throws -> [AuditEntry] {
        state.withLock { state in state.tickets.row(of: ticket).map { state.audit[$0] } ?? [] }
    }

    // MARK: Directory

    public func employee(_ id: EmployeeID) async throws -> Employee? {
        state.withLock { $0.employees[id] }
    }

    public func employees() async throws -> [Employee] {
        state.withLock { $0.employees.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) } }
    }

    public func group(_ id: GroupID) async throws -> SupportGroup? {
        state.withLock { $0.groups[id] }
    }

    public func groups() async throws -> [SupportGroup] {
        state.withLock { $0.groups.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) } }
    }

    public func category(_ id: CategoryID) async throws -> ServiceCategory? {
        state.withLock { $0.categories[id] }
    }

    public func categories() async throws -> [ServiceCategory] {
        state.withLock { $0.categories.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) } }
    }

    // MARK: Outbox

    public func undeliveredEvents(limit: Int) async throws -> [OutboxEvent] {
        state.withLock { $0.outbox.undelivered(limit: limit) }
    }

    public func lastEventSequence() async throws -> UInt64 {
        state.withLock { $0.outbox.lastSequence }
    }

    // MARK: Commit

    public func commit(_ work: UnitOfWork) async throws {
        try commitNow(work)
    }
}
