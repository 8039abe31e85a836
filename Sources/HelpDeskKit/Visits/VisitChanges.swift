import Foundation

/// Reads planned visits. Writes go through a ``UnitOfWork`` (``VisitChanges``).
public protocol VisitRepository: Sendable {
    /// The visit of `ticket` (cancelled or not), or `nil`.
    func visit(ofTicket ticket: TicketID) async throws -> PlannedVisit?
    /// The visits that are not cancelled and start in `[from, before)`, by start, then ticket.
    func visits(startingFrom from: Date, before: Date) async throws -> [PlannedVisit]
    /// Every visit, cancelled ones too, by ticket (a snapshot reads it).
    func visits() async throws -> [PlannedVisit]
}

/// A new or changed visit in a unit of work, with the revision it was based on.
public struct PlannedVisitWrite: Hashable, Sendable, Codable {
    /// The visit as it must be stored.
    public var visit: PlannedVisit
    /// The stored revision the change was computed from; `nil` for a ticket without a visit yet.
    public var expectedRevision: Int?
    /// When `true` (a levelling move), the write is a conflict if another visit not cancelled of
    /// one of its employees overlaps it when the unit commits: the slot was found free and must
    /// still be, whichever engine wrote meanwhile.
    public var requiresFreeSlot: Bool

    /// Describes a write.
    public init(visit: PlannedVisit, expectedRevision: Int?, requiresFreeSlot: Bool = false) {
        self.visit = visit
        self.expectedRevision = expectedRevision
        self.requiresFreeSlot = requiresFreeSlot
    }

    private enum CodingKeys: String, CodingKey {
        case visit, expectedRevision, requiresFreeSlot
    }

    /// Decodes leniently: writes journaled before free-slot checks existed require none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        visit = try container.decode(PlannedVisit.self, forKey: .visit)
        expectedRevision = try container.decodeIfPresent(Int.self, forKey: .expectedRevision)
        requiresFreeSlot = try container.decodeIfPresent(Bool.self, forKey: .requiresFreeSlot) ?? false
    }

    /// Encodes the free-slot flag only when set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(visit, forKey: .visit)
        try container.encodeIfPresent(expectedRevision, forKey: .expectedRevision)
        if requiresFreeSlot { try container.encode(true, forKey: .requiresFreeSlot) }
    }

    /// Throws the conflict a store reports when a visit of another ticket among `others`, not
    /// cancelled, shares an employee with this write's visit and overlaps it in time.
    public func requireFreeSlot(among others: some Sequence<PlannedVisit>) throws(StorageError) {
        let clash = others.first { other in
            other.ticketID != visit.ticketID && !other.isCancelled && other.start < visit.end
                && visit.start < other.end && other.employeeIDs.contains(where: visit.employeeIDs.contains)
        }
        if let clash {
            throw StorageError(
                .conflict, "the slot of the visit of ticket \(visit.ticketID) is taken by \(clash.ticketID)'s")
        }
    }
}

/// The visits part of a ``UnitOfWork``.
public struct VisitChanges: CapabilityChanges {
    /// Visits to insert or replace.
    public var visits: [PlannedVisitWrite] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { visits.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for write in visits {
            body(.record(kind: "plannedVisit", id: write.visit.ticketID.description))
            // A free-slot check reads the employees' other visits: units placing visits on one
            // employee are validated one after another.
            guard !write.visit.isCancelled else { continue }
            for employee in write.visit.employeeIDs { body(.record(kind: "employeeVisits", id: employee.description)) }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case plannedVisitWrites
    }

    /// Decodes leniently: units written before visits existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        visits = try container.decodeIfPresent([PlannedVisitWrite].self, forKey: .plannedVisitWrites) ?? []
    }

    /// Encodes only the non-empty lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !visits.isEmpty { try container.encode(visits, forKey: .plannedVisitWrites) }
    }
}

extension UnitOfWork {
    /// Visits to insert or replace (``VisitChanges/visits``).
    public var plannedVisitWrites: [PlannedVisitWrite] {
        get { self[VisitChanges.self].visits }
        set { self[VisitChanges.self].visits = newValue }
    }
}

/// The planned visits of a ``StoreImage``.
public struct VisitImage: CapabilityImage {
    public static let key = "visits"

    /// Every visit, by ticket.
    public var visits: [PlannedVisit]

    /// Describes the visits of an image.
    public init(visits: [PlannedVisit]) { self.visits = visits }

    /// No visits.
    public init() { self.init(visits: []) }

    public var isEmpty: Bool { visits.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case visits
    }

    /// Decodes leniently: snapshots written before visits existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        visits = try container.decodeIfPresent([PlannedVisit].self, forKey: .visits) ?? []
    }
}

extension StoreImage {
    /// The desk's planned visits.
    public var visits: VisitImage {
        get { capabilities[VisitImage.self] }
        set { capabilities[VisitImage.self] = newValue }
    }
}
