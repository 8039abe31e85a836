import DoubleEntry

/// A deliberately naive ledger: dictionaries, 128-bit arithmetic, copy-and-commit batches.
///
/// It shares no code with `Ledger`; the randomized tests require both to agree on every outcome,
/// every error and every balance. Checks follow the order documented in `Ledger.md`.
struct ReferenceModel {
    struct ModelAccount {
        var account: Account
        var balance = Balance.zero
    }

    struct ModelPending {
        var debit: AccountID
        var credit: AccountID
        var amount: UInt64
        var expiresAt: LedgerTimestamp?
        var status: PendingStatus
    }

    var accounts: [AccountID: ModelAccount] = [:]
    var transfers: [TransferID: (transfer: Transfer, timestamp: LedgerTimestamp)] = [:]
    var pendings: [TransferID: ModelPending] = [:]
    var clock: UInt64 = 0

    mutating func addAccount(_ account: Account) {
        accounts[account.id] = ModelAccount(account: account)
    }

    /// Runs a batch; on failure nothing is kept.
    mutating func submit(_ batch: [Transfer], now: LedgerTimestamp) -> Result<[TransferOutcome], LedgerError> {
        var work = accounts
        var newTransfers: [TransferID: (transfer: Transfer, timestamp: LedgerTimestamp)] = [:]
        var newPendings: [TransferID: ModelPending] = [:]
        var time = clock
        var outcomes: [TransferOutcome] = []
        for (index, t) in batch.enumerated() {
            if let existing = transfers[t.id] ?? newTransfers[t.id] {
                if existing.transfer != t {
                    return .failure(.transferFailed(index: index, id: t.id, reason: .existsWithDifferentFields(existing: existing.transfer)))
                }
                outcomes.append(.alreadyExists(existing.timestamp))
                continue
            }
            let timestamp = LedgerTimestamp(nanosecondsSinceEpoch: max(now.nanosecondsSinceEpoch, time))
            func fail(_ reason: TransferFailure) -> Result<[TransferOutcome], LedgerError> {
                .failure(.transferFailed(index: index, id: t.id, reason: reason))
            }
            switch t.kind {
            case let .single(debit, credit, amount), let .pending(debit, credit, amount, _):
                var expiry: LedgerTimestamp?
                var isPending = false
                if case .pending(_, _, _, let e) = t.kind { expiry = e; isPending = true }
                if amount.minorUnits == 0 { return fail(.zeroAmount) }
                if debit == credit { return fail(.sameAccount(debit)) }
                guard var d = work[debit] else { return fail(.unknownAccount(debit)) }
                guard var c = work[credit] else { return fail(.unknownAccount(credit)) }
                if d.account.unit != c.account.unit { return fail(.unitMismatch(debit: d.account.unit, credit: c.account.unit)) }
                if let expiry, expiry <= timestamp { return fail(.expiryNotInFuture(expiresAt: expiry, timestamp: timestamp)) }
                let a = Int128(amount.minorUnits)
                let dTotal = Int128(d.balance.debitsPending) + Int128(d.balance.debitsPosted) + a
                let cTotal = Int128(c.balance.creditsPending) + Int128(c.balance.creditsPosted) + a
                if dTotal > Int128(UInt64.max) { return fail(.overflow(debit)) }
                if cTotal > Int128(UInt64.max) { return fail(.overflow(credit)) }
                if case .debitsMustNotExceedCredits(let od) = d.account.limit,
                   dTotal > Int128(d.balance.creditsPosted) + Int128(od.minorUnits) {
                    return fail(od == .zero ? .exceedsCredits(debit) : .exceedsOverdraftLimit(debit, limit: od))
                }
                if case .creditsMustNotExceedDebits(let od) = c.account.limit,
                   cTotal > Int128(c.balance.debitsPosted) + Int128(od.minorUnits) {
                    return fail(od == .zero ? .exceedsDebits(credit) : .exceedsOverdraftLimit(credit, limit: od))
                }
                if isPending {
                    d.balance.debitsPending += amount.minorUnits
                    c.balance.creditsPending += amount.minorUnits
                    newPendings[t.id] = ModelPending(debit: debit, credit: credit, amount: amount.minorUnits,
                                                     expiresAt: expiry, status: .pending(expiresAt: expiry))
                } else {
                    d.balance.debitsPosted += amount.minorUnits
                    c.balance.creditsPosted += amount.minorUnits
                }
                work[debit] = d
                work[credit] = c
            case .postPending(let pid, _), .voidPending(let pid):
                var postAmount: Amount?
                var isVoid = true
                if case .postPending(_, let a) = t.kind { postAmount = a; isVoid = false }
                if postAmount == .zero { return fail(.zeroAmount) }
                guard var p = newPendings[pid] ?? pendings[pid] else {
                    if transfers[pid] != nil || newTransfers[pid] != nil { return fail(.notPending(pid)) }
                    return fail(.unknownPendingTransfer(pid))
                }
                switch p.status {
                case .posted: return fail(.pendingAlreadyPosted(pid))
                case .voided: return fail(.pendingAlreadyVoided(pid))
                case .expired: return fail(.pendingExpired(pid))
                case .pending: break
                }
                if let e = p.expiresAt, e <= timestamp { return fail(.pendingExpired(pid)) }
                let posted = isVoid ? 0 : (postAmount?.minorUnits ?? p.amount)
                if posted > p.amount { return fail(.postExceedsPending(requested: Amount(posted), pending: Amount(p.amount))) }
                work[p.debit]!.balance.debitsPending -= p.amount
                work[p.debit]!.balance.debitsPosted += posted
                work[p.credit]!.balance.creditsPending -= p.amount
                work[p.credit]!.balance.creditsPosted += posted
                p.status = isVoid ? .voided(by: t.id) : .posted(by: t.id, amount: Amount(posted))
                newPendings[pid] = p
            }
            newTransfers[t.id] = (t, timestamp)
            outcomes.append(.created(timestamp))
            time = timestamp.nanosecondsSinceEpoch + 1
        }
        accounts = work
        transfers.merge(newTransfers) { $1 }
        pendings.merge(newPendings) { $1 }
        clock = time
        return .success(outcomes)
    }

    /// The ids of pending transfers due at `now`, as a set.
    func due(now: LedgerTimestamp) -> Set<TransferID> {
        Set(pendings.filter { _, p in
            if case .pending = p.status, let e = p.expiresAt { e <= now } else { false }
        }.keys)
    }

    /// Expires `order` (the ledger's order for the due set) starting at `now`.
    mutating func expire(_ order: [TransferID], now: LedgerTimestamp) {
        var time = max(now.nanosecondsSinceEpoch, clock)
        for id in order {
            var p = pendings[id]!
            accounts[p.debit]!.balance.debitsPending -= p.amount
            accounts[p.credit]!.balance.creditsPending -= p.amount
            p.status = .expired(at: LedgerTimestamp(nanosecondsSinceEpoch: time))
            pendings[id] = p
            time += 1
        }
        if !order.isEmpty { clock = time }
    }
}
