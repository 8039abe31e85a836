import DoubleEntry
import Testing

@Suite struct BatchTests {
    @Test func laterTransfersSeeEarlierOnes() throws {
        var ledger = try makeLedger()
        let result = try ledger.submit([
            .single(id: 1, debit: 1, credit: 2, amount: 100),
            .single(id: 2, debit: 2, credit: 3, amount: 60),
            .single(id: 3, debit: 3, credit: 2, amount: 60),
        ], now: at(5))
        #expect(result.createdCount == 3)
        #expect(result.outcomes.map(\.timestamp) == [at(5), at(5).adding(nanoseconds: 1), at(5).adding(nanoseconds: 2)])
        #expect(ledger.balance(of: 2) == Balance(debitsPosted: 60, creditsPosted: 160))
    }

    @Test func oneFailureRejectsTheWholeBatch() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 100), now: at(1))
        let before = ledger
        let error = failure {
            try ledger.submit([
                .single(id: 2, debit: 1, credit: 3, amount: 10),
                .pending(id: 3, debit: 2, credit: 3, amount: 50),
                .post(id: 4, pending: 3, amount: 20),
                .single(id: 5, debit: 2, credit: 3, amount: 81),
            ], now: at(2))
        }
        #expect(error == .transferFailed(index: 3, id: 5, reason: .exceedsCredits(2)))
        #expect(ledger == before)
        #expect(ledger.balance(of: 2) == Balance(creditsPosted: 100))
        #expect(ledger.balance(of: 3) == .zero)
        #expect(ledger.transfer(2) == nil && ledger.transfer(3) == nil)
        #expect(ledger.pendingStatus(of: 3) == nil)
        #expect(ledger.lastTimestamp == at(1))
        // The same ids are free again and the batch minus the culprit commits.
        let result = try ledger.submit([
            .single(id: 2, debit: 1, credit: 3, amount: 10),
            .pending(id: 3, debit: 2, credit: 3, amount: 50),
            .post(id: 4, pending: 3, amount: 20),
        ], now: at(2))
        #expect(result.createdCount == 3)
        #expect(ledger.balance(of: 2) == Balance(debitsPosted: 20, creditsPosted: 100))
        #expect(ledger.balance(of: 3) == Balance(creditsPosted: 30))
    }

    @Test func duplicatesWithinAndAcrossBatches() throws {
        var ledger = try makeLedger()
        let t = Transfer.single(id: 1, debit: 1, credit: 2, amount: 10)
        let result = try ledger.submit([t, t], now: at(1))
        #expect(result.outcomes == [.created(at(1)), .alreadyExists(at(1))])
        #expect(result.createdCount == 1)
        let again = try ledger.submit([t, .single(id: 2, debit: 1, credit: 2, amount: 1)], now: at(2))
        #expect(again.outcomes == [.alreadyExists(at(1)), .created(at(2))])
        #expect(ledger.balance(of: 2)?.creditsPosted == 11)

        let conflict = failure { try ledger.submit([.single(id: 3, debit: 1, credit: 2, amount: 1), .single(id: 3, debit: 1, credit: 2, amount: 2)], now: at(3)) }
        #expect(conflict == .transferFailed(index: 1, id: 3, reason: .existsWithDifferentFields(existing: .single(id: 3, debit: 1, credit: 2, amount: 1))))
        #expect(ledger.transfer(3) == nil)
    }

    @Test func timestampsStrictlyIncreaseEvenWhenNowGoesBack() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 1), now: at(10))
        let outcome = try ledger.submit(.single(id: 2, debit: 1, credit: 2, amount: 1), now: at(3))
        #expect(outcome == .created(at(10).adding(nanoseconds: 1)))
        #expect(ledger.lastTimestamp == at(10).adding(nanoseconds: 1))
        #expect(try ledger.submit([], now: at(1)).outcomes.isEmpty)
        #expect(ledger.transfers.map(\.timestamp) == [at(10), at(10).adding(nanoseconds: 1)])
    }

    @Test func rejectedBatchLeavesIdsAndTimestampsFree() throws {
        var ledger = try makeLedger()
        let error = failure { try ledger.submit([.single(id: 1, debit: 1, credit: 2, amount: 1), .single(id: 2, debit: 1, credit: 99, amount: 1)], now: at(4)) }
        #expect(error == .transferFailed(index: 1, id: 2, reason: .unknownAccount(99)))
        #expect(ledger.lastTimestamp == nil)
        #expect(ledger.transferCount == 0)
        #expect(try ledger.submit(.single(id: 2, debit: 1, credit: 2, amount: 3), now: at(4)) == .created(at(4)))
    }

    @Test func recordsResolveAccountsAndAmounts() throws {
        var ledger = try makeLedger()
        try ledger.submit([
            .pending(id: 1, debit: 1, credit: 2, amount: 40, code: 5, reference: 77),
            .post(id: 2, pending: 1, amount: 15),
        ], now: at(1))
        let post = try #require(ledger.transfer(2))
        #expect(post.debitAccount == 1 && post.creditAccount == 2 && post.amount == 15)
        #expect(post.transfer == .post(id: 2, pending: 1, amount: 15))
        #expect(ledger.transfer(1)?.transfer.reference == 77)
    }

    @Test func copiesAreIndependentSnapshots() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 10), now: at(1))
        var snapshot = ledger
        try ledger.submit(.single(id: 2, debit: 2, credit: 3, amount: 10), now: at(2))
        #expect(snapshot.transferCount == 1)
        #expect(snapshot.balance(of: 2) == Balance(creditsPosted: 10))
        // The snapshot diverges on its own; a rejection there leaves both untouched.
        #expect(failure { try snapshot.submit([.single(id: 2, debit: 2, credit: 1, amount: 5), .single(id: 3, debit: 2, credit: 3, amount: 6)], now: at(2)) }
            == .transferFailed(index: 1, id: 3, reason: .exceedsCredits(2)))
        try snapshot.submit(.single(id: 2, debit: 2, credit: 1, amount: 5), now: at(3))
        #expect(snapshot.transfer(2)?.creditAccount == 1)
        #expect(ledger.transfer(2)?.creditAccount == 3)
        #expect(ledger.balance(of: 2) == Balance(debitsPosted: 10, creditsPosted: 10))
        #expect(snapshot.balance(of: 2) == Balance(debitsPosted: 5, creditsPosted: 10))
    }
}
