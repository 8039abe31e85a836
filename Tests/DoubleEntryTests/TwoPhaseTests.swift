import DoubleEntry
import Testing

@Suite struct TwoPhaseTests {
    @Test func pendingReservesThenFullPost() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 100), now: at(1))
        try ledger.submit(.pending(id: 2, debit: 2, credit: 3, amount: 80), now: at(2))
        #expect(ledger.balance(of: 2) == Balance(debitsPending: 80, creditsPosted: 100))
        #expect(ledger.balance(of: 3) == Balance(creditsPending: 80))
        #expect(ledger.balance(of: 2)?.availableToDebit == 20)
        #expect(ledger.balance(of: 2)?.postedCreditsMinusDebits == 100)
        #expect(ledger.balance(of: 1)?.availableToCredit == 100)
        #expect(ledger.pendingStatus(of: 2) == .pending(expiresAt: nil))
        try ledger.submit(.post(id: 3, pending: 2), now: at(3))
        #expect(ledger.balance(of: 2) == Balance(debitsPosted: 80, creditsPosted: 100))
        #expect(ledger.balance(of: 3) == Balance(creditsPosted: 80))
        #expect(ledger.pendingStatus(of: 2) == .posted(by: 3, amount: 80))
        #expect(ledger.transfer(3)?.amount == 80)
    }

    @Test func partialPostReleasesTheRemainder() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 100), now: at(1))
        try ledger.submit(.pending(id: 2, debit: 2, credit: 3, amount: 80), now: at(2))
        try ledger.submit(.post(id: 3, pending: 2, amount: 30), now: at(3))
        #expect(ledger.balance(of: 2) == Balance(debitsPosted: 30, creditsPosted: 100))
        #expect(ledger.balance(of: 3) == Balance(creditsPosted: 30))
        // The released 50 is available again.
        try ledger.submit(.single(id: 4, debit: 2, credit: 3, amount: 70), now: at(4))
    }

    @Test func voidReleasesEverything() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 100), now: at(1))
        try ledger.submit(.pending(id: 2, debit: 2, credit: 3, amount: 80), now: at(2))
        try ledger.submit(.void(id: 3, pending: 2, reference: 9), now: at(3))
        #expect(ledger.balance(of: 2) == Balance(creditsPosted: 100))
        #expect(ledger.balance(of: 3) == .zero)
        #expect(ledger.pendingStatus(of: 2) == .voided(by: 3))
        #expect(ledger.transfer(3)?.amount == 80)
    }

    @Test func pendingAndResolutionInOneBatch() throws {
        var ledger = try makeLedger()
        try ledger.submit([
            .single(id: 1, debit: 1, credit: 2, amount: 10),
            .pending(id: 2, debit: 2, credit: 3, amount: 10),
            .post(id: 3, pending: 2, amount: 4),
            .pending(id: 4, debit: 2, credit: 3, amount: 6),
            .void(id: 5, pending: 4),
        ], now: at(1))
        #expect(ledger.balance(of: 2) == Balance(debitsPosted: 4, creditsPosted: 10))
        let error = failure { try ledger.submit([.pending(id: 6, debit: 1, credit: 2, amount: 1), .void(id: 7, pending: 6), .post(id: 8, pending: 6)], now: at(2)) }
        #expect(error == .transferFailed(index: 2, id: 8, reason: .pendingAlreadyVoided(6)))
        #expect(failure { try ledger.submit([.single(id: 6, debit: 1, credit: 2, amount: 1), .void(id: 7, pending: 6)], now: at(2)) }
            == .transferFailed(index: 1, id: 7, reason: .notPending(6)))
    }

    @Test func expiryReleasesReservationsWhenTicked() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 100), now: at(1))
        try ledger.submit([
            .pending(id: 2, debit: 2, credit: 3, amount: 30, expiresAt: at(20)),
            .pending(id: 3, debit: 2, credit: 3, amount: 30, expiresAt: at(10)),
            .pending(id: 4, debit: 2, credit: 3, amount: 30, expiresAt: at(15)),
        ], now: at(2))
        try ledger.submit(.void(id: 5, pending: 4), now: at(3))
        #expect(ledger.nextExpiry == at(10))
        #expect(try ledger.expirePending(now: at(9)).isEmpty)
        #expect(try ledger.expirePending(now: at(16)) == [3])
        #expect(ledger.pendingStatus(of: 3) == .expired(at: at(16)))
        #expect(ledger.balance(of: 2) == Balance(debitsPending: 30, creditsPosted: 100))
        #expect(ledger.nextExpiry == at(20))
        #expect(try ledger.expirePending(now: at(16)).isEmpty)
        #expect(try ledger.expirePending(now: at(30)) == [2])
        #expect(ledger.nextExpiry == nil)
        #expect(ledger.balance(of: 2) == Balance(creditsPosted: 100))
        #expect(ledger.balance(of: 3) == .zero)
        #expect(ledger.expiryEvents.map(\.pending) == [3, 2])
        #expect(ledger.unresolvedPendingIDs.isEmpty)
        #expect(ledger.lastTimestamp == at(30))
    }

    @Test func expiriesGetDistinctIncreasingTimestamps() throws {
        var ledger = try makeLedger()
        try ledger.submit([
            .pending(id: 1, debit: 1, credit: 3, amount: 1, expiresAt: at(5)),
            .pending(id: 2, debit: 1, credit: 3, amount: 1, expiresAt: at(6)),
        ], now: at(1))
        let expired = try ledger.expirePending(now: at(7))
        #expect(expired == [1, 2])
        #expect(ledger.expiryEvents.map(\.timestamp) == [at(7), at(7).adding(nanoseconds: 1)])
        #expect(try ledger.submit(.single(id: 3, debit: 1, credit: 3, amount: 1), now: at(7)) == .created(at(7).adding(nanoseconds: 2)))
    }

    @Test func expiryIsAtomicWhenTimestampsRunOut() throws {
        var ledger = try makeLedger()
        let nearEnd = LedgerTimestamp(nanosecondsSinceEpoch: .max - 3)
        try ledger.submit(.pending(id: 1, debit: 1, credit: 3, amount: 5, expiresAt: nearEnd.adding(nanoseconds: 2)), now: nearEnd)
        #expect(failure { try ledger.expirePending(now: .max) } == .timestampsExhausted)
        #expect(ledger.pendingStatus(of: 1) == .pending(expiresAt: nearEnd.adding(nanoseconds: 2)))
        #expect(ledger.nextExpiry == nearEnd.adding(nanoseconds: 2))
        #expect(try ledger.expirePending(now: nearEnd.adding(nanoseconds: 2)) == [1])
        #expect(ledger.balance(of: 3) == .zero)
    }
}
