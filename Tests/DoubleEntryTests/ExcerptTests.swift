import DoubleEntry
import Foundation
import SeededRandom
import Testing

/// A ledger excerpt (the touched accounts at their balances plus the recorded transfers a batch
/// names) must judge every single-phase batch exactly as the whole ledger does.
@Suite struct ExcerptTests {
    static let accounts = RandomizedTests.accounts

    /// A random single-phase batch over the test accounts: new identifiers, replays of recorded
    /// transfers (some with other fields), unknown accounts, amounts near the limits.
    static func batch(_ random: inout SplitMix64, recorded: [TransferRecord], nextID: inout UInt64) -> [Transfer] {
        (0..<(1 + Int(random.below(4)))).map { _ in
            if !recorded.isEmpty, random.chance(15) {
                let old = recorded[Int(random.below(UInt64(recorded.count)))].transfer
                guard random.chance(50) else { return old }
                return Transfer(id: old.id, kind: old.kind, code: old.code &+ 1, reference: old.reference)
            }
            let debit = accountID(&random)
            var credit = accountID(&random)
            while credit == debit && !random.chance(3) { credit = accountID(&random) }
            nextID += 1
            return .single(
                id: TransferID(nextID), debit: debit, credit: credit, amount: Amount(1 + random.below(900)),
                code: UInt32(random.below(3)))
        }
    }

    static func accountID(_ random: inout SplitMix64) -> AccountID {
        random.chance(2) ? 99 : accounts[Int(random.below(UInt64(accounts.count)))].id
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func excerptJudgesLikeTheWholeLedger(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var ledger = Ledger()
        try ledger.createAccounts(Self.accounts)
        var nextID: UInt64 = 0
        var now = LedgerTimestamp(nanosecondsSinceEpoch: 1_000_000_000)
        var accepted = 0
        var rejected = 0
        for step in 0..<2_000 {
            let batch = Self.batch(&random, recorded: ledger.transfers, nextID: &nextID)
            let opening = random.chance(5) ? [Account(id: AccountID(50 + random.below(3)), unit: "RUB")] : []
            let named = batch.compactMap { ledger.transfer($0.id) }
            var touched = Set(opening.map(\.id))
            for transfer in batch {
                if case .single(let debit, let credit, _) = transfer.kind { touched.formUnion([debit, credit]) }
            }
            for record in named { touched.formUnion([record.debitAccount, record.creditAccount]) }
            let states = touched.sorted().compactMap { id in
                ledger.account(id).map { LedgerAccountState(account: $0, balance: ledger.balance(of: id)!) }
            }
            var excerpt = try #require(Ledger(excerpt: states, transfers: named, lastTimestamp: ledger.lastTimestamp))
            let expected = ledger.check(opening: opening, then: batch, now: now)
            #expect(excerpt.check(opening: opening, then: batch, now: now) == expected, "step \(step): \(batch)")
            if expected == nil {
                try ledger.apply(opening: opening, then: batch, now: now)
                accepted += 1
            } else {
                rejected += 1
            }
            now = now.adding(nanoseconds: random.below(1_000))
        }
        // The generator must exercise both outcomes, or the comparison says little.
        #expect(accepted > 300 && rejected > 300, "accepted \(accepted), rejected \(rejected)")
    }

    @Test func excerptRefusesInputsNoLedgerCouldHold() throws {
        let account = Account(id: 1, unit: "RUB")
        let state = LedgerAccountState(account: account, balance: .zero)
        #expect(Ledger(excerpt: [state, state], transfers: [], lastTimestamp: nil) == nil, "one account twice")
        #expect(
            Ledger(excerpt: [LedgerAccountState(account: Account(id: 2, unit: ""), balance: .zero)], transfers: [], lastTimestamp: nil)
                == nil, "an empty unit")
        var ledger = Ledger()
        try ledger.createAccounts([account, Account(id: 2, unit: "RUB")])
        try ledger.submit(.single(id: 7, debit: 1, credit: 2, amount: 5), now: .zero)
        let record = try #require(ledger.transfer(7))
        #expect(Ledger(excerpt: [state], transfers: [record], lastTimestamp: nil) == nil, "a record naming a missing account")
        #expect(Ledger(excerpt: [], transfers: [], lastTimestamp: .max) == nil, "a clock at its end")
    }
}
