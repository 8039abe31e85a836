import Foundation

extension Capability {
    /// Visits: engineers' planned visits to clients, one per ticket, and the workload they make.
    static let visits = Capability(name: "visits", tables: VisitTables.self)
}

/// The in-memory store's planned visits, with an index by start for the workload calendar.
struct VisitTables: CapabilityTable {
    var visits: [TicketID: PlannedVisit] = [:]
    /// Active visits by start, then ticket.
    var byStart: [(start: Date, ticket: TicketID)] = []

    /// Checks revisions.
    func validate(_ changes: VisitChanges, of work: UnitOfWork, in store: InMemoryStore.State) throws(StorageError) {
        for write in changes.visits where visits[write.visit.ticketID]?.revision != write.expectedRevision {
            throw StorageError(.conflict, "the visit of ticket \(write.visit.ticketID) is not at the expected revision")
        }
    }

    /// Applies validated changes.
    mutating func apply(_ changes: VisitChanges) {
        for write in changes.visits { insert(write.visit) }
    }

    private mutating func insert(_ visit: PlannedVisit) {
        if let old = visits[visit.ticketID], !old.isCancelled {
            let at = position(of: (old.start, old.ticketID))
            if at < byStart.count, byStart[at].ticket == old.ticketID { byStart.remove(at: at) }
        }
        visits[visit.ticketID] = visit
        if !visit.isCancelled {
            byStart.insert((visit.start, visit.ticketID), at: position(of: (visit.start, visit.ticketID)))
        }
    }

    /// The first index whose entry is not before `key`.
    func position(of key: (Date, TicketID)) -> Int {
        var low = 0
        var high = byStart.count
        while low < high {
            let mid = (low + high) / 2
            if (byStart[mid].start, byStart[mid].ticket) < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    var image: VisitImage { VisitImage(visits: visits.values.sorted { $0.ticketID < $1.ticketID }) }

    init(image: VisitImage) {
        for visit in image.visits { visits[visit.ticketID] = visit }
        byStart = visits.values.filter { !$0.isCancelled }.map { ($0.start, $0.ticketID) }.sorted { $0 < $1 }
    }
}

extension InMemoryStore: VisitRepository {
    public func visit(ofTicket ticket: TicketID) async throws -> PlannedVisit? {
        state.withLock { $0.table(VisitTables.self).visits[ticket] }
    }

    public func visits(startingFrom from: Date, before: Date) async throws -> [PlannedVisit] {
        state.withLock { state in
            let tables = state.table(VisitTables.self)
            guard from < before else { return [] }
            var result: [PlannedVisit] = []
            var index = tables.byStart.partitioningIndex { $0.start >= from }
            while index < tables.byStart.count, tables.byStart[index].start < before {
                if let visit = tables.visits[tables.byStart[index].ticket] { result.append(visit) }
                index += 1
            }
            return result
        }
    }

    public func visits() async throws -> [PlannedVisit] {
        state.withLock { $0.table(VisitTables.self).image.visits }
    }
}

extension Array {
    /// The first index whose element satisfies `isAbove`, for a predicate false then true along the array.
    fileprivate func partitioningIndex(where isAbove: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if isAbove(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
