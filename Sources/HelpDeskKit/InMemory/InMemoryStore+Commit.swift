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
        // Field by field through the array: binding a whole write would copy its ticket.
        for index in work.ticketWrites.indices {
            let id = work.ticketWrites[index].ticket.id
            let number = work.ticketWrites[index].ticket.number
            switch (work.ticketWrites[index].expectedRevision, tickets.row(of: id)) {
            case (nil, nil):
                guard !tickets.contains(number: number),
                    work.ticketWrites.count == 1 || newNumbers.insert(number).inserted
                else {
                    throw StorageError(.conflict, "ticket number \(number) is taken")
                }
            case (nil, .some):
                throw StorageError(.conflict, "ticket \(id) already exists")
            case (.some, nil):
                throw StorageError(.conflict, "ticket \(id) does not exist")
            case (let expected?, let row?):
                let current = tickets.rows[row]
                guard current.revision == expected else {
                    throw StorageError(
                        .conflict, "ticket \(current.number) is at revision \(current.revision), not \(expected)")
                }
                guard current.number == number else {
                    throw StorageError(.conflict, "ticket \(current.number) cannot change its number")
                }
            }
        }
        try checkPreconditions(of: work)
        try requireTickets(of: work.comments.lazy.map(\.ticketID), in: work)
        try requireTickets(of: work.auditEntries.lazy.map(\.ticketID), in: work)
        // The ticket table is lent, not captured in a closure: a closure capturing the state would
        // copy the whole state on every commit.
        if !work.capabilities.isEmpty { try capabilities.validate(work, in: self) }
    }

    /// Throws a conflict when a referenced record changed since the command decided.
    private func checkPreconditions(of work: UnitOfWork) throws(StorageError) {
        for precondition in work.preconditions {
            let holds: Bool
            switch precondition {
            case .employeeActive(let id): holds = employees[id]?.isActive == true
            case .administratorActive(let id): holds = employees[id]?.isActiveAdministrator == true
            case .employeeUnchanged(let employee): holds = employees[employee.id] == employee
            case .contactActive(let id): holds = clients.contacts[id]?.isActive == true
            case .companyExists(let id): holds = clients.companies[id] != nil
            case .contractExists(let id): holds = clients.contracts[id] != nil
            case .ledgerBalance(let id, let balance): holds = (billing.ledger.balance(of: id) ?? .zero) == balance
            }
            if !holds { throw StorageError(.conflict, "precondition no longer holds: \(precondition)") }
        }
    }

    /// Throws unless every ticket in `ids` is stored or inserted by `work`.
    private func requireTickets(of ids: some Sequence<TicketID>, in work: UnitOfWork) throws(StorageError) {
        for id in ids where !work.writesTicket(id) && tickets.row(of: id) == nil {
            throw StorageError(.conflict, "ticket \(id) does not exist")
        }
    }

    /// Applies a validated unit of work.
    mutating func apply(_ work: UnitOfWork) {
        // The first written ticket's row, so the unit's own comments and audit entries (most
        // units write one ticket) find it without a lookup or an array to allocate.
        var firstWritten: (id: TicketID, row: Int)?
        for index in work.ticketWrites.indices {
            let id = work.ticketWrites[index].ticket.id
            let row =
                work.ticketWrites[index].expectedRevision == nil
                ? tickets.insert(work.ticketWrites[index].ticket) : tickets.update(work.ticketWrites[index].ticket)
            if firstWritten == nil { firstWritten = (id, row) }
            if row == comments.count {
                comments.append([])
                audit.append([])
            }
            postponed.set(id, to: work.ticketWrites[index].ticket.postponedUntil)
            slaChecks.set(id, to: work.ticketWrites[index].ticket.sla?.nextCheckAt)
        }
        func row(of id: TicketID) -> Int {
            if let firstWritten, firstWritten.id == id { return firstWritten.row }
            return tickets.row(of: id)!
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
        billing.apply(work)
        if !work.capabilities.isEmpty { capabilities.apply(work) }
    }
}
