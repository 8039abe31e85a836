import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Issue #18: which tickets a role reaches (its reach, its categories, the grant's group), how role
/// changes take effect, and the rules that keep a desk administrable.
@Suite("Roles: reach, categories, groups and administration")
struct RoleReachTests {
    /// A desk with tickets in both groups: `desk` in the service desk (Printers, unassigned),
    /// `field` in field engineers (On-site repair, Boris), `fieldForAnna` (On-site repair) assigned
    /// to Anna outside any group, and `loose` with no group or category. Anna is in the service desk.
    struct Desk {
        let test: TestDesk
        let desk: Ticket
        let field: Ticket
        let fieldForAnna: Ticket
        let loose: Ticket

        static func make() async throws -> Desk {
            let test = try await TestDesk.make()
            let desk = try await test.ticket("Toner", category: test.printers.id)
            let field = try await test.ticket("Server room door", category: test.onSite.id)
            var fieldForAnna = try await test.ticket("Broken lock", category: test.onSite.id)
            fieldForAnna = try await test.desk.assign(fieldForAnna.id, to: test.anna.id, group: nil, by: .system)
            let loose = try await test.ticket("Question")
            return Desk(test: test, desk: desk, field: field, fieldForAnna: fieldForAnna, loose: loose)
        }

        var all: [Ticket] { [desk, field, fieldForAnna, loose] }

        /// Gives Anna (service desk) exactly `grants` of a role defined from `definition`.
        func annaHolds(_ definition: RoleDefinition, group: GroupID? = nil) async throws {
            let role = try await test.desk.defineRole(definition, by: .system)
            // Boris stays an administrator, so Anna may lose the role.
            _ = try await test.desk.grantRoles([RoleGrant(role.id, group: group)], to: test.anna.id, by: .system)
        }

        /// The tickets Anna may change the priority of.
        func annaChanges() async throws -> Set<String> {
            var changed: Set<String> = []
            for ticket in all {
                let before = try await test.snapshot()
                do {
                    _ = try await test.desk.updateTicket(ticket.id, TicketUpdate(priority: .high), by: .employee(test.anna.id))
                    changed.insert(ticket.title)
                } catch let error as HelpDeskError {
                    #expect(error.code == .forbidden || error.code == .notFound, "\(ticket.title): \(error)")
                    #expect(try await test.snapshot() == before)
                }
            }
            return changed
        }
    }

    @Test func aRoleReachingMyGroupsChangesTheirTicketsAndMyAssignments() async throws {
        let d = try await Desk.make()
        try await d.annaHolds(RoleDefinition(name: "Agent", tickets: .change, reach: .myGroups))
        #expect(try await d.annaChanges() == ["Toner", "Broken lock"])
    }

    @Test func aRoleReachingMyAssignmentsChangesOnlyThem() async throws {
        let d = try await Desk.make()
        try await d.annaHolds(RoleDefinition(name: "Engineer", tickets: .change, reach: .assignedToMe))
        #expect(try await d.annaChanges() == ["Broken lock"])
    }

    @Test func aGrantForOneGroupAndARoleForOneCategoryNarrowEachOther() async throws {
        let d = try await Desk.make()
        try await d.annaHolds(
            RoleDefinition(name: "On-site lead", tickets: .change, categoryIDs: [d.test.onSite.id]),
            group: d.test.fieldEngineers.id)
        #expect(try await d.annaChanges() == ["Server room door"])
    }

    @Test func periodReadsOfTimeKeepToTheRolesReach() async throws {
        let d = try await Desk.make()
        let monday = try LocalDate(parsing: "2026-03-02")
        for ticket in d.all {
            _ = try await d.test.desk.logTime(
                on: ticket.id, NewTimeEntry(workDate: monday, minutes: 15), by: .employee(d.test.boris.id))
        }
        try await d.annaHolds(RoleDefinition(name: "Agent", tickets: .change, reach: .myGroups))
        let anna = Performer.employee(d.test.anna.id)
        let mine: Set<TicketID> = [d.desk.id, d.fieldForAnna.id]
        let all = try await d.test.desk.timeEntries(workedIn: monday...monday, as: anna)
        #expect(Set(all.map(\.ticketID)) == mine)
        let boris = try await d.test.desk.timeEntries(of: d.test.boris.id, workedIn: monday...monday, as: anna)
        #expect(Set(boris.map(\.ticketID)) == mine)
        #expect(try await d.test.desk.timeEntries(workedIn: monday...monday, as: .system).count == 4)
    }

