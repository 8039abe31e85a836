import DoubleEntry
import Foundation
import Testing

/// The walkthrough in `Documentation/Ledger.md`, kept compiling and true.
@Suite struct ExampleTests {
    @Test func documentationWalkthrough() throws {
        var ledger = Ledger()
        try ledger.createAccounts([
            Account(id: 1, unit: "RUB", code: 1),
            Account(id: 2, unit: "RUB", code: 2, limit: .debitsMustNotExceedCredits),
            Account(id: 3, unit: "RUB", code: 3),
        ])
        let now = LedgerTimestamp(Date(timeIntervalSince1970: 1_795_000_000))
        try ledger.submit([
            .single(id: 100, debit: 1, credit: 2, amount: 50_00, code: 1),
            .pending(id: 101, debit: 2, credit: 3, amount: 30_00, expiresAt: now.adding(seconds: 3600)),
        ], now: now)
        try ledger.submit(.post(id: 102, pending: 101, amount: 12_00), now: now)
        try ledger.expirePending(now: now)
        #expect(ledger.balance(of: 2) == Balance(debitsPosted: 12_00, creditsPosted: 50_00))
        // The batch's transfers got `now` and `now + 1 ns`, the post `now + 2 ns`.
        #expect(ledger.balance(of: 2, asOf: now) == Balance(creditsPosted: 50_00))
        #expect(ledger.balance(of: 2, asOf: now.adding(nanoseconds: 1)) == Balance(debitsPending: 30_00, creditsPosted: 50_00))
        let statement = try #require(ledger.statement(of: 2, period: now..<now.adding(seconds: 86_400)))
        #expect(statement.opening == .zero)
        #expect(statement.entries.map(\.transfer.id) == [100, 101, 102])
        #expect(statement.closing == ledger.balance(of: 2))
    }
}
