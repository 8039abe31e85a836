extension Ledger {
    /// A ledger holding only `accounts` at their current balances and the already recorded
    /// `transfers` a batch names, with its clock after `lastTimestamp`: enough to check a batch of
    /// single-phase transfers against a ledger kept elsewhere (a database), with exactly the
    /// answers ``check(opening:then:now:)`` gives on the whole ledger.
    ///
    /// The excerpt has no history: statements and as-of balances are not meaningful on it. It
    /// refuses (returns `nil` for) an input a real ledger could not hold: two states, or two
    /// different records, with one identifier, or a record naming an account missing from `accounts`
    /// (a record given twice counts once).
    /// - Complexity: O(a + t) for a accounts and t transfers.
    public init?(excerpt accounts: [LedgerAccountState], transfers: [TransferRecord], lastTimestamp: LedgerTimestamp?) {
        self.init()
        for state in accounts {
            guard accountIndex[state.account.id] == nil, !state.account.unit.code.isEmpty else { return nil }
            let unit = intern(state.account.unit)
            accountIndex[state.account.id] = Int32(accountList.count)
            accountList.append(state.account)
            var slot = AccountSlot(account: state.account, unit: unit)
            slot.balance = state.balance
            slots.append(slot)
            history.append([])
        }
        for record in transfers {
            if let known = transferIndex[record.id] {
                guard records[known] == record else { return nil }
                continue
            }
            guard accountIndex[record.debitAccount] != nil, accountIndex[record.creditAccount] != nil else { return nil }
            transferIndex[record.id] = records.count
            records.append(record)
        }
        if let lastTimestamp {
            guard lastTimestamp.nanosecondsSinceEpoch < .max else { return nil }
            nextTimestamp = lastTimestamp.nanosecondsSinceEpoch + 1
        }
    }
}

/// An open account with its current balance: what a store reports for the accounts a batch touches.
public struct LedgerAccountState: Hashable, Codable, Sendable {
    /// The account as opened.
    public var account: Account
    /// Its current totals.
    public var balance: Balance

    /// Describes an account's state.
    public init(account: Account, balance: Balance) {
        self.account = account
        self.balance = balance
    }
}

extension TransferRecord {
    /// A record as a store outside the ledger read it back (a database row); the ledger itself
    /// makes records when it applies transfers.
    public init(restoring transfer: Transfer, debitAccount: AccountID, creditAccount: AccountID, amount: Amount, timestamp: LedgerTimestamp) {
        self.init(transfer: transfer, debitAccount: debitAccount, creditAccount: creditAccount, amount: amount, timestamp: timestamp)
    }
}

extension AccountEntry {
    /// An entry as a store outside the ledger read it back: a transfer applied at its timestamp,
    /// with the account's balance right after it.
    public init(restoring transfer: TransferRecord, balance: Balance) {
        self.init(timestamp: transfer.timestamp, transfer: transfer, event: .transfer, balance: balance)
    }
}

extension AccountStatement {
    /// A statement as a store outside the ledger assembled it.
    public init(restoring account: AccountID, period: Range<LedgerTimestamp>, opening: Balance, entries: [AccountEntry], closing: Balance) {
        self.init(account: account, period: period, opening: opening, entries: entries, closing: closing)
    }
}
