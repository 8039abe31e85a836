import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// Runs `check` on a fresh file store, then requires the same data after reopening.
private func runReopening(_ check: ContractCheck, label: String) async throws {
    try await expectSameAfterReopening(label) { store in try await check.run(on: store) }
}

@Suite("File store honours the repository contract")
struct FileStoreContractTests {
    @Test(arguments: StoreContract.checks)
    func contract(_ check: ContractCheck) async throws {
        try await runReopening(check, label: "contract")
    }
}

/// Every acknowledged command must be there after reopening.
@Suite("The engine honours its contract on the file store")
struct FileStoreEngineContractTests {
    @Test(arguments: EngineContract.checks)
    func contract(_ check: ContractCheck) async throws {
        try await runReopening(check, label: "engine-contract")
    }
}
