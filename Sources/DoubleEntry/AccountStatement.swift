/// One balance change of one account: a transfer touching it, or the expiry of a reservation.
public struct AccountEntry: Hashable, Sendable {
    /// What caused a balance change.
    public enum Event: Hashable, Sendable {
        /// The transfer was applied.
        case transfer
        /// The pending transfer expired and its reservation was released.
        case expiry
    }

    /// When the change happened (ledger timestamp).
    public var timestamp: LedgerTimestamp
    /// The transfer applied, or the pending transfer that expired.
    public var transfer: TransferRecord
    /// Whether this entry applies `transfer` or expires it.
    public var event: Event
    /// The account's balance right after the change.
    public var balance: Balance
}

/// An account's activity over a period: opening balance, each change, closing balance.
public struct AccountStatement: Hashable, Sendable {
    /// The account.
    public var account: AccountID
    /// The half-open period `[lowerBound, upperBound)` covered.
    public var period: Range<LedgerTimestamp>
    /// The balance just before the period (after every change earlier than `period.lowerBound`).
    public var opening: Balance
    /// Every change within the period, in timestamp order.
    public var entries: [AccountEntry]
    /// The balance at the end of the period (after every change earlier than `period.upperBound`).
    public var closing: Balance
}
