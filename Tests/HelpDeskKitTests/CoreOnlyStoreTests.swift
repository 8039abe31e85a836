import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// A store offering only the required core (tickets, comments, audit, directory, outbox, commit):
/// no client directory, billing, labor, ratings or idempotency records.
private final class CoreOnlyStore: MemoryBackedStore {
    let backingStore = InMemoryStore()

    func ensureAvailable() throws(StorageError) {}

    func commit(_ work: UnitOfWork) async throws { try await backingStore.commit(work) }

    func feature<Feature>(_ feature: Feature.Type) throws(StorageError) -> Feature? { nil }
}

@Suite("A store with only the required core")
struct CoreOnlyStoreTests {
    @Test func ticketsWorkAndFeatureCommandsAreRefusedTyped() async throws {
        let store = CoreOnlyStore()
        let test = try await TestDesk.make(store: store)
        let ticket = try await test.ticket()
        _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: .employee(test.anna.id))
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: .employee(test.anna.id))
        let before = try await StoreSnapshot.capture(store)
        func expectLacksFeature(_ named: String, _ command: () async throws(HelpDeskError) -> Void) async {
            do {
                try await command()
                Issue.record("\(named) succeeded on a store without its feature")
            } catch {
                #expect(error.code == .misconfigured, "\(named): \(error)")
                #expect(
                    { if case .storeLacksFeature = error.reason { true } else { false } }(), "\(named): \(error)")
            }
        }
        await expectLacksFeature("addCompany") { () async throws(HelpDeskError) in
            _ = try await test.desk.addCompany(NewCompany(name: "Alpha"), by: .system)
        }
        await expectLacksFeature("companies") { () async throws(HelpDeskError) in _ = try await test.desk.companies(as: .system) }
        await expectLacksFeature("priceList") { () async throws(HelpDeskError) in _ = try await test.desk.priceList(as: .system) }
        await expectLacksFeature("ticket with a company") { () async throws(HelpDeskError) in
            _ = try await test.desk.createTicket(
                NewTicket(title: "VPN down", channel: .phone, requester: .freeText("Ivan"), companyID: CompanyID(UUID(uuidString: "00000000-0000-4000-8000-000000000001")!)),
                by: .employee(test.anna.id))
        }
        #expect(try await StoreSnapshot.capture(store) == before, "refused commands change nothing")
        #expect(try await test.desk.ticket(ticket.id, as: .system).status == .resolved)
    }
}
