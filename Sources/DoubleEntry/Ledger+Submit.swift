extension Ledger {
    /// Applies a linked batch of transfers atomically at caller instant `now`.
    ///
    /// Transfers are validated in order, each against the balances left by the earlier ones
    /// (a top-up followed by a debit in one batch succeeds). The first failure rejects the whole
    /// batch with ``LedgerError/transferFailed(index:id:reason:)`` and nothing is applied.
    /// A transfer whose id already exists with equal fields (earlier, or earlier in this batch)
    /// is reported as ``TransferOutcome/alreadyExists(_:)`` and not applied again; the same id
    /// with different fields fails with ``TransferFailure/existsWithDifferentFields(existing:)``.
    ///
    /// Each created transfer gets a timestamp `≥ now` and greater than every earlier one.
    /// - Complexity: O(n) expected for n transfers; a rejection costs only the validation done
    ///   up to the failing transfer.
    @discardableResult
    public mutating func submit(_ batch: [Transfer], now: LedgerTimestamp) throws(LedgerError) -> BatchResult {
        guard !batch.isEmpty else { return BatchResult(outcomes: [], createdCount: 0) }
        guard records.count + batch.count < Int(Int32.max) else { throw .capacityExhausted }
        var next = nextTimestamp
        let (plans, outcomes) = try plan(batch, now: now.nanosecondsSinceEpoch, next: &next)
        for plan in plans {
            apply(plan, transfer: batch[Int(plan.batchIndex)])
        }
        nextTimestamp = next
        pruneExpiryQueue()
        return BatchResult(outcomes: outcomes, createdCount: plans.count)
    }

    /// Applies one transfer at caller instant `now` (a batch of one; see ``submit(_:now:)``).
    /// - Complexity: O(1) expected.
    @discardableResult
    public mutating func submit(_ transfer: Transfer, now: LedgerTimestamp) throws(LedgerError) -> TransferOutcome {
        try submit([transfer], now: now).outcomes[0]
    }

    /// Validates a batch; returns the transfers to create and every outcome.
    ///
    /// Balances and pending statuses are only read (changes go to a scratch overlay). The one
    /// write is to the id index: each new id is inserted with its future record index (one hash
    /// serves both the idempotency lookup and the insertion, and later transfers of the batch see
    /// it); on failure those provisional entries are removed again before the error is thrown.
    mutating func plan(
        _ batch: [Transfer], now: UInt64, next: inout UInt64
    ) throws(LedgerError) -> ([PlannedTransfer], [TransferOutcome]) {
        var plans: [PlannedTransfer] = []
        plans.reserveCapacity(batch.count)
        var outcomes: [TransferOutcome] = []
        outcomes.reserveCapacity(batch.count)
        var overlay = BalanceOverlay(taking: &scratch, accountCount: slots.count)
        defer { overlay.finish(into: &scratch) }
        var resolved: [TransferID: PendingStatus] = [:]
        let base = records.count
        for i in batch.indices {
            let transfer = batch[i]
            let provisional = base + plans.count
            let found = lookUpOrInsert(&transferIndex[transfer.id, default: provisional])
            if found != provisional {
                let earlier = found < base ? records[found].transfer : batch[Int(plans[found - base].batchIndex)]
                guard earlier == transfer else {
                    rollBack(plans, of: batch)
                    throw .transferFailed(index: i, id: transfer.id, reason: .existsWithDifferentFields(existing: earlier))
                }
                let timestamp = found < base ? records[found].timestamp.nanosecondsSinceEpoch : plans[found - base].timestamp
                outcomes.append(.alreadyExists(LedgerTimestamp(nanosecondsSinceEpoch: timestamp)))
                continue
            }
            do {
                let planned: PlannedTransfer
                switch transfer.kind {
                case let .single(debit, credit, amount):
                    planned = try planMove(debit: debit, credit: credit, amount: amount, expiresAt: nil, pending: false,
                                           batchIndex: i, now: now, next: &next, overlay: &overlay)
                case let .pending(debit, credit, amount, expiresAt):
                    planned = try planMove(debit: debit, credit: credit, amount: amount, expiresAt: expiresAt, pending: true,
                                           batchIndex: i, now: now, next: &next, overlay: &overlay)
                case let .postPending(pendingID, amount):
                    planned = try planResolve(id: transfer.id, pending: pendingID, postAmount: amount, isVoid: false,
                                              batchIndex: i, now: now, next: &next, overlay: &overlay,
                                              plans: plans, resolved: &resolved)
                case let .voidPending(pendingID):
                    planned = try planResolve(id: transfer.id, pending: pendingID, postAmount: nil, isVoid: true,
                                              batchIndex: i, now: now, next: &next, overlay: &overlay,
                                              plans: plans, resolved: &resolved)
                }
                plans.append(planned)
                outcomes.append(.created(LedgerTimestamp(nanosecondsSinceEpoch: planned.timestamp)))
            } catch {
                transferIndex.removeValue(forKey: transfer.id)
                rollBack(plans, of: batch)
                throw .transferFailed(index: i, id: transfer.id, reason: error)
            }
        }
        return (plans, outcomes)
    }

    /// Removes the provisional id-index entries of a rejected batch.
    private mutating func rollBack(_ plans: [PlannedTransfer], of batch: [Transfer]) {
        for plan in plans {
            transferIndex.removeValue(forKey: batch[Int(plan.batchIndex)].id)
        }
    }

    /// Validates a single or pending transfer and records its effect in the overlay.
    ///
    /// Check order: zero amount, same account, unknown debit then credit account, unit mismatch,
    /// timestamp, expiry in the future, overflow (debit then credit side), limit (debit then credit side).
    @inline(__always)
    private func planMove(
        debit: AccountID, credit: AccountID, amount: Amount, expiresAt: LedgerTimestamp?, pending: Bool,
        batchIndex: Int, now: UInt64, next: inout UInt64, overlay: inout BalanceOverlay
    ) throws(TransferFailure) -> PlannedTransfer {
        let a = amount.minorUnits
        guard a > 0 else { throw .zeroAmount }
        guard debit != credit else { throw .sameAccount(debit) }
        guard let di = accountIndex[debit] else { throw .unknownAccount(debit) }
        guard let ci = accountIndex[credit] else { throw .unknownAccount(credit) }
        let dSlot = slots[Int(di)]
        let cSlot = slots[Int(ci)]
        guard dSlot.unit == cSlot.unit else {
            throw .unitMismatch(debit: units[Int(dSlot.unit)], credit: units[Int(cSlot.unit)])
        }
        guard let ts = Self.claim(now, after: &next) else { throw .timestampsExhausted }
        if let expiresAt, expiresAt.nanosecondsSinceEpoch <= ts {
            throw .expiryNotInFuture(expiresAt: expiresAt, timestamp: LedgerTimestamp(nanosecondsSinceEpoch: ts))
        }
        let dp = overlay.slot(for: di, in: slots)
        let cp = overlay.slot(for: ci, in: slots)
        var db = overlay.balances[dp]
        var cb = overlay.balances[cp]
        let (dSum, o1) = db.debitsPending.addingReportingOverflow(db.debitsPosted)
        let (dTotal, o2) = dSum.addingReportingOverflow(a)
        guard !(o1 || o2) else { throw .overflow(debit) }
        let (cSum, o3) = cb.creditsPending.addingReportingOverflow(cb.creditsPosted)
        let (cTotal, o4) = cSum.addingReportingOverflow(a)
        guard !(o3 || o4) else { throw .overflow(credit) }
        if dSlot.limitKind == 1, dTotal > Self.ceiling(db.creditsPosted, dSlot.overdraft) {
            throw dSlot.overdraft == 0 ? .exceedsCredits(debit) : .exceedsOverdraftLimit(debit, limit: Amount(dSlot.overdraft))
        }
        if cSlot.limitKind == 2, cTotal > Self.ceiling(cb.debitsPosted, cSlot.overdraft) {
            throw cSlot.overdraft == 0 ? .exceedsDebits(credit) : .exceedsOverdraftLimit(credit, limit: Amount(cSlot.overdraft))
        }
        if pending {
            db.debitsPending &+= a
            cb.creditsPending &+= a
        } else {
            db.debitsPosted &+= a
            cb.creditsPosted &+= a
        }
        overlay.balances[dp] = db
        overlay.balances[cp] = cb
        return PlannedTransfer(
            batchIndex: Int32(batchIndex), kind: pending ? .pending : .single, debit: di, credit: ci,
            amount: a, release: 0, expiresAt: expiresAt, pendingID: 0, timestamp: ts
        )
    }

    /// `base + overdraft`, saturating at `UInt64.max`.
    @inline(__always)
    static func ceiling(_ base: UInt64, _ overdraft: UInt64) -> UInt64 {
        let (sum, overflow) = base.addingReportingOverflow(overdraft)
        return overflow ? .max : sum
    }

    /// Validates a post or void of a pending transfer and records its effect in the overlay.
    ///
    /// Check order: explicit zero post amount, timestamp, pending transfer lookup (unknown, not
    /// pending), status (posted, voided, expired), expiry not after this transfer's timestamp,
    /// post amount not above the reservation. Posting and voiding never raise a total, so they
    /// cannot overflow or break a limit.
    private func planResolve(
        id: TransferID, pending pendingID: TransferID, postAmount: Amount?, isVoid: Bool,
        batchIndex: Int, now: UInt64, next: inout UInt64, overlay: inout BalanceOverlay,
        plans: [PlannedTransfer], resolved: inout [TransferID: PendingStatus]
    ) throws(TransferFailure) -> PlannedTransfer {
        if let postAmount, postAmount.minorUnits == 0 { throw .zeroAmount }
        guard let ts = Self.claim(now, after: &next) else { throw .timestampsExhausted }
        let debit: Int32, credit: Int32, reserved: UInt64
        var status: PendingStatus
        if let state = pendingStates[pendingID] {
            (debit, credit, reserved, status) = (state.debit, state.credit, state.amount, state.status)
        } else if let found = transferIndex[pendingID], found < records.count + plans.count {
            // Not pending if applied earlier; otherwise created earlier in this batch.
            guard found >= records.count else { throw .notPending(pendingID) }
            let p = plans[found - records.count]
            guard p.kind == .pending else { throw .notPending(pendingID) }
            (debit, credit, reserved, status) = (p.debit, p.credit, p.amount, .pending(expiresAt: p.expiresAt))
        } else {
            throw .unknownPendingTransfer(pendingID)
        }
        if let inBatch = resolved[pendingID] { status = inBatch }
        switch status {
        case .posted: throw .pendingAlreadyPosted(pendingID)
        case .voided: throw .pendingAlreadyVoided(pendingID)
        case .expired: throw .pendingExpired(pendingID)
        case .pending(let expiresAt):
            if let expiresAt, expiresAt.nanosecondsSinceEpoch <= ts { throw .pendingExpired(pendingID) }
        }
        let posted: UInt64 = isVoid ? 0 : (postAmount?.minorUnits ?? reserved)
        guard posted <= reserved else {
            throw .postExceedsPending(requested: Amount(posted), pending: Amount(reserved))
        }
        let dp = overlay.slot(for: debit, in: slots)
        overlay.balances[dp].debitsPending &-= reserved
        overlay.balances[dp].debitsPosted &+= posted
        let cp = overlay.slot(for: credit, in: slots)
        overlay.balances[cp].creditsPending &-= reserved
        overlay.balances[cp].creditsPosted &+= posted
        resolved[pendingID] = isVoid ? .voided(by: id) : .posted(by: id, amount: Amount(posted))
        return PlannedTransfer(
            batchIndex: Int32(batchIndex), kind: isVoid ? .void : .post, debit: debit, credit: credit,
            amount: posted, release: reserved, expiresAt: nil, pendingID: pendingID, timestamp: ts
        )
    }

    /// Applies a validated transfer: appends its record, updates balances, history and pending state
    /// (its id-index entry was already inserted by validation).
    /// - Complexity: O(1) amortized.
    mutating func apply(_ plan: PlannedTransfer, transfer: Transfer) {
        let recordIndex = Int32(truncatingIfNeeded: records.count)
        let d = Int(plan.debit)
        let c = Int(plan.credit)
        records.append(TransferRecord(
            transfer: transfer,
            debitAccount: slots[d].id,
            creditAccount: slots[c].id,
            amount: Amount(plan.kind == .void ? plan.release : plan.amount),
            timestamp: LedgerTimestamp(nanosecondsSinceEpoch: plan.timestamp)
        ))
        let a = plan.amount
        switch plan.kind {
        case .single:
            slots[d].balance.debitsPosted &+= a
            slots[c].balance.creditsPosted &+= a
        case .pending:
            slots[d].balance.debitsPending &+= a
            slots[c].balance.creditsPending &+= a
            pendingStates[transfer.id] = PendingState(
                record: recordIndex, debit: plan.debit, credit: plan.credit, amount: a,
                status: .pending(expiresAt: plan.expiresAt)
            )
            if let expiresAt = plan.expiresAt {
                expiryQueue.push(expiresAt: expiresAt.nanosecondsSinceEpoch, id: transfer.id)
            }
        case .post, .void:
            slots[d].balance.debitsPending &-= plan.release
            slots[d].balance.debitsPosted &+= a
            slots[c].balance.creditsPending &-= plan.release
            slots[c].balance.creditsPosted &+= a
            pendingStates[plan.pendingID]?.status = plan.kind == .void
                ? .voided(by: transfer.id)
                : .posted(by: transfer.id, amount: Amount(a))
        }
        history[d].append(HistoryEntry(timestamp: plan.timestamp, record: recordIndex, isExpiry: false, balance: slots[d].balance))
        history[c].append(HistoryEntry(timestamp: plan.timestamp, record: recordIndex, isExpiry: false, balance: slots[c].balance))
    }
}