    @Test func readAccessShowsATicketButRefusesChangesNamingThePermission() async throws {
        let d = try await Desk.make()
        try await d.annaHolds(RoleDefinition(name: "Observer", tickets: .read))
        let anna = Performer.employee(d.test.anna.id)
        #expect(try await d.test.desk.ticket(d.field.id, as: anna).id == d.field.id)
        let error = await #expect(throws: HelpDeskError.self) {
            try await d.test.desk.updateTicket(d.field.id, TicketUpdate(priority: .high), by: anna)
        }
        guard case .forbidden(anna, let action) = error?.reason else {
            Issue.record("expected forbidden, got \(String(describing: error))")
            return
        }
        #expect(action.hasPrefix("ticket.edit"))
        // Internal notes and the audit trail need their own permission.
        await #expect(throws: HelpDeskError.self) { try await d.test.desk.auditTrail(of: d.field.id, as: anna) }
        let comments = try await d.test.desk.comments(on: d.field.id, as: anna)
        #expect(comments.allSatisfy { $0.visibility == .public })
    }

    @Test func changingARoleChangesWhatItsHoldersMayDoAtOnce() async throws {
        let d = try await Desk.make()
        let role = try await d.test.desk.defineRole(RoleDefinition(name: "Agent", tickets: .change), by: .system)
        _ = try await d.test.desk.grantRoles([RoleGrant(role.id)], to: d.test.anna.id, by: .system)
        #expect(try await d.annaChanges().count == 4)
        _ = try await d.test.desk.changeRole(role.id, to: RoleDefinition(name: "Agent", tickets: .read), by: .system)
        #expect(try await d.annaChanges().isEmpty)
    }

    @Test func theDeskKeepsAnActiveAdministrator() async throws {
        let test = try await TestDesk.make()
        let agent = try await test.desk.defineRole(RoleDefinition(name: "Agent", tickets: .change), by: .system)
        _ = try await test.desk.grantRoles([RoleGrant(agent.id)], to: test.boris.id, by: .system)
        let before = try await test.snapshot()
        // Anna is now the only administrator: she cannot lose the role or leave.
        await #expect(throws: HelpDeskError.lastAdministrator(test.anna.id)) {
            try await test.desk.grantRoles([RoleGrant(agent.id)], to: test.anna.id, by: .employee(test.anna.id))
        }
        await #expect(throws: HelpDeskError.lastAdministrator(test.anna.id)) {
            try await test.desk.deactivateEmployee(test.anna.id, by: .system)
        }
        #expect(try await test.snapshot() == before)
        // Once Boris is an administrator again, Anna may step down.
        _ = try await test.desk.grantRoles([RoleGrant(Role.administrator.id)], to: test.boris.id, by: .system)
        let anna = try await test.desk.grantRoles([RoleGrant(agent.id)], to: test.anna.id, by: .system)
        #expect(anna.grants == [RoleGrant(agent.id)])
    }

    @Test func roleCommandsRefuseBadInputAndChangeNothing() async throws {
        let test = try await TestDesk.make()
        let agent = try await test.desk.defineRole(RoleDefinition(name: "Agent", tickets: .change), by: .system)
        let before = try await test.snapshot()
        let unknownRole = RoleID(UUID())
        let unknownGroup = GroupID(UUID())
        let cases: [(HelpDeskError, @Sendable () async throws -> Void)] = [
            (.duplicateName("agent"), { _ = try await test.desk.defineRole(RoleDefinition(name: "agent", tickets: .read), by: .system) }),
            (.duplicateName("Administrator"), {
                _ = try await test.desk.changeRole(agent.id, to: RoleDefinition(name: "Administrator", tickets: .read), by: .system)
            }),
            (.invalidInput(field: "name", problem: .blank), { _ = try await test.desk.defineRole(RoleDefinition(name: " ", tickets: .read), by: .system) }),
            (.roleIsBuiltIn(Role.administrator.id), {
                _ = try await test.desk.changeRole(Role.administrator.id, to: RoleDefinition(name: "Boss", tickets: .read), by: .system)
            }),
            (.roleNotFound(unknownRole), { _ = try await test.desk.changeRole(unknownRole, to: RoleDefinition(name: "X", tickets: .read), by: .system) }),
            (.roleNotFound(unknownRole), { _ = try await test.desk.grantRoles([RoleGrant(unknownRole)], to: test.boris.id, by: .system) }),
            (.groupNotFound(unknownGroup), {
                _ = try await test.desk.grantRoles([RoleGrant(agent.id, group: unknownGroup)], to: test.boris.id, by: .system)
            }),
            (.categoryNotFound(CategoryID(UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!)), {
                _ = try await test.desk.defineRole(
                    RoleDefinition(name: "Narrow", tickets: .read, categoryIDs: [CategoryID(UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!)]),
                    by: .system)
            }),
            (.roleNotFound(unknownRole), {
                _ = try await test.desk.addEmployee(NewEmployee(name: "X", email: "x@service.example", grants: [RoleGrant(unknownRole)]), by: .system)
            }),
        ]
        for (expected, command) in cases {
            await #expect(throws: expected) { try await command() }
        }
        let unknownPermission = await #expect(throws: HelpDeskError.self) {
            _ = try await test.desk.defineRole(RoleDefinition(name: "Odd", permissions: [AccessAction("ticket.fly")]), by: .system)
        }
        #expect(unknownPermission?.code == .invalidInput)
        #expect(try await test.snapshot() == before)
    }

    @Test func anEmployeeStoredBeforeRolesIsAnAdministrator() throws {
        let json = #"{"id":"6F1C1D6E-3C2B-4B8A-9B0E-2B5F1A7C9D11","name":"Old","email":"old@x.example","groupIDs":[],"isActive":true}"#
        let employee = try JSONDecoder().decode(Employee.self, from: Data(json.utf8))
        #expect(employee.grants == [RoleGrant(Role.administrator.id)])
        let roundTrip = try JSONDecoder().decode(Employee.self, from: try JSONEncoder().encode(employee))
        #expect(roundTrip == employee)
    }
}
