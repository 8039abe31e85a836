/// Every failure of the ledger's public API; a rejected call changes nothing.
public enum LedgerError: Error, Hashable, Sendable {
    /// Transfer `index` (position in the submitted batch) with idempotency key `id` failed for
    /// `reason`; the whole batch was rejected and nothing was applied.
    case transferFailed(index: Int, id: TransferID, reason: TransferFailure)
    /// Account `index` of the submitted batch, `id`, failed for `reason`; no account was created.
    case accountFailed(index: Int, id: AccountID, reason: AccountFailure)
    /// A signed value given to ``Amount/init(validating:)`` was zero or negative.
    case invalidAmount(Int64)
    /// The ledger's timestamps reached `UInt64.max` nanoseconds (year 2554); nothing more can be recorded.
    case timestampsExhausted
    /// The ledger holds `Int32.max` transfers, the most its indexes can address.
    case capacityExhausted
}

/// Why one transfer of a batch was rejected.
public enum TransferFailure: Error, Hashable, Sendable {
    /// The id is already taken by a transfer with different fields (the stored one is `existing`).
    case existsWithDifferentFields(existing: Transfer)
    /// The amount (or an explicit post amount) is zero.
    case zeroAmount
    /// The debit and credit account are the same account.
    case sameAccount(AccountID)
    /// No account with this id exists.
    case unknownAccount(AccountID)
    /// The two accounts are kept in different units.
    case unitMismatch(debit: LedgerUnit, credit: LedgerUnit)
    /// A `debitsMustNotExceedCredits` account without overdraft would go negative.
    case exceedsCredits(AccountID)
    /// A `creditsMustNotExceedDebits` account without overdraft would be over-credited.
    case exceedsDebits(AccountID)
    /// An account would pass its explicit overdraft limit `limit`.
    case exceedsOverdraftLimit(AccountID, limit: Amount)
    /// A balance total of this account would exceed `UInt64.max`.
    case overflow(AccountID)
    /// A pending transfer's expiry is not after the timestamp the ledger assigned to it.
    case expiryNotInFuture(expiresAt: LedgerTimestamp, timestamp: LedgerTimestamp)
    /// No transfer with this id exists (as the target of a post or void).
    case unknownPendingTransfer(TransferID)
    /// The target of a post or void exists but is not a pending transfer.
    case notPending(TransferID)
    /// A post asks for more than the pending transfer reserved.
    case postExceedsPending(requested: Amount, pending: Amount)
    /// The pending transfer was already posted.
    case pendingAlreadyPosted(TransferID)
    /// The pending transfer was already voided.
    case pendingAlreadyVoided(TransferID)
    /// The pending transfer expired (or its expiry is not after this transfer's timestamp).
    case pendingExpired(TransferID)
    /// The ledger's timestamps are exhausted.
    case timestampsExhausted
}

/// Why one account of a creation batch was rejected.
public enum AccountFailure: Hashable, Sendable {
    /// The id is already taken by an account with different fields (the stored one is `existing`).
    case existsWithDifferentFields(existing: Account)
    /// The unit code is empty.
    case emptyUnit
}
