import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import PostgresStore
import Testing

/// Two engines over two stores (two hosts, each with its own connection pool) on one database race
/// to spend one wallet. Each engine checks its debit against the balance it read; the store locks
/// the account row and refuses the unit if that balance moved, and the engine's retry decides again
/// on the new balance — so the wallet's limit holds although the store never evaluates it itself.
@Suite(
    "The ledger's limits hold across engines on one PostgreSQL database", .enabled(if: ScratchDatabase.server != nil))
struct LedgerRaceTests {
    static let rub = BillingUnit.money(.rub)

    static func rub(_ minorUnits: Int64) -> Price { Price(Money(minorUnits: minorUnits, currency: .rub)) }

    @Test func twoEnginesNeverOverspendAWallet() async throws {
        try await ScratchDatabase.withDatabase { settings, firstStore in
            try await ScratchDatabase.withSeparateStore(settings) { secondStore in
                let test = try await TestDesk.make(store: firstStore)
                let first = test.desk
                let second = HelpDesk(
                    store: secondStore, configuration: first.configuration, clock: test.clock.clock,
                    identifiers: SeededIdentifierSource(seed: 4_242), random: SeededRandomSource(seed: 4_243))
                let company = try await first.addCompany(NewCompany(name: "Prepaid LLC"), by: .system)
                try await first.topUp(
                    company.id, amount: Self.rub(10_00), paymentReference: "PAY-1", by: .employee(test.anna.id))
                let outcomes = await Self.race(40, company: company.id, on: [first, second])
                let spent = outcomes.filter { if case .success = $0 { true } else { false } }.count
                var outOfRetries = 0
                for case .failure(let error) in outcomes {
                    if case .ledger(.transferFailed(_, _, .exceedsCredits)) = error.reason { continue }
                    // A command that lost the race more often than its retries allow fails typed.
                    if error.code == .conflict {
                        outOfRetries += 1
                        continue
                    }
                    Issue.record("unexpected failure: \(error)")
                }
                #expect(spent <= 10, "never more than the funds")
                #expect(spent + outOfRetries >= 10, "a funded debit fails only by running out of retries")
                let expected = Balance(debitsPosted: UInt64(spent) * 1_00, creditsPosted: 10_00)
                #expect(try await first.balance(of: company.id, in: Self.rub, as: .system) == expected)
                #expect(try await second.balance(of: company.id, in: Self.rub, as: .system) == expected)
                let notes = try await secondStore.transferNotes(outcomes.compactMap { try? $0.get() })
                #expect(notes.count == spent, "each debit kept its note")
                // The history agrees with the balance: one entry per transfer, strictly increasing.
                let wallet = BillingAccount.id(company: company.id, role: .wallet, unit: Self.rub)
                let all = LedgerTimestamp.zero..<LedgerTimestamp.max
                let statement = try #require(try await firstStore.accountStatement(of: wallet, period: all))
                #expect(statement.entries.count == spent + 1)
                #expect(statement.closing == expected)
                let stamps = statement.entries.map(\.timestamp)
                #expect(zip(stamps, stamps.dropFirst()).allSatisfy { $0 < $1 })
                let records = try await firstStore.transferRecords(postedIn: all)
                #expect(records.count == spent + 1)
                #expect(try await firstStore.lastLedgerTimestamp() == records.last?.timestamp)
            }
        }
    }

    /// Debits 1.00 from `company`'s wallet `count` times at once, alternating between `desks`.
    static func race(_ count: Int, company: CompanyID, on desks: [HelpDesk]) async -> [Result<
        TransferID, HelpDeskError
    >] {
        await withTaskGroup(of: Result<TransferID, HelpDeskError>.self) { group in
            for index in 0..<count {
                let desk = desks[index % desks.count]
                group.addTask {
                    do throws(HelpDeskError) {
                        return .success(
                            try await desk.adjustBalance(company, by: rub(-1_00), reason: "Race \(index)", by: .system))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var outcomes: [Result<TransferID, HelpDeskError>] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
    }
}
