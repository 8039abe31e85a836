extension Ledger {
    /// The balance of an account as of instant `instant` (after every change at or before it),
    /// or `nil` when the account does not exist.
    ///
    /// History is immutable, so the answer for a past instant never changes.
    /// - Complexity: O(log n) for n changes of the account.
    public func balance(of id: AccountID, asOf instant: LedgerTimestamp) -> Balance? {
        guard let index = accountIndex[id] else { return nil }
        let entries = history[Int(index)]
        let end = Self.firstEntry(in: entries, after: instant.nanosecondsSinceEpoch)
        return end == 0 ? .zero : entries[end - 1].balance
    }

    /// The changes of an account within the half-open `period`, in timestamp order, or `nil`
    /// when the account does not exist.
    /// - Complexity: O(log n + k) for n changes of the account, k of them in the period.
    public func entries(of id: AccountID, in period: Range<LedgerTimestamp>) -> [AccountEntry]? {
        guard let index = accountIndex[id] else { return nil }
        let entries = history[Int(index)]
        let (lower, upper) = bounds(of: entries, period)
        return entries[lower..<upper].map(entry)
    }

    /// Every change of an account, in timestamp order, or `nil` when it does not exist.
    /// - Complexity: O(n) for n changes of the account.
    public func entries(of id: AccountID) -> [AccountEntry]? {
        guard let index = accountIndex[id] else { return nil }
        return history[Int(index)].map(entry)
    }

    /// The number of balance changes of an account (0 when it does not exist).
    /// - Complexity: O(1) expected.
    public func entryCount(of id: AccountID) -> Int {
        accountIndex[id].map { history[Int($0)].count } ?? 0
    }

    /// The statement of an account for the half-open `period`, or `nil` when it does not exist.
    /// - Complexity: O(log n + k) for n changes of the account, k of them in the period.
    public func statement(of id: AccountID, period: Range<LedgerTimestamp>) -> AccountStatement? {
        guard let index = accountIndex[id] else { return nil }
        let entries = history[Int(index)]
        let (lower, upper) = bounds(of: entries, period)
        return AccountStatement(
            account: id,
            period: period,
            opening: lower == 0 ? .zero : entries[lower - 1].balance,
            entries: entries[lower..<upper].map(entry),
            closing: upper == 0 ? .zero : entries[upper - 1].balance
        )
    }

    /// Positions of the first entry at or after `period.lowerBound` and of the first at or after `period.upperBound`.
    private func bounds(of entries: [HistoryEntry], _ period: Range<LedgerTimestamp>) -> (Int, Int) {
        let lower = period.lowerBound.nanosecondsSinceEpoch
        let upper = period.upperBound.nanosecondsSinceEpoch
        let l = lower == 0 ? 0 : Self.firstEntry(in: entries, after: lower - 1)
        let u = upper == 0 ? 0 : Self.firstEntry(in: entries, after: upper - 1)
        return (l, Swift.max(l, u))
    }

    /// The position of the first entry with a timestamp greater than `instant` (binary search).
    static func firstEntry(in entries: [HistoryEntry], after instant: UInt64) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].timestamp <= instant { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The public form of a history entry.
    private func entry(_ e: HistoryEntry) -> AccountEntry {
        AccountEntry(
            timestamp: LedgerTimestamp(nanosecondsSinceEpoch: e.timestamp),
            transfer: records[Int(e.record)],
            event: e.isExpiry ? .expiry : .transfer,
            balance: e.balance
        )
    }
}
