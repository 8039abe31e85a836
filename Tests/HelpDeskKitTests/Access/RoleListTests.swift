import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import SeededRandom
import Testing

/// Issue #18: an employee whose roles reach part of the desk lists exactly the tickets they may
/// read: the query carries their reach as "any of" clauses, which every store evaluates.
@Suite("Roles: lists agree with reads for employees of limited reach")
struct RoleListTests {
    /// Random grants over two groups and two categories.
    static func randomHoldings(_ random: inout SplitMix64, groups: [GroupID], categories: [CategoryID])
        -> [(RoleDefinition, GroupID?)]
    {
        (0..<Int(random.next() % 3)).map { index in
            let level = AccessAction.TicketLevel.allCases.randomElement(using: &random)!
            var permissions = level.permissions
            if random.next() % 4 == 0 { permissions.remove(.readTicket) }
            let definition = RoleDefinition(
                name: "Role \(index)", permissions: permissions, reach: TicketReach.allCases.randomElement(using: &random)!,
                categoryIDs: random.next() % 3 == 0 ? Set(categories.filter { _ in random.next() % 2 == 0 }) : nil)
            return (definition, random.next() % 3 == 0 ? groups.randomElement(using: &random)! : nil)
        }
    }

    /// The clauses match a ticket exactly when the authority lets the employee read it.
    @Test(arguments: 0..<300)
    func readableClausesMatchTheTicketsTheAuthorityPermits(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var ids = SeededIdentifierSource(seed: seed)
        let groups: [GroupID] = [ids.next(), ids.next()]
        let categories: [CategoryID] = [ids.next(), ids.next()]
        let others: [EmployeeID] = [ids.next(), ids.next()]
        let employee = Employee(
            id: ids.next(), name: "E", email: "e@x.example", groupIDs: groups.filter { _ in random.next() % 2 == 0 })
        let holdings = Self.randomHoldings(&random, groups: groups, categories: categories).map { definition, group in
            StaffAuthority.Holding(
                role: Role(
                    id: ids.next(), name: definition.name, permissions: definition.permissions, reach: definition.reach,
                    categoryIDs: definition.categoryIDs), groupID: group)
        }
        let authority = StaffAuthority(holdings)
        let clauses = authority.readableTickets(by: employee)
        for ticket in TicketFixtures(seed: seed).tickets(count: 40, seed: seed) {
            var ticket = ticket
            ticket.groupID = random.next() % 3 == 0 ? nil : groups.randomElement(using: &random)
            ticket.categoryID = random.next() % 3 == 0 ? nil : categories.randomElement(using: &random)
            ticket.assigneeID = random.next() % 3 == 0 ? nil : (others + [employee.id]).randomElement(using: &random)
            let listed = clauses.map { $0.contains { $0.matches(ticket) } } ?? true
            #expect(listed == authority.permits(.readTicket, on: ticket, by: employee), "seed \(seed)")
        }
    }

    /// Through the engine: random roles for Anna on a desk of tickets in every group, category and
    /// assignment; her list (and its count) is exactly what she can open.
    @Test(arguments: 0..<24)
    func anEmployeeListsExactlyTheTicketsTheyMayOpen(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let test = try await TestDesk.make()
        let groups = [test.serviceDesk.id, test.fieldEngineers.id]
        let categories = [test.printers.id, test.onSite.id]
        var everything: [Ticket] = []
        for index in 0..<12 {
            let ticket = try await test.ticket("T\(index)", category: [nil, test.printers.id, test.onSite.id][index % 3])
            let assignee = [nil, test.anna.id, test.boris.id][index / 3 % 3]
            let group: GroupID? = assignee == test.anna.id ? nil : [nil, test.serviceDesk.id, test.fieldEngineers.id][index % 2 + 1]
            everything.append(try await test.desk.assign(ticket.id, to: assignee, group: group, by: .system))
        }
        var grants: [RoleGrant] = []
        for (definition, group) in Self.randomHoldings(&random, groups: groups, categories: categories) {
            grants.append(RoleGrant(try await test.desk.defineRole(definition, by: .system).id, group: group))
        }
        _ = try await test.desk.grantRoles(grants, to: test.anna.id, by: .system)
        let anna = Performer.employee(test.anna.id)

        var readable: Set<TicketID> = []
        for ticket in everything where (try? await test.desk.ticket(ticket.id, as: anna)) != nil {
            readable.insert(ticket.id)
        }
        let page = try await test.desk.tickets(matching: TicketQuery(limit: TicketQuery.maximumLimit), as: anna)
        #expect(Set(page.tickets.map(\.id)) == readable, "seed \(seed)")
        #expect(page.totalCount == readable.count)
        // A filter of the viewer's own narrows further, never widens.
        let printers = try await test.desk.tickets(
            matching: TicketQuery(categoryIDs: [test.printers.id], limit: TicketQuery.maximumLimit), as: anna)
        #expect(Set(printers.tickets.map(\.id)) == readable.filter { id in everything.first { $0.id == id }?.categoryID == test.printers.id })
    }
}
