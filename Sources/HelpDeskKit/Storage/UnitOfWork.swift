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
    /// Client companies, locations, contacts, contracts and equipment to write or delete.
    public var clients = ClientChanges()
    /// Price list, specifications, ledger accounts and the ledger batch, committed with the rest.
    public var billing = BillingChanges()
    /// The changes of capabilities that keep their records out of the shared lists (ratings, …).
    public var capabilities = CapabilityChangeSet()
    /// Facts about referenced records the store checks again at commit; never stored.
    public var preconditions: [CommitPrecondition] = []

    /// What the engine must do before the unit commits; never stored or compared (``UnitNotes``).
    var notes = UnitNotes()

    /// Position of each ticket's write in `ticketWrites`, built once the unit holds many writes.
    private var writeIndex: [TicketID: Int] = [:]
    /// Below this many writes, finding a ticket's write is a linear search.
    private static let linearSearchLimit = 16

    /// An empty unit of work.
    public init() {}

    /// The unit's changes of type `type` (empty when it has none).
    public subscript<Changes: CapabilityChanges>(_ type: Changes.Type) -> Changes {
        get { capabilities[type] }
        set { capabilities[type] = newValue }
    }

    /// Adds a ticket write, replacing an earlier write of the same ticket in this unit.
    public mutating func save(_ ticket: Ticket, expectedRevision: Int?) {
        let index: Int?
        if ticketWrites.count < Self.linearSearchLimit {
            index = ticketWrites.firstIndex { $0.ticket.id == ticket.id }
        } else {
            if writeIndex.isEmpty {
                for (position, write) in ticketWrites.enumerated() { writeIndex[write.ticket.id] = position }
            }
            index = writeIndex[ticket.id]
        }
        if let index {
            ticketWrites[index].ticket = ticket
        } else {
            if !writeIndex.isEmpty || ticketWrites.count >= Self.linearSearchLimit {
                writeIndex[ticket.id] = ticketWrites.count
            }
            ticketWrites.append(TicketWrite(ticket: ticket, expectedRevision: expectedRevision))
        }
    }

    /// `true` when the unit inserts or replaces the ticket `id`.
    public func writesTicket(_ id: TicketID) -> Bool {
        if !writeIndex.isEmpty { return writeIndex[id] != nil }
        // Field by field: binding whole writes would copy their tickets.
        return ticketWrites.indices.contains { ticketWrites[$0].ticket.id == id }
    }

    /// The same unit without its ticket writes (adapters that store tickets in their own format
    /// encode the rest generically).
    public var withoutTicketWrites: UnitOfWork {
        var rest = self
        rest.ticketWrites = []
        rest.writeIndex = [:]
        return rest
    }

    /// `true` when the unit changes nothing.
    public var isEmpty: Bool {
        ticketWrites.isEmpty && comments.isEmpty && auditEntries.isEmpty && events.isEmpty && changesOnlyTicketHistory
    }

    /// `true` when the unit changes nothing but tickets, comments, audit entries and outbox
    /// events (an adapter with its own format for those can skip encoding the rest).
    public var changesOnlyTicketHistory: Bool {
        employees.isEmpty && groups.isEmpty && categories.isEmpty && acknowledgedEvents.isEmpty && clients.isEmpty
            && billing.isEmpty && capabilities.isEmpty
    }
}

extension UnitOfWork {
    private enum CodingKeys: String, CodingKey {
        case ticketWrites, comments, auditEntries, events, employees, groups, categories, acknowledgedEvents
        case clients
        case billing
    }

    /// Decodes leniently: a missing list is empty, so records written before a list existed load.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for write in try container.decodeIfPresent([TicketWrite].self, forKey: .ticketWrites) ?? [] {
            save(write.ticket, expectedRevision: write.expectedRevision)
        }
        comments = try container.decodeIfPresent([Comment].self, forKey: .comments) ?? []
        auditEntries = try container.decodeIfPresent([AuditEntry].self, forKey: .auditEntries) ?? []
        events = try container.decodeIfPresent([PendingEvent].self, forKey: .events) ?? []
        employees = try container.decodeIfPresent([Employee].self, forKey: .employees) ?? []
        groups = try container.decodeIfPresent([SupportGroup].self, forKey: .groups) ?? []
        categories = try container.decodeIfPresent([ServiceCategory].self, forKey: .categories) ?? []
        acknowledgedEvents = try container.decodeIfPresent([UInt64].self, forKey: .acknowledgedEvents) ?? []
        clients = try container.decodeIfPresent(ClientChanges.self, forKey: .clients) ?? ClientChanges()
        // Billing came later still.
        billing = try container.decodeIfPresent(BillingChanges.self, forKey: .billing) ?? BillingChanges()
        // Each capability reads its own top-level keys.
        capabilities = try CapabilityChangeSet(from: decoder)
    }

    /// Encodes only the non-empty parts (a missing part decodes as empty): most units touch one
    /// ticket, and the file store journals this JSON on every commit.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        func encode<Element: Encodable>(_ list: [Element], as key: CodingKeys) throws {
            if !list.isEmpty { try container.encode(list, forKey: key) }
        }
        try encode(ticketWrites, as: .ticketWrites)
        try encode(comments, as: .comments)
        try encode(auditEntries, as: .auditEntries)
        try encode(events, as: .events)
        try encode(employees, as: .employees)
        try encode(groups, as: .groups)
        try encode(categories, as: .categories)
        try encode(acknowledgedEvents, as: .acknowledgedEvents)
        if !clients.isEmpty { try container.encode(clients, forKey: .clients) }
        if !billing.isEmpty { try container.encode(billing, forKey: .billing) }
        if !capabilities.isEmpty { try capabilities.encode(to: encoder) }
    }
}
