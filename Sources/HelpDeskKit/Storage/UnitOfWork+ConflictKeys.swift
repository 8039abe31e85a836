/// A record a unit of work writes or whose state its commit rules read.
public enum ConflictKey: Hashable, Sendable {
    case ticket(TicketID)
    case ticketNumber(TicketNumber)
    case timeEntry(TimeEntryID)
    /// A ticket's specification (its version is checked).
    case specification(TicketID)
    /// The desk's one ledger: units posting to it are validated one after another.
    case ledger
    /// An idempotency key (recorded or forgotten).
    case idempotencyKey(IdempotencyKey)
    /// An employee (written, or named by a precondition).
    case employee(EmployeeID)
    /// A contact (written or deleted, or named by a precondition).
    case contact(ContactID)
    /// A company (written or deleted, or named by a precondition).
    case company(CompanyID)
    /// A contract (written or deleted, or named by a precondition).
    case contract(ContractID)
    /// A record of a capability that keeps its own tables (``CapabilityChanges``): its kind (for
    /// example `rating`) and identifier.
    case record(kind: String, id: String)
}

extension UnitOfWork {
    /// Every record the store's commit rules consult for this unit.
    ///
    /// Two units whose keys are disjoint validate independently: committing one cannot change
    /// whether the other is accepted. A durable adapter that validates a group of units against
    /// the committed state (``InMemoryStore/validate(_:)``) defers a unit whose keys meet an
    /// earlier accepted unit's to the next group.
    public var conflictKeys: Set<ConflictKey> {
        var keys = Set<ConflictKey>()
        forEachConflictKey { keys.insert($0) }
        return keys
    }

    /// Calls `body` with each of ``conflictKeys`` (some more than once), without building a set.
    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for index in ticketWrites.indices {
            body(.ticket(ticketWrites[index].ticket.id))
            body(.ticketNumber(ticketWrites[index].ticket.number))
        }
        for comment in comments { body(.ticket(comment.ticketID)) }
        for entry in auditEntries { body(.ticket(entry.ticketID)) }
        for write in billing.specifications { body(.specification(write.specification.ticketID)) }
        if billing.touchesLedger { body(.ledger) }
        for employee in employees { body(.employee(employee.id)) }
        if !clients.isEmpty {
            for contact in clients.contacts { body(.contact(contact.id)) }
            for id in clients.deletedContacts { body(.contact(id)) }
            for company in clients.companies { body(.company(company.id)) }
            for id in clients.deletedCompanies { body(.company(id)) }
            for contract in clients.contracts { body(.contract(contract.id)) }
            for id in clients.deletedContracts { body(.contract(id)) }
        }
        if !capabilities.isEmpty {
            for part in capabilities.all { part.forEachConflictKey(body) }
        }
    }
}

extension UnitOfWork {
    /// Calls `body` with the key of each record the unit's ``preconditions`` read.
    ///
    /// Reading does not conflict with reading: a durable adapter that groups units defers a unit
    /// whose read keys meet an earlier accepted unit's ``conflictKeys`` (it would be validated
    /// against state that unit is about to change), but does not claim read keys itself, so many
    /// commands by one performer still share a group.
    public func forEachPreconditionKey(_ body: (ConflictKey) -> Void) {
        for precondition in preconditions {
            switch precondition {
            case .employeeActive(let id), .administratorActive(let id): body(.employee(id))
            case .employeeUnchanged(let employee): body(.employee(employee.id))
            case .contactActive(let id): body(.contact(id))
            case .companyExists(let id): body(.company(id))
            case .contractExists(let id): body(.contract(id))
            case .ledgerBalance: body(.ledger)
            }
        }
    }
}
