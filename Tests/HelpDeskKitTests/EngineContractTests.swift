import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("The engine honours its contract on the in-memory store")
struct EngineContractTests {
    @Test(arguments: EngineContract.checks)
    func contract(_ check: ContractCheck) async throws {
        try await check.run(on: InMemoryStore())
    }
}
