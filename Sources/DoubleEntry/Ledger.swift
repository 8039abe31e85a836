/// An in-memory double-entry ledger: accounts, transfers, two-phase reservations and history.
///
/// A value type with mutating methods: the owner (an actor or a store) decides how it is shared,
/// and a copy is an O(1) snapshot (copy-on-write). Every mutating call either applies in full or
/// throws a ``LedgerError`` and changes nothing. The ledger never reads the clock: callers pass
/// `now`, and the ledger assigns strictly increasing ``LedgerTimestamp``s from it.
///
/// Storage is laid out for throughput: accounts live in contiguous arrays addressed by a dense
/// internal index, an `AccountID → index` and a `TransferID → record` dictionary resolve ids,
/// transfers are appended to one array in timestamp order, and every account keeps its own
/// list of history entries (timestamp, record, balance after) for as-of queries by binary search.
public struct Ledger: Sendable {
    // MARK: Accounts (dense index i addresses all four arrays)

    /// Accounts in creation order.
    var accountList: [Account] = []
    /// Hot per-account state: balance, unit and limit, addressed by dense index.
    var slots: [AccountSlot] = []
    /// Per account: every balance change in timestamp order.
    var history: [[HistoryEntry]] = []
    /// `AccountID` → dense index.
    var accountIndex: [AccountID: Int32] = [:]
    /// Interned units; `AccountSlot.unit` indexes this array.
    var units: [LedgerUnit] = []
    /// `LedgerUnit` → index in `units`.
    var unitIndex: [LedgerUnit: Int32] = [:]

    // MARK: Transfers

    /// Applied transfers in timestamp order.
    var records: [TransferRecord] = []
    /// `TransferID` → index in `records` (during validation also provisional future indexes).
    var transferIndex: [TransferID: Int] = [:]
    /// Every pending transfer ever created, with its current status.
    var pendingStates: [TransferID: PendingState] = [:]
    /// Unresolved pending transfers with an expiry, soonest first (lazily pruned).
    var expiryQueue = ExpiryHeap()
    /// Expiry events in timestamp order (persisted alongside `records`).
    var expirations: [Expiration] = []
    /// The smallest timestamp the next event may receive.
    var nextTimestamp: UInt64 = 0
    /// Reusable validation scratch; not part of the ledger's value (ignored by `==` and coding).
    var scratch = OverlayScratch()

    /// Creates an empty ledger.
    public init() {}
}

/// Hot per-account state kept contiguous for the batch path.
struct AccountSlot: Sendable {
    /// Current totals.
    var balance: Balance
    /// The account's id (kept here so the apply phase touches one array).
    var id: AccountID
    /// Index into `Ledger.units`.
    var unit: Int32
    /// 0 = unlimited, 1 = debits ≤ credits, 2 = credits ≤ debits.
    var limitKind: UInt8
    /// The overdraft allowed by the limit, in minor units.
    var overdraft: UInt64

    init(account: Account, unit: Int32) {
        balance = .zero
        id = account.id
        self.unit = unit
        switch account.limit {
        case .unlimited:
            limitKind = 0; overdraft = 0
        case .debitsMustNotExceedCredits(let od):
            limitKind = 1; overdraft = od.minorUnits
        case .creditsMustNotExceedDebits(let od):
            limitKind = 2; overdraft = od.minorUnits
        }
    }
}

/// One balance change of one account.
struct HistoryEntry: Sendable {
    /// When the change happened (ledger timestamp).
    var timestamp: UInt64
    /// The transfer record that caused it (for an expiry: the pending transfer).
    var record: Int32
    /// `true` when the change is the expiry of pending transfer `record`.
    var isExpiry: Bool
    /// The account's balance right after the change.
    var balance: Balance
}

/// The bookkeeping of one pending transfer.
struct PendingState: Sendable {
    /// Index of the pending transfer in `records`.
    var record: Int32
    /// Dense index of the debit account.
    var debit: Int32
    /// Dense index of the credit account.
    var credit: Int32
    /// The reserved amount.
    var amount: UInt64
    /// Current status.
    var status: PendingStatus
}

/// A persisted expiry event.
struct Expiration: Codable, Sendable, Hashable {
    /// The pending transfer that expired.
    var pending: TransferID
    /// The ledger timestamp of the expiry.
    var timestamp: LedgerTimestamp
}

extension Ledger {
    /// Claims the next timestamp at or after `now`, or `nil` when timestamps are exhausted.
    @inline(__always)
    static func claim(_ now: UInt64, after next: inout UInt64) -> UInt64? {
        let ts = Swift.max(now, next)
        guard ts < .max else { return nil }
        next = ts &+ 1
        return ts
    }

    /// The dense index of `unit`, interning it if new.
    mutating func intern(_ unit: LedgerUnit) -> Int32 {
        if let i = unitIndex[unit] { return i }
        let i = Int32(units.count)
        units.append(unit)
        unitIndex[unit] = i
        return i
    }
}
