import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("In-memory store honours the repository contract")
struct InMemoryStoreContractTests {
    @Test(arguments: StoreContract.checks)
    func contract(_ check: ContractCheck) async throws {
        try await check.run(on: InMemoryStore())
    }
}
