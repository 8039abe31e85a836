extension Ledger {
    /// Checks that opening `accounts` and then submitting the linked `batch` at `now` would be
    /// accepted, and returns the rejection otherwise; the ledger's value is unchanged either way.
    ///
    /// The check runs the real validation (account creation, then batch planning against a scratch
    /// overlay) and then undoes its provisional entries, so it costs what the batch's validation
    /// costs and never copies the ledger. An owner that must validate a whole unit of work before
    /// applying any of it (a store) calls this, then ``apply(opening:then:now:)``.
    ///
    /// It is `mutating` although it changes nothing a caller can observe: it works in place and
    /// undoes itself. A non-mutating check would have to copy the ledger first, O(ledger) per check.
    /// - Complexity: O(a + n) expected for a accounts and n transfers.
    public mutating func check(opening accounts: [Account], then batch: [Transfer], now: LedgerTimestamp) -> LedgerError? {
        let mark = AccountMark(self)
        do {
            try createAccounts(accounts)
        } catch {
            return error
        }
        defer { undoAccounts(since: mark) }
        guard !batch.isEmpty else { return nil }
        guard records.count + batch.count < Int(Int32.max) else { return .capacityExhausted }
        var next = nextTimestamp
        do {
            let (plans, _) = try plan(batch, now: now.nanosecondsSinceEpoch, next: &next)
            for plan in plans { transferIndex.removeValue(forKey: batch[Int(plan.batchIndex)].id) }
            return nil
        } catch {
            return error
        }
    }

    /// Opens `accounts` and submits the linked `batch` at `now` as one atomic step: either both
    /// apply or the first failure is thrown and nothing changes (not even the accounts).
    /// - Complexity: O(a + n) expected for a accounts and n transfers.
    @discardableResult
    public mutating func apply(opening accounts: [Account], then batch: [Transfer], now: LedgerTimestamp)
        throws(LedgerError) -> BatchResult
    {
        let mark = AccountMark(self)
        try createAccounts(accounts)
        do {
            return try submit(batch, now: now)
        } catch {
            undoAccounts(since: mark)
            throw error
        }
    }

    /// Removes the accounts (and units) created after `mark`; they have no history yet.
    private mutating func undoAccounts(since mark: AccountMark) {
        while accountList.count > mark.accounts {
            let account = accountList.removeLast()
            accountIndex.removeValue(forKey: account.id)
            slots.removeLast()
            history.removeLast()
        }
        while units.count > mark.units {
            unitIndex.removeValue(forKey: units.removeLast())
        }
    }
}

/// How many accounts and units a ledger held before a tentative step.
private struct AccountMark {
    /// The account count.
    let accounts: Int
    /// The interned unit count.
    let units: Int

    init(_ ledger: Ledger) {
        accounts = ledger.accountList.count
        units = ledger.units.count
    }
}

extension Ledger: Hashable {
    /// Hashes the journal's sizes and clock (consistent with `==`, which compares journals).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(nextTimestamp)
        hasher.combine(accountList.count)
        hasher.combine(records.count)
        hasher.combine(expirations.count)
    }
}
