import DoubleEntry
import Testing

/// Every typed transfer failure, each leaving the ledger unchanged.
@Suite struct TransferErrorTests {
    /// Submits one transfer and returns its failure reason, checking that nothing changed.
    func rejection(_ transfer: Transfer, in ledger: inout Ledger, now: LedgerTimestamp = at(100)) -> TransferFailure? {
        let count = ledger.transferCount
        let balances = ledger.accounts.map { ledger.balance(of: $0.id) }
        let error = failure { try ledger.submit(transfer, now: now) }
        #expect(ledger.transferCount == count)
        #expect(ledger.accounts.map { ledger.balance(of: $0.id) } == balances)
        #expect(ledger.transfer(transfer.id) == nil || count > 0)
        if case .transferFailed(let index, let id, _)? = error {
            #expect(index == 0)
            #expect(id == transfer.id)
        }
        return reason(error)
    }

    @Test func zeroAmount() throws {
        var ledger = try makeLedger()
        #expect(rejection(.single(id: 1, debit: 1, credit: 2, amount: 0), in: &ledger) == .zeroAmount)
        #expect(rejection(.pending(id: 1, debit: 1, credit: 2, amount: .zero), in: &ledger) == .zeroAmount)
    }

    @Test func sameAccountOnBothSides() throws {
        var ledger = try makeLedger()
        #expect(rejection(.single(id: 1, debit: 1, credit: 1, amount: 5), in: &ledger) == .sameAccount(1))
    }

    @Test func unknownAccounts() throws {
        var ledger = try makeLedger()
        #expect(rejection(.single(id: 1, debit: 77, credit: 2, amount: 5), in: &ledger) == .unknownAccount(77))
        #expect(rejection(.single(id: 1, debit: 1, credit: 78, amount: 5), in: &ledger) == .unknownAccount(78))
    }

    @Test func unitMismatch() throws {
        var ledger = try makeLedger()
        #expect(rejection(.single(id: 1, debit: 1, credit: 10, amount: 5), in: &ledger) == .unitMismatch(debit: "RUB", credit: "points"))
    }

