import HelpDeskKit
import HelpDeskTestSupport
import Testing
@testable import HelpDeskFileStore

@Suite("File store honours the repository contract")
struct FileStoreContractTests {
    @Test(arguments: StoreContract.checks)
    func contract(_ check: ContractCheck) async throws {
        let directory = freshDirectory("contract")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        try await check.run(on: store)
        // The same data must come back after reopening.
        let before = try await StoreSnapshot.capture(store)
        let image = try store.image()
        await store.close()
        let reopened = try await FileStore.open(at: directory)
        #expect(try await StoreSnapshot.capture(reopened) == before)
        #expect(try reopened.image() == image)
        await reopened.close()
    }
}

@Suite("The engine honours its contract on the file store")
struct FileStoreEngineContractTests {
    @Test(arguments: EngineContract.checks)
    func contract(_ check: ContractCheck) async throws {
        let directory = freshDirectory("engine-contract")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        try await check.run(on: store)
        // Every acknowledged command must be there after reopening.
        let before = try await StoreSnapshot.capture(store)
        await store.close()
        let reopened = try await FileStore.open(at: directory)
        #expect(try await StoreSnapshot.capture(reopened) == before)
        await reopened.close()
    }
}
