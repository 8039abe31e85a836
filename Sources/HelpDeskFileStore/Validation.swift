import HelpDeskKit

/// Checks a unit of work against the committed state plus the units accepted earlier in the same
/// group commit, with exactly the rules of `InMemoryStore.commit` (Adapters.md, "commit"), so a
/// rejected unit never reaches the journal and an accepted one always applies.
struct Validation {
    /// Revision and number of every ticket written by an accepted, not yet applied unit.
    private var pending: [TicketID: (revision: Int, number: TicketNumber)] = [:]
    /// Numbers of tickets inserted by accepted, not yet applied units.
    private var pendingNumbers: Set<TicketNumber> = []

    /// Throws ``StorageError`` `.conflict` when `work` cannot be applied after the accepted units.
    func check(_ work: UnitOfWork, against memory: InMemoryStore) async throws {
        var newNumbers = Set<TicketNumber>()
        for write in work.ticketWrites {
            let ticket = write.ticket
            let current = try await state(of: ticket.id, in: memory)
            switch (write.expectedRevision, current) {
            case (nil, nil):
                var taken = pendingNumbers.contains(ticket.number)
                if !taken { taken = try await memory.ticket(number: ticket.number) != nil }
                guard !taken, newNumbers.insert(ticket.number).inserted else {
                    throw StorageError(.conflict, "ticket number \(ticket.number) is taken")
                }
            case (nil, .some):
                throw StorageError(.conflict, "ticket \(ticket.id) already exists")
            case (.some, nil):
                throw StorageError(.conflict, "ticket \(ticket.id) does not exist")
            case (let expected?, let current?):
                guard current.revision == expected else {
                    throw StorageError(
                        .conflict, "ticket \(current.number) is at revision \(current.revision), not \(expected)")
                }
                guard current.number == ticket.number else {
                    throw StorageError(.conflict, "ticket \(current.number) cannot change its number")
                }
            }
        }
        let written = Set(work.ticketWrites.map(\.ticket.id))
        for id in work.comments.map(\.ticketID) + work.auditEntries.map(\.ticketID) where !written.contains(id) {
            if try await state(of: id, in: memory) == nil {
                throw StorageError(.conflict, "ticket \(id) does not exist")
            }
        }
    }

    /// Records an accepted unit, so later units in the group see its tickets.
    mutating func accept(_ work: UnitOfWork) {
        for write in work.ticketWrites {
            pending[write.ticket.id] = (write.ticket.revision, write.ticket.number)
            if write.expectedRevision == nil { pendingNumbers.insert(write.ticket.number) }
        }
    }

    private func state(of id: TicketID, in memory: InMemoryStore) async throws -> (revision: Int, number: TicketNumber)? {
        if let pending = pending[id] { return pending }
        return try await memory.ticket(id).map { ($0.revision, $0.number) }
    }
}
