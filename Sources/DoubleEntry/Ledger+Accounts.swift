extension Ledger {
    /// Creates accounts atomically: either every account is created (or already exists with equal
    /// fields) or nothing changes and the first failure is thrown.
    ///
    /// Re-creating an account with the same id and equal fields reports ``AccountOutcome/alreadyExists``;
    /// the same id with different fields fails with ``AccountFailure/existsWithDifferentFields(existing:)``.
    /// - Complexity: O(n) expected for n accounts.
    @discardableResult
    public mutating func createAccounts(_ batch: [Account]) throws(LedgerError) -> [AccountOutcome] {
        var outcomes: [AccountOutcome] = []
        outcomes.reserveCapacity(batch.count)
        var fresh: [AccountID: Int] = [:]
        for (i, account) in batch.enumerated() {
            if let existing = accountIndex[account.id] {
                let stored = accountList[Int(existing)]
                guard stored == account else {
                    throw .accountFailed(index: i, id: account.id, reason: .existsWithDifferentFields(existing: stored))
                }
                outcomes.append(.alreadyExists)
                continue
            }
            if let earlier = fresh[account.id] {
                guard batch[earlier] == account else {
                    throw .accountFailed(index: i, id: account.id, reason: .existsWithDifferentFields(existing: batch[earlier]))
                }
                outcomes.append(.alreadyExists)
                continue
            }
            guard !account.unit.code.isEmpty else {
                throw .accountFailed(index: i, id: account.id, reason: .emptyUnit)
            }
            fresh[account.id] = i
            outcomes.append(.created)
        }
        for (i, account) in batch.enumerated() where outcomes[i] == .created {
            let unit = intern(account.unit)
            accountIndex[account.id] = Int32(accountList.count)
            accountList.append(account)
            slots.append(AccountSlot(account: account, unit: unit))
            history.append([])
        }
        return outcomes
    }

    /// Creates one account (see ``createAccounts(_:)``).
    /// - Complexity: O(1) expected.
    @discardableResult
    public mutating func createAccount(_ account: Account) throws(LedgerError) -> AccountOutcome {
        try createAccounts([account])[0]
    }

    /// The account with this id, if it exists.
    /// - Complexity: O(1) expected.
    public func account(_ id: AccountID) -> Account? {
        accountIndex[id].map { accountList[Int($0)] }
    }

    /// Every account, in creation order.
    public var accounts: [Account] { accountList }

    /// The number of accounts.
    public var accountCount: Int { accountList.count }

    /// The current balance of an account, or `nil` when it does not exist.
    /// - Complexity: O(1) expected.
    public func balance(of id: AccountID) -> Balance? {
        accountIndex[id].map { slots[Int($0)].balance }
    }
}
