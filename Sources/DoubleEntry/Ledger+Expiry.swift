extension Ledger {
    /// Expires every pending transfer whose expiry is at or before `now`, releasing its reservation.
    ///
    /// Each expiry is an event with its own ledger timestamp (`≥ now`, strictly increasing) and
    /// appears in both accounts' history; the pending transfer's status becomes
    /// ``PendingStatus/expired(at:)``. Returns the expired ids, soonest expiry first. Call it
    /// whenever the owner's clock ticks (see ``nextExpiry``); until then an overdue reservation
    /// still counts against limits but can no longer be posted or voided.
    /// - Complexity: O(k log p) for k expiries among p queued reservations.
    @discardableResult
    public mutating func expirePending(now: LedgerTimestamp) throws(LedgerError) -> [TransferID] {
        var due: [TransferID] = []
        while let first = expiryQueue.first, first.expiresAt <= now.nanosecondsSinceEpoch {
            _ = expiryQueue.popFirst()
            if case .pending = pendingStates[first.id]?.status { due.append(first.id) }
        }
        guard !due.isEmpty else { return [] }
        let start = Swift.max(now.nanosecondsSinceEpoch, nextTimestamp)
        let (last, overflow) = start.addingReportingOverflow(UInt64(due.count - 1))
        guard !overflow, last < .max else {
            for id in due {
                if case .pending(let at?) = pendingStates[id]?.status {
                    expiryQueue.push(expiresAt: at.nanosecondsSinceEpoch, id: id)
                }
            }
            throw .timestampsExhausted
        }
        for (offset, id) in due.enumerated() {
            expire(id, at: start + UInt64(offset))
        }
        nextTimestamp = last + 1
        pruneExpiryQueue()
        return due
    }

    /// Releases pending transfer `id` at timestamp `ts` (its status must be pending).
    mutating func expire(_ id: TransferID, at ts: UInt64) {
        guard let state = pendingStates[id] else { return }
        let d = Int(state.debit)
        let c = Int(state.credit)
        slots[d].balance.debitsPending &-= state.amount
        slots[c].balance.creditsPending &-= state.amount
        let at = LedgerTimestamp(nanosecondsSinceEpoch: ts)
        pendingStates[id]?.status = .expired(at: at)
        expirations.append(Expiration(pending: id, timestamp: at))
        history[d].append(HistoryEntry(timestamp: ts, record: state.record, isExpiry: true, balance: slots[d].balance))
        history[c].append(HistoryEntry(timestamp: ts, record: state.record, isExpiry: true, balance: slots[c].balance))
    }

    /// Drops queue heads whose pending transfer is no longer pending, so ``nextExpiry`` is exact.
    mutating func pruneExpiryQueue() {
        while let first = expiryQueue.first {
            if case .pending = pendingStates[first.id]?.status { return }
            _ = expiryQueue.popFirst()
        }
    }

    /// The earliest expiry among unresolved pending transfers, if any: when to call ``expirePending(now:)`` next.
    /// - Complexity: O(1).
    public var nextExpiry: LedgerTimestamp? {
        expiryQueue.first.map { LedgerTimestamp(nanosecondsSinceEpoch: $0.expiresAt) }
    }
}
