import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// A desk with two client companies, Alpha's two locations and a printer, contacts of each scope,
/// an editor (Anna, the administrator) and employees with only `kb.readInternal` or no knowledge
/// permission at all.
struct KnowledgeFixture {
    let test: TestDesk
    let alpha: Company
    let beta: Company
    let office: Location
    let warehouse: Location
    let printer: Asset
    /// Alpha, company scope (sees every location).
    let carl: Contact
    /// Alpha, location scope at the warehouse.
    let lena: Contact
    /// Alpha, own tickets, at the office.
    let alice: Contact
    /// Beta's contact.
    let bob: Contact
    /// An employee whose one role holds change-level ticket permissions and `kb.readInternal`.
    let reader: Employee
    /// An employee whose one role holds no knowledge permission.
    let clerk: Employee

    var desk: HelpDesk { test.desk }
    var editor: Performer { .employee(test.anna.id) }
    var now: Date { test.clock.now }

    static func make(configure: (inout HelpDeskConfiguration) -> Void = { _ in }) async throws -> KnowledgeFixture {
        var configuration = HelpDeskConfiguration()
        configure(&configuration)
        let test = try await TestDesk.make(configuration: configuration)
        let desk = test.desk
        let alpha = try await desk.addCompany(NewCompany(name: "Alpha"), by: .system)
        let beta = try await desk.addCompany(NewCompany(name: "Beta"), by: .system)
        let office = try await desk.addLocation(NewLocation(companyID: alpha.id, name: "Office"), by: .system)
        let warehouse = try await desk.addLocation(NewLocation(companyID: alpha.id, name: "Warehouse"), by: .system)
        let model = try await desk.addAssetModel(name: "LaserJet", kind: "printer", by: .system)
        let printer = try await desk.addAsset(
            NewAsset(modelID: model.id, serialNumber: "SN-1", locationID: warehouse.id, inServiceSince: TestDesk.start),
            by: .system)
        let carl = try await desk.addContact(
            NewContact(companyID: alpha.id, locationID: office.id, name: "Carl", portalScope: .company), by: .system)
        let lena = try await desk.addContact(
            NewContact(companyID: alpha.id, locationID: warehouse.id, name: "Lena", portalScope: .location),
            by: .system)
        let alice = try await desk.addContact(
            NewContact(companyID: alpha.id, locationID: office.id, name: "Alice"), by: .system)
        let bob = try await desk.addContact(NewContact(companyID: beta.id, name: "Bob"), by: .system)
        func employee(_ name: String, _ permissions: Set<AccessAction>) async throws -> Employee {
            let role = try await desk.defineRole(RoleDefinition(name: name, permissions: permissions), by: .system)
            return try await desk.addEmployee(
                NewEmployee(name: name, email: "\(name.lowercased())@service.example", grants: [RoleGrant(role.id)]),
                by: .system)
        }
        return KnowledgeFixture(
            test: test, alpha: alpha, beta: beta, office: office, warehouse: warehouse, printer: printer, carl: carl,
            lena: lena, alice: alice, bob: bob,
            reader: try await employee(
                "Reader", AccessAction.TicketLevel.change.permissions.union([.readInternalKnowledge])),
            clerk: try await employee("Clerk", [.readTicket]))
    }

    /// A section defined by the editor.
    func section(
        _ title: String, audience: KnowledgeAudience = .desk, parent: KnowledgeSectionID? = nil, review: Int? = nil
    ) async throws -> KnowledgeSection {
        try await desk.defineKnowledgeSection(
            KnowledgeSectionDefinition(title: title, parentID: parent, audience: audience, reviewIntervalDays: review),
            by: editor)
    }

    /// An article written by the editor.
    func article(
        _ title: String, in section: KnowledgeSection, schedule: KnowledgeSchedule = .draft, review: Int? = nil,
        links: [KnowledgeLink] = []
    ) async throws -> KnowledgeArticle {
        try await desk.writeKnowledgeArticle(
            NewKnowledgeArticle(
                content: KnowledgeContent(title: title, body: "How to: \(title).", tags: ["how-to"]),
                settings: KnowledgeArticleSettings(sectionID: section.id, reviewIntervalDays: review, links: links),
                schedule: schedule),
            by: editor)
    }

    /// A schedule that makes an article public now.
    var publicNow: KnowledgeSchedule { KnowledgeSchedule(internalAt: now, publishedAt: now) }
}
