import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Every check of the contract suite: this adapter runs them all, billing included.
let postgresContractChecks = StoreContract.checks

@Suite(
    "PostgreSQL store honours the repository contract", .enabled(if: ScratchDatabase.server != nil),
    .timeLimit(.minutes(10)))
struct PostgresStoreContractTests {
    @Test(arguments: postgresContractChecks)
    func contract(_ check: ContractCheck) async throws {
        try await ScratchDatabase.withStore { store in try await check.run(on: store) }
    }

    @Test func theStoreOffersTheBillingFeature() async throws {
        try await ScratchDatabase.withStore { store async throws in
            let billing = try store.feature((any BillingRepository).self)
            #expect(billing != nil)
        }
    }
}

@Suite(
    "The engine honours its contract on the PostgreSQL store", .enabled(if: ScratchDatabase.server != nil),
    .timeLimit(.minutes(10)))
struct PostgresEngineContractTests {
    @Test(arguments: EngineContract.checks)
    func contract(_ check: ContractCheck) async throws {
        try await ScratchDatabase.withStore { store in try await check.run(on: store) }
    }
}
