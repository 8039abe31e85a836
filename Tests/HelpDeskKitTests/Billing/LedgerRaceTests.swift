import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Two engines on one store (two server processes on one database) race to spend one wallet: the
/// engine checks each batch against the balance it read, the store refuses a unit whose balance
/// moved since, and the retry decides again, so the wallet's limit holds without the store knowing it.
@Suite struct LedgerRaceTests {
    @Test func twoEnginesNeverOverspendAWallet() async throws {
        let f = try await BillingFixture.make()
        let second = HelpDesk(
            store: f.test.store, configuration: f.desk.configuration, clock: f.test.clock.clock,
            identifiers: SeededIdentifierSource(seed: 4_242), random: SeededRandomSource(seed: 4_243))
        try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(10_00), paymentReference: "PAY-1", by: f.anna)
        let outcomes = await withTaskGroup(of: Result<TransferID, HelpDeskError>.self) { group in
            for index in 0..<40 {
                let desk = index.isMultiple(of: 2) ? f.desk : second
                group.addTask {
                    do throws(HelpDeskError) {
                        return .success(
                            try await desk.adjustBalance(
                                f.company.id, by: BillingFixture.rub(-1_00), reason: "Race \(index)", by: .system))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var outcomes: [Result<TransferID, HelpDeskError>] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        let spent = outcomes.filter { if case .success = $0 { true } else { false } }.count
        var outOfRetries = 0
        for case .failure(let error) in outcomes {
            if case .ledger(.transferFailed(_, _, .exceedsCredits)) = error.reason { continue }
            // A command that lost the race more often than its retries allow fails typed, changing nothing.
            if error.code == .conflict {
                outOfRetries += 1
                continue
            }
            Issue.record("unexpected failure: \(error)")
        }
        #expect(spent <= 10, "never more than the funds")
        #expect(spent + outOfRetries >= 10, "a funded debit fails only by running out of retries")
        let balance = try #require(try await f.desk.balance(of: f.company.id, in: BillingFixture.rub, as: .system))
        #expect(balance == Balance(debitsPosted: UInt64(spent) * 1_00, creditsPosted: 10_00))
        let notes = try await f.test.store.billing.transferNotes(outcomes.compactMap { try? $0.get() })
        #expect(notes.count == spent, "each debit kept its note")
    }
}
