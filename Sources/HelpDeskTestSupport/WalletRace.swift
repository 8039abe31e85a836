import DoubleEntry
import Foundation
import HelpDeskKit

/// Two engines on one store (two server processes on one database) race to spend one wallet.
///
/// The engine checks each ledger batch against the balances it read and guards them with
/// `CommitPrecondition.ledgerBalance`; the store refuses a unit whose balance moved since, and the
/// retry decides again. So the wallet's limit holds although the store knows no ledger rules.
public struct WalletRace: Sendable {
    /// Debits of 1.00 issued at once, half on each engine.
    public var debits = 40
    /// The wallet's funds, in whole units of 1.00.
    public var funds = 10

    /// Describes the race.
    public init(debits: Int = 40, funds: Int = 10) {
        self.debits = debits
        self.funds = funds
    }

    /// Runs the race on `store` and returns what went wrong (empty when the wallet held).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let test = try await TestDesk.make(store: store)
        let second = test.secondEngine(seed: 4_242)
        let company = try await test.desk.addCompany(NewCompany(name: "Prepaid LLC"), by: .system)
        let rub = BillingUnit.money(.rub)
        try await test.desk.topUp(
            company.id, amount: Price(minorUnits: Int64(funds) * 1_00, unit: rub), paymentReference: "PAY-1",
            by: .system)
        let outcomes = await withTaskGroup(of: Result<TransferID, HelpDeskError>.self) { group in
            for index in 0..<debits {
                let desk = index.isMultiple(of: 2) ? test.desk : second
                group.addTask {
                    do throws(HelpDeskError) {
                        return .success(
                            try await desk.adjustBalance(
                                company.id, by: Price(minorUnits: -1_00, unit: rub), reason: "Race \(index)",
                                by: .system))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var outcomes: [Result<TransferID, HelpDeskError>] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        var problems: [String] = []
        let spent = outcomes.filter { if case .success = $0 { true } else { false } }.count
        var outOfRetries = 0
        for case .failure(let error) in outcomes {
            if case .ledger(.transferFailed(_, _, .exceedsCredits)) = error.reason { continue }
            // A command that lost the race more often than its retries allow fails typed, changing nothing.
            if error.code == .conflict {
                outOfRetries += 1
                continue
            }
            problems.append("unexpected failure: \(error)")
        }
        if spent > funds { problems.append("\(spent) debits of 1.00 succeeded on a wallet holding \(funds).00") }
        if spent + outOfRetries < funds { problems.append("only \(spent) funded debits succeeded") }
        let balance = try await test.desk.balance(of: company.id, in: rub, as: .system)
        let expected = Balance(debitsPosted: UInt64(spent) * 1_00, creditsPosted: UInt64(funds) * 1_00)
        if balance != expected { problems.append("balance \(String(describing: balance)), expected \(expected)") }
        return problems
    }
}
