import HelpDeskKit
import HelpDeskTestSupport

/// The desk of the leak matrices: staff names, a group and a category that carry `secret`, and the
/// client company Alpha with Alice (who files) and her colleague Carl.
struct SecretDesk {
    let test: TestDesk
    let group: SupportGroup
    let agent: Employee
    let hidden: ServiceCategory
    let alpha: Company
    let alice: Contact
    let carl: Contact

    /// Builds it on a fresh in-memory store; Carl has `carlEmail` (none by default).
    static func make(
        secret: String, configuration: HelpDeskConfiguration, seed: Int, carlEmail: String? = nil
    ) async throws -> SecretDesk {
        let test = try await TestDesk.make(configuration: configuration, seed: UInt64(seed))
        let desk = test.desk
        let group = try await desk.addGroup(named: "\(secret) night shift", by: .system)
        let agent = try await desk.addEmployee(
            NewEmployee(name: "\(secret) Agent", email: "agent@service.example", groupIDs: [group.id]), by: .system)
        let hidden = try await desk.addCategory(
            NewServiceCategory(name: "\(secret) category", isVisibleToClients: false), by: .system)
        let alpha = try await desk.addCompany(NewCompany(name: "Alpha"), by: .system)
        let alice = try await desk.addContact(
            NewContact(companyID: alpha.id, name: "Alice Client", email: "alice@alpha.example"), by: .system)
        let carl = try await desk.addContact(
            NewContact(companyID: alpha.id, name: "Carl Colleague", email: carlEmail), by: .system)
        return SecretDesk(test: test, group: group, agent: agent, hidden: hidden, alpha: alpha, alice: alice, carl: carl)
    }
}
