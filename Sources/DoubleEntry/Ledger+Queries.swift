extension Ledger {
    /// The applied transfer with this id, if any.
    /// - Complexity: O(1) expected.
    public func transfer(_ id: TransferID) -> TransferRecord? {
        transferIndex[id].map { records[Int($0)] }
    }

    /// Every applied transfer, in timestamp order.
    public var transfers: [TransferRecord] { records }

    /// The number of applied transfers.
    public var transferCount: Int { records.count }

    /// The status of pending transfer `id`, or `nil` when no pending transfer has this id.
    /// - Complexity: O(1) expected.
    public func pendingStatus(of id: TransferID) -> PendingStatus? {
        pendingStates[id]?.status
    }

    /// The ids of pending transfers still unresolved, in no particular order.
    /// - Complexity: O(p) for p pending transfers ever created.
    public var unresolvedPendingIDs: [TransferID] {
        pendingStates.compactMap { id, state in
            if case .pending = state.status { id } else { nil }
        }
    }

    /// The timestamp of the latest event (transfer or expiry), or `nil` before the first one;
    /// the next event's timestamp will be greater.
    public var lastTimestamp: LedgerTimestamp? {
        nextTimestamp == 0 ? nil : LedgerTimestamp(nanosecondsSinceEpoch: nextTimestamp - 1)
    }

    /// Every expiry event, in timestamp order: the pending transfer and when it expired.
    public var expiryEvents: [(pending: TransferID, timestamp: LedgerTimestamp)] {
        expirations.map { ($0.pending, $0.timestamp) }
    }
}
