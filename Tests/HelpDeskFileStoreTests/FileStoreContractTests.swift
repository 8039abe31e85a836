import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// Runs `check` on a fresh file store, then requires the same data after reopening.
private func runReopening(_ check: ContractCheck, label: String) async throws {
    let directory = freshDirectory(label)
    defer { removeDirectory(directory) }
    let store = try await FileStore.open(at: directory)
    try await check.run(on: store)
    let before = try await StoreSnapshot.capture(store)
    let image = try store.image()
    await store.close()
    let reopened = try await FileStore.open(at: directory)
    #expect(try await StoreSnapshot.capture(reopened) == before)
    #expect(try reopened.image() == image)
    await reopened.close()
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
