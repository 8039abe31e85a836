/// A record a unit of work writes or whose state its commit rules read.
public enum ConflictKey: Hashable, Sendable {
    case ticket(TicketID)
    case ticketNumber(TicketNumber)
    case timeEntry(TimeEntryID)
    case ratingRequest(RatingRequestID)
    case ratingToken(RatingToken)
    case rating(RatingID)
    /// A ticket's specification (its version is checked).
    case specification(TicketID)
    /// The desk's one ledger: units posting to it are validated one after another.
    case ledger
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
        for index in ticketWrites.indices {
            keys.insert(.ticket(ticketWrites[index].ticket.id))
            keys.insert(.ticketNumber(ticketWrites[index].ticket.number))
        }
        for comment in comments { keys.insert(.ticket(comment.ticketID)) }
        for entry in auditEntries { keys.insert(.ticket(entry.ticketID)) }
        for write in timeEntryWrites {
            keys.insert(.timeEntry(write.entry.id))
            keys.insert(.ticket(write.entry.ticketID))
        }
        for deletion in timeEntryDeletions { keys.insert(.timeEntry(deletion.id)) }
        for request in ratingRequests {
            keys.insert(.ratingRequest(request.id))
            keys.insert(.ratingToken(request.token))
            keys.insert(.ticket(request.ticketID))
        }
        for rating in ratings {
            keys.insert(.rating(rating.id))
            keys.insert(.ratingRequest(rating.requestID))
        }
        for write in billing.specifications { keys.insert(.specification(write.specification.ticketID)) }
        if billing.touchesLedger { keys.insert(.ledger) }
        return keys
    }
}

extension InMemoryStore {
    /// Checks `work` against the stored state with exactly the rules of ``commit(_:)``, without
    /// applying it; a durable adapter validates before journaling so that a rejected unit never
    /// reaches disk.
    public func validate(_ work: UnitOfWork) throws(StorageError) {
        try state.withLock { state throws(StorageError) in try state.validate(work) }
    }

    /// ``commit(_:)`` without suspending, for an adapter applying journaled units on its own
    /// I/O thread.
    package func commitNow(_ work: UnitOfWork) throws(StorageError) {
        try state.withLock { state throws(StorageError) in
            try state.validate(work)
            state.apply(work)
        }
    }

    /// Applies a unit that ``validate(_:)`` accepted, without validating it again; the caller
    /// guarantees that no unit applied since then shares its ``UnitOfWork/conflictKeys``.
    package func applyValidated(_ work: UnitOfWork) {
        state.withLock { state in state.apply(work) }
    }
}
