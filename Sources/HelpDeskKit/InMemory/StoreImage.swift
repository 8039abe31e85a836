/// Everything an ``InMemoryStore`` holds, as plain values: what a durable adapter writes to a
/// snapshot and reads back. Derived indexes are not part of it; they are rebuilt on load.
public struct StoreImage: Hashable, Sendable, Codable {
    /// All tickets, in insertion order.
    public var tickets: [Ticket] = []
    /// Comments per ticket, parallel to `tickets`.
    public var comments: [[Comment]] = []
    /// Audit entries per ticket, parallel to `tickets`.
    public var audit: [[AuditEntry]] = []
    /// All employees, sorted by identifier.
    public var employees: [Employee] = []
    /// All groups, sorted by identifier.
    public var groups: [SupportGroup] = []
    /// All service categories, sorted by identifier.
    public var categories: [ServiceCategory] = []
    /// Unacknowledged outbox events, lowest sequence first.
    public var undeliveredEvents: [OutboxEvent] = []
    /// The last outbox sequence ever issued.
    public var lastEventSequence: UInt64 = 0
    /// Companies, locations, contacts, contracts and equipment.
    public var clients = ClientImage()
    /// Price list, specifications, accounts and the ledger.
    public var billing = BillingImage()
    /// The records of capabilities that keep their own tables (ratings, …), each under its key.
    public var capabilities = CapabilityImageSet()

    /// An empty image.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case tickets, comments, audit, employees, groups, categories, undeliveredEvents, lastEventSequence, clients
        case billing
    }

    /// Decodes leniently: sections added in later versions default to empty, so older images load.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tickets = try c.decodeIfPresent([Ticket].self, forKey: .tickets) ?? []
        comments = try c.decodeIfPresent([[Comment]].self, forKey: .comments) ?? []
        audit = try c.decodeIfPresent([[AuditEntry]].self, forKey: .audit) ?? []
        employees = try c.decodeIfPresent([Employee].self, forKey: .employees) ?? []
        groups = try c.decodeIfPresent([SupportGroup].self, forKey: .groups) ?? []
        categories = try c.decodeIfPresent([ServiceCategory].self, forKey: .categories) ?? []
        undeliveredEvents = try c.decodeIfPresent([OutboxEvent].self, forKey: .undeliveredEvents) ?? []
        lastEventSequence = try c.decodeIfPresent(UInt64.self, forKey: .lastEventSequence) ?? 0
        clients = try c.decodeIfPresent(ClientImage.self, forKey: .clients) ?? ClientImage()
        billing = try c.decodeIfPresent(BillingImage.self, forKey: .billing) ?? BillingImage()
        capabilities = try CapabilityImageSet(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tickets, forKey: .tickets)
        try c.encode(comments, forKey: .comments)
        try c.encode(audit, forKey: .audit)
        try c.encode(employees, forKey: .employees)
        try c.encode(groups, forKey: .groups)
        try c.encode(categories, forKey: .categories)
        try c.encode(undeliveredEvents, forKey: .undeliveredEvents)
        try c.encode(lastEventSequence, forKey: .lastEventSequence)
        try c.encode(clients, forKey: .clients)
        try c.encode(billing, forKey: .billing)
        try capabilities.encode(to: encoder)
    }
}

extension InMemoryStore {
    /// Creates a store holding exactly what `image` describes.
    public convenience init(image: StoreImage) {
        self.init()
        state.withLock { $0 = State(image: image) }
    }

    /// A consistent copy of everything the store holds.
    ///
    /// - Complexity: O(*n*) in the stored data, under the store's lock. The copy shares storage
    ///   with the store's arrays (copy-on-write), so it is cheap until the store changes again.
    public func image() -> StoreImage {
        state.withLock { $0.image() }
    }

    /// Like ``image()``, but the largest lists (ticket rows, comment and audit lists per ticket)
    /// are copied now, on all cores, instead of shared: an image kept while the store goes on
    /// changing (a snapshot written in the background) then costs the store no copy-on-write
    /// later, at its next change, on its writer's path.
    ///
    /// - Complexity: O(*n*) in the tickets, under the store's lock.
    public func detachedImage() -> StoreImage {
        state.withLock { state in
            var image = state.image()
            image.tickets = Parallel.copy(image.tickets)
            image.comments = Parallel.copy(image.comments)
            image.audit = Parallel.copy(image.audit)
            return image
        }
    }
}

extension InMemoryStore.State {
    init(image: StoreImage) {
        tickets = TicketTable(bulk: image.tickets)
        let count = image.tickets.count
        comments = Array(image.comments.prefix(count))
        comments += repeatElement([], count: count - comments.count)
        audit = Array(image.audit.prefix(count))
        audit += repeatElement([], count: count - audit.count)
        postponed = DueIndex(bulk: image.tickets.compactMap { ticket in ticket.postponedUntil.map { (ticket.id, $0) } })
        slaChecks = DueIndex(
            bulk: image.tickets.compactMap { ticket in ticket.sla?.nextCheckAt.map { (ticket.id, $0) } })
        employees = Dictionary(uniqueKeysWithValues: image.employees.map { ($0.id, $0) })
        groups = Dictionary(uniqueKeysWithValues: image.groups.map { ($0.id, $0) })
        categories = Dictionary(uniqueKeysWithValues: image.categories.map { ($0.id, $0) })
        outbox = OutboxQueue(undelivered: image.undeliveredEvents, lastSequence: image.lastEventSequence)
        clients = ClientTables(image: image.clients)
        billing = BillingTables(image: image.billing)
        capabilities = CapabilityTables(images: image.capabilities)
    }

    func image() -> StoreImage {
        var image = StoreImage()
        image.tickets = tickets.rows
        image.comments = comments
        image.audit = audit
        image.employees = employees.values.sorted { $0.id < $1.id }
        image.groups = groups.values.sorted { $0.id < $1.id }
        image.categories = categories.values.sorted { $0.id < $1.id }
        image.undeliveredEvents = outbox.undelivered(limit: .max)
        image.lastEventSequence = outbox.lastSequence
        image.clients = clients.image
        image.billing = billing.image
        image.capabilities = capabilities.images
        return image
    }
}