    @Test func overdraftWithoutLimit() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 100), now: at(1))
        #expect(rejection(.single(id: 2, debit: 2, credit: 3, amount: 101), in: &ledger) == .exceedsCredits(2))
        try ledger.submit(.single(id: 3, debit: 2, credit: 3, amount: 100), now: at(2))
        #expect(ledger.balance(of: 2) == Balance(debitsPosted: 100, creditsPosted: 100))
    }

    @Test func creditsMustNotExceedDebits() throws {
        var ledger = try makeLedger()
        #expect(rejection(.single(id: 1, debit: 1, credit: 4, amount: 1), in: &ledger) == .exceedsDebits(4))
        try ledger.submit(.single(id: 2, debit: 4, credit: 1, amount: 50), now: at(1))
        try ledger.submit(.single(id: 3, debit: 1, credit: 4, amount: 50), now: at(2))
        #expect(rejection(.single(id: 4, debit: 1, credit: 4, amount: 1), in: &ledger) == .exceedsDebits(4))
    }

    @Test func exceededOverdraftLimit() throws {
        var ledger = try makeLedger()
        try ledger.createAccounts([
            Account(id: 20, unit: "RUB", limit: .debitsMustNotExceedCredits(overdraft: 30)),
            Account(id: 21, unit: "RUB", limit: .creditsMustNotExceedDebits(overdraft: 5)),
        ])
        try ledger.submit(.single(id: 1, debit: 20, credit: 1, amount: 30), now: at(1))
        #expect(ledger.balance(of: 20)?.postedDebitsMinusCredits == 30)
        #expect(rejection(.single(id: 2, debit: 20, credit: 1, amount: 1), in: &ledger) == .exceedsOverdraftLimit(20, limit: 30))
        try ledger.submit(.single(id: 3, debit: 1, credit: 21, amount: 5), now: at(2))
        #expect(rejection(.single(id: 4, debit: 1, credit: 21, amount: 1), in: &ledger) == .exceedsOverdraftLimit(21, limit: 5))
    }

    @Test func pendingCountsAgainstLimits() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 100), now: at(1))
        try ledger.submit(.pending(id: 2, debit: 2, credit: 3, amount: 70), now: at(2))
        #expect(rejection(.single(id: 3, debit: 2, credit: 3, amount: 31), in: &ledger) == .exceedsCredits(2))
        // Pending credits do not count in the receiver's favour.
        #expect(rejection(.single(id: 4, debit: 3, credit: 1, amount: 1), in: &ledger) == .exceedsCredits(3))
    }

    @Test func overflow() throws {
        var ledger = try makeLedger()
        try ledger.createAccounts([Account(id: 30, unit: "RUB"), Account(id: 31, unit: "RUB")])
        try ledger.submit(.single(id: 1, debit: 30, credit: 1, amount: Amount(.max - 10)), now: at(1))
        #expect(rejection(.single(id: 2, debit: 30, credit: 1, amount: 11), in: &ledger) == .overflow(30))
        #expect(rejection(.single(id: 3, debit: 31, credit: 1, amount: 11), in: &ledger) == .overflow(1))
        // Pending + posted together may not overflow either, so posting never can.
        #expect(rejection(.pending(id: 4, debit: 30, credit: 1, amount: 11), in: &ledger) == .overflow(30))
        try ledger.submit(.pending(id: 5, debit: 30, credit: 1, amount: 10), now: at(2))
        try ledger.submit(.post(id: 6, pending: 5), now: at(3))
        #expect(ledger.balance(of: 30)?.debitsPosted == .max)
    }

    @Test func idempotencyConflict() throws {
        var ledger = try makeLedger()
        let original = Transfer.single(id: 1, debit: 1, credit: 2, amount: 5, code: 7, reference: 42)
        try ledger.submit(original, now: at(1))
        var changed = original
        changed.reference = 43
        #expect(rejection(changed, in: &ledger) == .existsWithDifferentFields(existing: original))
        #expect(rejection(.single(id: 1, debit: 1, credit: 2, amount: 6, code: 7, reference: 42), in: &ledger)
            == .existsWithDifferentFields(existing: original))
        #expect(try ledger.submit(original, now: at(9)) == .alreadyExists(ledger.transfer(1)!.timestamp))
        #expect(ledger.transferCount == 1)
    }

    @Test func postingMoreThanPending() throws {
        var ledger = try makeLedger()
        try ledger.submit(.pending(id: 1, debit: 1, credit: 2, amount: 50), now: at(1))
        #expect(rejection(.post(id: 2, pending: 1, amount: 51), in: &ledger) == .postExceedsPending(requested: 51, pending: 50))
        #expect(rejection(.post(id: 2, pending: 1, amount: 0), in: &ledger) == .zeroAmount)
    }

    @Test func postOrVoidOfUnknownOrNonPending() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 50), now: at(1))
        #expect(rejection(.post(id: 2, pending: 99), in: &ledger) == .unknownPendingTransfer(99))
        #expect(rejection(.void(id: 2, pending: 1), in: &ledger) == .notPending(1))
        #expect(rejection(.post(id: 2, pending: 2), in: &ledger) == .unknownPendingTransfer(2))
    }

    @Test func doublePostAndVoid() throws {
        var ledger = try makeLedger()
        try ledger.submit([.pending(id: 1, debit: 1, credit: 2, amount: 50), .pending(id: 2, debit: 1, credit: 2, amount: 50)], now: at(1))
        try ledger.submit(.post(id: 3, pending: 1, amount: 20), now: at(2))
        try ledger.submit(.void(id: 4, pending: 2), now: at(3))
        #expect(rejection(.post(id: 5, pending: 1), in: &ledger) == .pendingAlreadyPosted(1))
        #expect(rejection(.void(id: 5, pending: 1), in: &ledger) == .pendingAlreadyPosted(1))
        #expect(rejection(.post(id: 5, pending: 2), in: &ledger) == .pendingAlreadyVoided(2))
        #expect(rejection(.void(id: 5, pending: 2), in: &ledger) == .pendingAlreadyVoided(2))
    }

    @Test func postAfterExpiry() throws {
        var ledger = try makeLedger()
        try ledger.submit(.pending(id: 1, debit: 1, credit: 2, amount: 50, expiresAt: at(10)), now: at(1))
        // Overdue but not yet ticked: already unusable.
        #expect(rejection(.post(id: 2, pending: 1), in: &ledger, now: at(10)) == .pendingExpired(1))
        try ledger.expirePending(now: at(11))
        #expect(rejection(.post(id: 2, pending: 1), in: &ledger, now: at(5)) == .pendingExpired(1))
        #expect(rejection(.void(id: 2, pending: 1), in: &ledger, now: at(5)) == .pendingExpired(1))
    }

    @Test func expiryMustBeInTheFuture() throws {
        var ledger = try makeLedger()
        #expect(rejection(.pending(id: 1, debit: 1, credit: 2, amount: 5, expiresAt: at(100)), in: &ledger, now: at(100))
            == .expiryNotInFuture(expiresAt: at(100), timestamp: at(100)))
    }

    @Test func timestampsExhausted() throws {
        var ledger = try makeLedger()
        #expect(rejection(.single(id: 1, debit: 1, credit: 2, amount: 5), in: &ledger, now: .max) == .timestampsExhausted)
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 5), now: LedgerTimestamp(nanosecondsSinceEpoch: .max - 1))
        #expect(rejection(.single(id: 2, debit: 1, credit: 2, amount: 5), in: &ledger, now: at(1)) == .timestampsExhausted)
    }
}
