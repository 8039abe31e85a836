import DoubleEntry
import Testing

@Suite struct AccountTests {
    @Test func createsAccountsWithZeroBalances() throws {
        let ledger = try makeLedger()
        #expect(ledger.accountCount == 5)
        #expect(ledger.account(2)?.limit == .debitsMustNotExceedCredits)
        #expect(ledger.balance(of: 2) == .zero)
        #expect(ledger.balance(of: 99) == nil)
        #expect(ledger.account(99) == nil)
        #expect(ledger.accounts.map(\.id) == [1, 2, 3, 4, 10])
    }

    @Test func creationIsIdempotent() throws {
        var ledger = try makeLedger()
        let outcomes = try ledger.createAccounts([
            Account(id: 1, unit: "RUB", code: 1),
            Account(id: 5, unit: "RUB"),
            Account(id: 5, unit: "RUB"),
        ])
        #expect(outcomes == [.alreadyExists, .created, .alreadyExists])
        #expect(ledger.accountCount == 6)
    }

    @Test func sameIDWithDifferentFieldsIsRejectedAtomically() throws {
        var ledger = try makeLedger()
        let error = failure { try ledger.createAccounts([Account(id: 6, unit: "RUB"), Account(id: 1, unit: "USD", code: 1)]) }
        #expect(error == .accountFailed(index: 1, id: 1, reason: .existsWithDifferentFields(existing: Account(id: 1, unit: "RUB", code: 1))))
        #expect(ledger.account(6) == nil)

        let inBatch = failure { try ledger.createAccounts([Account(id: 7, unit: "RUB"), Account(id: 7, unit: "RUB", code: 9)]) }
        #expect(inBatch == .accountFailed(index: 1, id: 7, reason: .existsWithDifferentFields(existing: Account(id: 7, unit: "RUB"))))
        #expect(ledger.account(7) == nil)
    }

    @Test func emptyUnitIsRejected() throws {
        var ledger = Ledger()
        #expect(failure { try ledger.createAccount(Account(id: 1, unit: "")) } == .accountFailed(index: 0, id: 1, reason: .emptyUnit))
        #expect(ledger.accountCount == 0)
    }

    @Test func amountValidationRejectsZeroAndNegative() throws {
        #expect(failure { try Amount(validating: 0) } == .invalidAmount(0))
        #expect(failure { try Amount(validating: -5) } == .invalidAmount(-5))
        #expect(try Amount(validating: 7) == 7)
    }

    @Test func timestampsConvertDates() {
        let t = LedgerTimestamp(nanosecondsSinceEpoch: 1_800_000_000_000_000_000)
        #expect(LedgerTimestamp(t.date) == t)
        #expect(LedgerTimestamp(t.date.addingTimeInterval(-3e9)) == .zero)
        #expect(t.adding(seconds: 2) == LedgerTimestamp(nanosecondsSinceEpoch: 1_800_000_002_000_000_000))
        #expect(LedgerTimestamp.max.adding(nanoseconds: 1) == .max)
    }
}
