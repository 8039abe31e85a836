import Foundation

extension Capability {
    /// Visits: engineers' planned visits to clients, one per ticket, and the workload they make.
    static let visits = Capability(
        name: "visits", tables: VisitTables.self, ticketHooks: [.visitCallOff], unitHooks: [.visitNotices])
}

/// The in-memory store's planned visits, with an index by start for the workload calendar.
struct VisitTables: CapabilityTable {
    var visits: [TicketID: PlannedVisit] = [:]
    /// Active visits by start, then ticket.
    var byStart = VisitStartIndex()

    /// Checks revisions, and that a write requiring a free slot still has it.
    func validate(_ changes: VisitChanges, of work: UnitOfWork, in store: InMemoryStore.State) throws(StorageError) {
        var seen: Set<TicketID> = []
        for write in changes.visits {
            guard seen.insert(write.visit.ticketID).inserted else {
                throw StorageError(.conflict, "the unit writes the visit of ticket \(write.visit.ticketID) twice")
            }
            guard visits[write.visit.ticketID]?.revision == write.expectedRevision else {
                throw StorageError(
                    .conflict, "the visit of ticket \(write.visit.ticketID) is not at the expected revision")
            }
            guard write.requiresFreeSlot, !write.visit.isCancelled else { continue }
            // A visit lasts at most a day, so one starting a day earlier is the earliest that can overlap.
            let nearby = byStart.tickets(
                startingFrom: write.visit.start.addingTimeInterval(-86_400), before: write.visit.end)
            try write.requireFreeSlot(among: nearby.lazy.compactMap { visits[$0] })
        }
    }

    /// Applies validated changes.
    mutating func apply(_ changes: VisitChanges) {
        for write in changes.visits { insert(write.visit) }
    }

    private mutating func insert(_ visit: PlannedVisit) {
        if let old = visits[visit.ticketID], !old.isCancelled { byStart.remove((old.start, old.ticketID)) }
        visits[visit.ticketID] = visit
        if !visit.isCancelled { byStart.insert((visit.start, visit.ticketID)) }
    }

    var image: VisitImage { VisitImage(visits: visits.values.sorted { $0.ticketID < $1.ticketID }) }

    init(image: VisitImage) {
        for visit in image.visits { visits[visit.ticketID] = visit }
        byStart = VisitStartIndex(visits.values.filter { !$0.isCancelled }.map { ($0.start, $0.ticketID) })
    }
}

extension InMemoryStore: VisitRepository {
    public func visit(ofTicket ticket: TicketID) async throws -> PlannedVisit? {
        state.withLock { $0.table(VisitTables.self).visits[ticket] }
    }

    public func visits(startingFrom from: Date, before: Date) async throws -> [PlannedVisit] {
        state.withLock { state in
            let tables = state.table(VisitTables.self)
            return tables.byStart.tickets(startingFrom: from, before: before).compactMap { tables.visits[$0] }
        }
    }

    public func visits() async throws -> [PlannedVisit] {
        state.withLock { $0.table(VisitTables.self).image.visits }
    }
}
