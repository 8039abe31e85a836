import Foundation

/// The help-desk engine: takes commands, validates them, and commits each as one unit of work.
///
/// Embed one engine per desk and per store. Time comes from the injected ``HelpDeskClock`` and
/// identifiers from the injected ``IdentifierSource``, so a seeded run is reproducible byte for
/// byte. Time-driven work runs when the host calls ``tick(now:)``.
public actor HelpDesk {
    /// The store all state lives in.
    public nonisolated let store: any HelpDeskStore
    /// Host settings, including the workflow.
    public nonisolated let configuration: HelpDeskConfiguration
    let clock: HelpDeskClock
    var identifiers: any IdentifierSource
    /// Where rating tokens come from.
    var random: any RandomSource
    /// Tickets held by running commands (see ``perform(by:editing:_:)``).
    var ticketLocks = TicketLocks()
    /// Lanes of shared records commands rewrite (``holdLanes(_:in:)``).
    var laneLocks = KeyedLocks<String>()
    /// The ticket numbers handed out so far.
    var numbering = TicketNumbering()
    /// The automation rules compiled under the store's rule-set stamp (``rulePlan()``).
    var cachedRulePlan: RulePlan?
    /// The knowledge base's search index, cached under the store's knowledge stamp.
    var knowledgeIndex: KnowledgeIndex?
    /// SLA calendars on clients' wall clocks, built once.
    let zonedCalendars = ZonedCalendars()
    /// Decides what each performer may do and see.
    public nonisolated let access: any AccessPolicy
    /// `true` for ``StandardAccessPolicy``, which lets staff do anything without being asked.
    let accessIsStandard: Bool

    /// Creates an engine over `store`. Time, identifiers and randomness (rating tokens) are the
    /// host's: the system clock, ``SystemIdentifierSource`` and ``SystemRandomSource`` in
    /// production; a ``ManualClock``, ``SeededIdentifierSource`` and ``SeededRandomSource`` in tests
    /// and simulations, which then replay byte for byte.
    public init(
        store: any HelpDeskStore, configuration: HelpDeskConfiguration = HelpDeskConfiguration(),
        clock: HelpDeskClock, identifiers: any IdentifierSource, random: any RandomSource,
        access: any AccessPolicy = StandardAccessPolicy()
    ) {
        self.access = access
        accessIsStandard = access is StandardAccessPolicy
        self.store = store
        self.configuration = configuration
        self.clock = clock
        self.identifiers = identifiers
        self.random = random
    }

    /// The workflow in force.
    public nonisolated var workflow: Workflow { configuration.workflow }

    /// A fresh identifier.
    func nextID<Tag>(_: Tag.Type = Tag.self) -> Identifier<Tag> {
        identifiers.next(Tag.self)
    }

    /// Runs a store operation, turning adapter failures into ``HelpDeskError/storage(_:)``; an
    /// engine error raised inside it (a missing feature store) passes unchanged.
    ///
    /// This and the other small store helpers are always inlined: each awaited async call ends
    /// with an executor check, and a create made twenty of them before (see Performance.md).
    @inline(__always)
    func storage<Value>(_ operation: () async throws -> Value) async throws(HelpDeskError) -> Value {
        do {
            return try await operation()
        } catch let error as StorageError {
            throw .storage(error)
        } catch let error as HelpDeskError {
            throw error
        } catch {
            throw .storage(StorageError(.other, String(describing: error), cause: error))
        }
    }

    /// The store's repository for a capability, or ``HelpDeskError/Reason/storeLacksFeature(_:)``.
    func feature<Feature>(_ feature: Feature.Type) throws(HelpDeskError) -> Feature {
        guard let found = try optionalFeature(feature) else { throw .storeLacksFeature(String(describing: feature)) }
        return found
    }

    /// The store's repository for a capability, or `nil` when the store does not offer it.
    func optionalFeature<Feature>(_ feature: Feature.Type) throws(HelpDeskError) -> Feature? {
        do { return try store.feature(feature) } catch { throw .storage(error) }
    }

    /// Commits `work` atomically.
    @inline(__always)
    func commit(_ work: UnitOfWork) async throws(HelpDeskError) {
        guard !work.isEmpty else { return }
        try await storage { try await store.commit(work) }
    }

    /// The ticket with `id`, or ``HelpDeskError/ticketNotFound(_:)``.
    func loadTicket(_ id: TicketID) async throws(HelpDeskError) -> Ticket {
        guard let ticket = try await storage({ try await store.ticket(id) }) else { throw .ticketNotFound(id) }
        return ticket
    }

    /// The employee with `id`; with `mustBeActive`, one who has not left.
    @inline(__always)
    func loadEmployee(_ id: EmployeeID, mustBeActive: Bool = true) async throws(HelpDeskError) -> Employee {
        guard let employee = try await storage({ try await store.employee(id) }) else {
            throw .employeeNotFound(id)
        }
        if mustBeActive, !employee.isActive { throw .employeeInactive(id) }
        return employee
    }

    /// Throws ``HelpDeskError/ticketLocked(_:status:)`` when `ticket` is in a `closed` status.
    func ensureUnlocked(_ ticket: Ticket) throws(HelpDeskError) {
        if workflow.category(of: ticket.status) == .closed {
            throw .ticketLocked(ticket.number, status: ticket.status)
        }
    }

    /// Checks an assignee and group pair: both exist, the assignee is active and in the group.
    @inline(__always)
    func validateAssignment(assignee: EmployeeID?, group: GroupID?) async throws(HelpDeskError) {
        var employee: Employee?
        if let assignee { employee = try await loadEmployee(assignee) }
        if let group {
            guard try await storage({ try await store.group(group) }) != nil else { throw .groupNotFound(group) }
            if let employee, !employee.groupIDs.contains(group) { throw .assigneeNotInGroup(employee.id, group) }
        }
    }
}
