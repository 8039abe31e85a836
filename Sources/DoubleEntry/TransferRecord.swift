/// A transfer the ledger has applied: the request as submitted plus what the ledger resolved.
public struct TransferRecord: Hashable, Codable, Sendable {
    /// The transfer exactly as submitted (the idempotency comparison uses it).
    public let transfer: Transfer
    /// The debited account (for post/void: the pending transfer's debit account).
    public let debitAccount: AccountID
    /// The credited account (for post/void: the pending transfer's credit account).
    public let creditAccount: AccountID
    /// The effective amount: posted (single, post), reserved (pending) or released (void).
    public let amount: Amount
    /// The ledger-assigned instant, unique and strictly increasing across the ledger.
    public let timestamp: LedgerTimestamp

    /// Creates a record; only the ledger (and decoding) make these.
    init(transfer: Transfer, debitAccount: AccountID, creditAccount: AccountID, amount: Amount, timestamp: LedgerTimestamp) {
        self.transfer = transfer
        self.debitAccount = debitAccount
        self.creditAccount = creditAccount
        self.amount = amount
        self.timestamp = timestamp
    }

    /// The transfer's idempotency key.
    public var id: TransferID { transfer.id }
}

/// Where a pending transfer stands.
public enum PendingStatus: Hashable, Codable, Sendable {
    /// Still reserved; it expires at `expiresAt` when the ledger is ticked, if set.
    case pending(expiresAt: LedgerTimestamp?)
    /// Posted by transfer `by` for `amount` (the rest was released).
    case posted(by: TransferID, amount: Amount)
    /// Released in full by transfer `by`.
    case voided(by: TransferID)
    /// Released in full by ``Ledger/expirePending(now:)`` at ledger instant `at`.
    case expired(at: LedgerTimestamp)
}
