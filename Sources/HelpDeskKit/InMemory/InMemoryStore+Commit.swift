extension InMemoryStore.State {
    /// Checks every precondition of `work` without changing anything.
    /// Checks every precondition of `work`; mutating only so the ledger can try its batch in place
    /// and roll it back (never a copy of the state).
    mutating func validate(_ work: UnitOfWork) throws(StorageError) {
        try validateRecords(work)
        try billing.validate(work)
    }

    /// Checks every precondition of `work` but the ledger's, without changing anything.
    private func validateRecords(_ work: UnitOfWork) throws(StorageError) {
        var newNumbers = Set<TicketNumber>()
        for write in work.ticketWrites {
            let row = tickets.row(of: write.ticket.id)
            switch (write.expectedRevision, row) {
            case (nil, nil):
                let number = write.ticket.number
                guard !tickets.contains(number: number), work.ticketWrites.count == 1 || newNumbers.insert(number).inserted
                else {
                    throw StorageError(.conflict, "ticket number \(number) is taken")
                }
            case (nil, .some):
                throw StorageError(.conflict, "ticket \(write.ticket.id) already exists")
            case (.some, nil):
                throw StorageError(.conflict, "ticket \(write.ticket.id) does not exist")
            case (let expected?, let row?):
                let current = tickets.rows[row]
                guard current.revision == expected else {
                    throw StorageError(
                        .conflict, "ticket \(current.number) is at revision \(current.revision), not \(expected)")
                }
                guard current.number == write.ticket.number else {
                    throw StorageError(.conflict, "ticket \(current.number) cannot change its number")
                }
            }
        }
        try requireTickets(of: work.comments.lazy.map(\.ticketID), in: work)
        try requireTickets(of: work.auditEntries.lazy.map(\.ticketID), in: work)
        // The ticket table is lent, not captured in a closure: a closure capturing the state would
        // copy the whole state on every commit.
        try labor.validate(work, tickets: tickets)
        try ratings.validate(work, tickets: tickets)
    }

    /// Throws unless every ticket in `ids` is stored or inserted by `work`.
    private func requireTickets(of ids: some Sequence<TicketID>, in work: UnitOfWork) throws(StorageError) {
        var inserted: Set<TicketID>?
        for id in ids {
            if work.ticketWrites.count <= 8 {
                if work.ticketWrites.contains(where: { $0.ticket.id == id }) { continue }
            } else {
                if inserted == nil { inserted = Set(work.ticketWrites.map(\.ticket.id)) }
                if inserted?.contains(id) == true { continue }
            }
            if tickets.row(of: id) == nil { throw StorageError(.conflict, "ticket \(id) does not exist") }
        }
    }

    /// Applies a validated unit of work.
    mutating func apply(_ work: UnitOfWork) {
        var rows: [(id: TicketID, row: Int)] = []
        for write in work.ticketWrites {
            let ticket = write.ticket
            let row = write.expectedRevision == nil ? tickets.insert(ticket) : tickets.update(ticket)
            if rows.count < 8 { rows.append((ticket.id, row)) }
            if row == comments.count {
                comments.append([])
                audit.append([])
            }
            postponed.set(ticket.id, to: ticket.postponedUntil)
            slaChecks.set(ticket.id, to: ticket.sla?.nextCheckAt)
        }
        func row(of id: TicketID) -> Int {
            rows.first { $0.id == id }?.row ?? tickets.row(of: id)!
        }
        for comment in work.comments {
            comments[row(of: comment.ticketID)].append(comment)
        }
        for entry in work.auditEntries {
            audit[row(of: entry.ticketID)].append(entry)
        }
        for employee in work.employees { employees[employee.id] = employee }
        for group in work.groups { groups[group.id] = group }
        for category in work.categories { categories[category.id] = category }
        for event in work.events { outbox.append(event) }
        for sequence in work.acknowledgedEvents { outbox.acknowledge(sequence) }
        if !work.clients.isEmpty { clients.apply(work.clients) }
        labor.apply(work)
        ratings.apply(work)
        billing.apply(work)
    }
}
