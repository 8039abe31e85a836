extension InMemoryStore.State {
    /// Checks every precondition of `work` without changing anything.
    func validate(_ work: UnitOfWork) throws(StorageError) {
        var newNumbers = Set<TicketNumber>()
        for write in work.ticketWrites {
            let stored = tickets.ticket(write.ticket.id)
            switch (write.expectedRevision, stored) {
            case (nil, nil):
                guard !tickets.contains(number: write.ticket.number), newNumbers.insert(write.ticket.number).inserted
                else {
                    throw StorageError(.conflict, "ticket number \(write.ticket.number) is taken")
                }
            case (nil, .some):
                throw StorageError(.conflict, "ticket \(write.ticket.id) already exists")
            case (.some, nil):
                throw StorageError(.conflict, "ticket \(write.ticket.id) does not exist")
            case (let expected?, let current?):
                guard current.revision == expected else {
                    throw StorageError(
                        .conflict, "ticket \(current.number) is at revision \(current.revision), not \(expected)")
                }
                guard current.number == write.ticket.number else {
                    throw StorageError(.conflict, "ticket \(current.number) cannot change its number")
                }
            }
        }
    }

    /// Applies a validated unit of work.
    mutating func apply(_ work: UnitOfWork) {
        for write in work.ticketWrites {
            let ticket = write.ticket
            tickets.upsert(ticket)
            if let until = ticket.postponedUntil {
                postponed[ticket.id] = until
            } else {
                postponed.removeValue(forKey: ticket.id)
            }
        }
        for comment in work.comments {
            comments[comment.ticketID, default: []].append(comment)
        }
        for entry in work.auditEntries {
            audit[entry.ticketID, default: []].append(entry)
        }
        for employee in work.employees { employees[employee.id] = employee }
        for group in work.groups { groups[group.id] = group }
        for category in work.categories { categories[category.id] = category }
        for event in work.events { outbox.append(event) }
        for sequence in work.acknowledgedEvents { outbox.acknowledge(sequence) }
    }
}
