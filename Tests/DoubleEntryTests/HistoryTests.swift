import DoubleEntry
import Testing

@Suite struct HistoryTests {
    func sampleLedger() throws -> Ledger {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 100), now: at(10))
        try ledger.submit(.single(id: 2, debit: 2, credit: 3, amount: 40), now: at(20))
        try ledger.submit(.pending(id: 3, debit: 2, credit: 3, amount: 25, expiresAt: at(35)), now: at(30))
        try ledger.expirePending(now: at(40))
        // A correction is a new reversing transfer, never an edit.
        try ledger.submit(.single(id: 4, debit: 3, credit: 2, amount: 40, code: 99), now: at(50))
        return ledger
    }

    @Test func balancesAsOfPastInstants() throws {
        let ledger = try sampleLedger()
        #expect(ledger.balance(of: 2, asOf: at(5)) == .zero)
        #expect(ledger.balance(of: 2, asOf: at(10)) == Balance(creditsPosted: 100))
        #expect(ledger.balance(of: 2, asOf: at(25)) == Balance(debitsPosted: 40, creditsPosted: 100))
        #expect(ledger.balance(of: 2, asOf: at(30)) == Balance(debitsPending: 25, debitsPosted: 40, creditsPosted: 100))
        #expect(ledger.balance(of: 2, asOf: at(45)) == Balance(debitsPosted: 40, creditsPosted: 100))
        #expect(ledger.balance(of: 2, asOf: .max) == ledger.balance(of: 2))
        #expect(ledger.balance(of: 2) == Balance(debitsPosted: 40, creditsPosted: 140))
        #expect(ledger.balance(of: 99, asOf: at(1)) == nil)
    }

    @Test func statementForAPeriod() throws {
        let ledger = try sampleLedger()
        let statement = try #require(ledger.statement(of: 3, period: at(15)..<at(45)))
        #expect(statement.opening == .zero)
        #expect(statement.entries.map(\.transfer.id) == [2, 3, 3])
        #expect(statement.entries.map(\.event) == [.transfer, .transfer, .expiry])
        #expect(statement.entries.map(\.balance) == [
            Balance(creditsPosted: 40),
            Balance(creditsPending: 25, creditsPosted: 40),
            Balance(creditsPosted: 40),
        ])
        #expect(statement.closing == Balance(creditsPosted: 40))
        let later = try #require(ledger.statement(of: 3, period: at(45)..<at(60)))
        #expect(later.opening == Balance(creditsPosted: 40))
        #expect(later.entries.map(\.transfer.transfer.code) == [99])
        #expect(later.closing == Balance(debitsPosted: 40, creditsPosted: 40))
        let empty = try #require(ledger.statement(of: 3, period: at(0)..<at(0)))
        #expect(empty.entries.isEmpty && empty.opening == .zero && empty.closing == .zero)
        #expect(ledger.statement(of: 99, period: at(0)..<at(1)) == nil)
    }

    @Test func entriesAreIndexedPerAccount() throws {
        let ledger = try sampleLedger()
        #expect(ledger.entryCount(of: 1) == 1)
        #expect(ledger.entryCount(of: 2) == 5)
        #expect(ledger.entries(of: 2, in: at(20)..<at(31))?.map(\.transfer.id) == [2, 3])
        #expect(ledger.entries(of: 10)?.isEmpty == true)
        #expect(ledger.entries(of: 99) == nil)
    }
}
