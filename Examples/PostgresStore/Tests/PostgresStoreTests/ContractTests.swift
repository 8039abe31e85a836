import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// The store contract checks this adapter does not run, with the reason.
///
/// Billing is not stored yet (the billing protocol is being re-cut, issue #17): the adapter reads
/// an empty price list, no accounts and an empty ledger, and refuses units with billing changes.
/// These four checks write billing records, so they cannot pass until billing is implemented.
let skippedContractChecks: Set<String> = [
    "price-list items and contract prices round-trip, sorted",
    "specifications round-trip and need the stored version",
    "ledger accounts and transfers commit with the unit; balances, notes and accounts read back",
    "a stale ledger balance or a recorded transfer identifier is a conflict, and nothing commits",
]

/// Every check of the contract suite that this adapter runs.
let postgresContractChecks = StoreContract.checks.filter { !skippedContractChecks.contains($0.name) }

@Suite("PostgreSQL store honours the repository contract", .enabled(if: ScratchDatabase.server != nil))
struct PostgresStoreContractTests {
    @Test(arguments: postgresContractChecks)
    func contract(_ check: ContractCheck) async throws {
        try await ScratchDatabase.withStore { store in try await check.run(on: store) }
    }

    @Test func theSkippedChecksAreExactlyTheBillingChecks() {
        let names = Set(StoreContract.checks.map(\.name))
        #expect(skippedContractChecks.isSubset(of: names), "a skipped check was renamed or removed")
        #expect(StoreContract.checks.count - postgresContractChecks.count == skippedContractChecks.count)
    }
}

@Suite("The engine honours its contract on the PostgreSQL store", .enabled(if: ScratchDatabase.server != nil))
struct PostgresEngineContractTests {
    /// The wallet race needs billing, which this adapter does not store yet.
    static let checks = EngineContract.checks.filter { $0.name != "two engines racing to spend one wallet never overspend it" }

    @Test(arguments: checks)
    func contract(_ check: ContractCheck) async throws {
        try await ScratchDatabase.withStore { store in try await check.run(on: store) }
    }
}
