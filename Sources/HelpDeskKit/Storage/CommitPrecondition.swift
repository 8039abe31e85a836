import DoubleEntry

/// A fact about a record a unit of work only references, which the store checks again at commit.
///
/// The engine checks references when a command is decided (an assignee is active, a contract
/// exists); a concurrent command may change that before the commit. A store refuses a unit whose
/// preconditions no longer hold with a `.conflict`, and the engine's retry then reports the precise
/// reason. Preconditions are checked, never stored: a journal does not record them.
public enum CommitPrecondition: Hashable, Sendable {
    /// The employee exists and has not left.
    case employeeActive(EmployeeID)
    /// The employee exists, has not left and holds the built-in administrator role desk-wide
    /// (``Role/administrator``): the desk keeps an administrator while others step down.
    case administratorActive(EmployeeID)
    /// The stored employee record is exactly this one: a command that rewrites the whole record
    /// (its grants, its leaving) read it, so a concurrent rewrite is not lost.
    case employeeUnchanged(Employee)
    /// The contact exists and has not left.
    case contactActive(ContactID)
    /// The company exists.
    case companyExists(CompanyID)
    /// The contract exists.
    case contractExists(ContractID)
    /// The ledger account's balance is still `balance` (`.zero` for an account not opened yet):
    /// the engine checked the unit's ledger batch against it, so the batch's limits still hold.
    case ledgerBalance(AccountID, Balance)
}

extension UnitOfWork {
    /// Adds `precondition` unless the unit has it already.
    public mutating func require(_ precondition: CommitPrecondition) {
        if !preconditions.contains(precondition) { preconditions.append(precondition) }
    }

    /// Requires what a ticket write newly references: an assignee, watchers, a requester
    /// contact, a company or a contract that `original` (the stored ticket, `nil` for a new one)
    /// did not have. References a ticket already had are not checked again, so a ticket whose
    /// assignee has left still accepts comments.
    mutating func requireReferences(of ticket: Ticket, comparedTo original: Ticket?) {
        if let assignee = ticket.assigneeID, assignee != original?.assigneeID { require(.employeeActive(assignee)) }
        for watcher in ticket.watcherIDs where original?.watcherIDs.contains(watcher) != true {
            require(.employeeActive(watcher))
        }
        for copied in ticket.ccContactIDs where original?.ccContactIDs.contains(copied) != true {
            require(.contactActive(copied))
        }
        if case .contact(let contact) = ticket.requester, ticket.requester != original?.requester {
            require(.contactActive(contact))
        }
        if let company = ticket.companyID, company != original?.companyID { require(.companyExists(company)) }
        if let contract = ticket.contractID, contract != original?.contractID { require(.contractExists(contract)) }
    }
}
