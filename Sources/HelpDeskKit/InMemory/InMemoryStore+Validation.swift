extension InMemoryStore {
    /// Checks `work` against the stored state with exactly the rules of ``commit(_:)``, without
    /// applying it; a durable adapter validates before journaling so that a rejected unit never
    /// reaches disk.
    public func validate(_ work: UnitOfWork) throws(StorageError) {
        try state.withLock { state throws(StorageError) in try state.validate(work) }
    }

    /// ``commit(_:)`` without suspending, for an adapter applying journaled units on its own
    /// I/O thread.
    public func commitNow(_ work: UnitOfWork) throws(StorageError) {
        try state.withLock { state throws(StorageError) in
            try state.validate(work)
            state.apply(work)
        }
    }

    /// ``validate(_:)`` of a unit lent in place: `inout` only so the adapter's caller passes its
    /// address instead of a copy that retains each of its lists; `work` is not changed.
    public func validate(inPlace work: inout UnitOfWork) throws(StorageError) {
        try state.withLock { state throws(StorageError) in try state.validate(work) }
    }

    /// Applies a unit that ``validate(_:)`` accepted, without validating it again; the caller
    /// guarantees that no unit applied since then shares its ``UnitOfWork/conflictKeys``.
    /// `inout` only to lend it in place, as in ``validate(inPlace:)``; `work` is not changed.
    public func applyValidated(inPlace work: inout UnitOfWork) {
        state.withLock { state in state.apply(work) }
    }
}
