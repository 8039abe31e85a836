/// What a validated transfer will do once the batch commits.
enum PlanKind: UInt8, Sendable {
    case single, pending, post, void
}

/// One transfer of a batch that passed validation and will be created when the batch commits.
struct PlannedTransfer: Sendable {
    /// Position in the submitted batch.
    var batchIndex: Int32
    /// What the transfer does.
    var kind: PlanKind
    /// Dense index of the debit account.
    var debit: Int32
    /// Dense index of the credit account.
    var credit: Int32
    /// Posted (single, post) or reserved (pending) amount; zero for a void.
    var amount: UInt64
    /// Reservation released (post, void); zero otherwise.
    var release: UInt64
    /// Expiry of a pending transfer, if any.
    var expiresAt: LedgerTimestamp?
    /// The pending transfer a post or void resolves.
    var pendingID: TransferID
    /// The timestamp assigned to the transfer.
    var timestamp: UInt64
}

/// The scratch overlay of balances touched by a batch under validation.
///
/// Validation reads an account's balance through the overlay (falling back to the ledger) and
/// writes only to the overlay, so a rejected batch leaves every balance untouched and its cost
/// is proportional to the transfers validated. Touched accounts are found without hashing: a
/// per-account stamp array (reused across batches, owned by the ledger between batches) says
/// whether the account's overlay position is valid for the current batch.
struct BalanceOverlay {
    /// Per dense account index: the batch epoch that last touched it.
    var stamps: [UInt32]
    /// Per dense account index: its position in `balances` when `stamps` matches `epoch`.
    var positions: [Int32]
    /// The current batch's epoch (never 0).
    var epoch: UInt32
    /// Working balances of the touched accounts.
    var balances: [Balance] = []

    /// Starts a batch over `scratch` (taken, to be handed back with ``finish()``), sized for `accountCount` accounts.
    init(taking scratch: inout OverlayScratch, accountCount: Int) {
        stamps = []
        positions = []
        swap(&stamps, &scratch.stamps)
        swap(&positions, &scratch.positions)
        if stamps.count < accountCount {
            stamps.append(contentsOf: repeatElement(0, count: accountCount - stamps.count))
            positions.append(contentsOf: repeatElement(0, count: accountCount - positions.count))
        }
        if scratch.epoch == .max {
            for i in stamps.indices { stamps[i] = 0 }
            scratch.epoch = 0
        }
        scratch.epoch += 1
        epoch = scratch.epoch
    }

    /// Hands the reusable arrays back to the ledger.
    mutating func finish(into scratch: inout OverlayScratch) {
        swap(&stamps, &scratch.stamps)
        swap(&positions, &scratch.positions)
    }

    /// The overlay position of `account`, copying its ledger balance in on first touch.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func slot(for account: Int32, in slots: [AccountSlot]) -> Int {
        let a = Int(account)
        if stamps[a] == epoch { return Int(positions[a]) }
        stamps[a] = epoch
        let position = balances.count
        positions[a] = Int32(position)
        balances.append(slots[a].balance)
        return position
    }
}

/// Reusable per-account scratch arrays for ``BalanceOverlay`` (not part of the ledger's value).
struct OverlayScratch: Sendable {
    /// See ``BalanceOverlay/stamps``.
    var stamps: [UInt32] = []
    /// See ``BalanceOverlay/positions``.
    var positions: [Int32] = []
    /// The epoch of the last batch.
    var epoch: UInt32 = 0
}

/// Reads through an `inout` access, so a defaulted dictionary subscript looks up or inserts with one hash.
@inline(__always)
func lookUpOrInsert(_ value: inout Int) -> Int { value }
