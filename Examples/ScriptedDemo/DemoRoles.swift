import HelpDeskKit

/// Who may do what on the demo desk: the roles the head of support set up in February.
///
/// - Dispatcher (Olga): every ticket, including merging; reads the client directory; plans work and visits.
/// - Agent (Sam): works every ticket (replies, notes, edits, time), reads the client directory.
/// - Engineer (Ben, Lena): works the tickets of their own groups and those assigned to them.
/// - Maria, head of support, keeps the built-in Administrator role: billing, contracts, roles.
enum DemoRoles {
    /// Defines the roles and grants them; run by the host's set-up as `.system`.
    static func grant(on desk: HelpDesk, to staff: DemoDesk.Staff) async throws(HelpDeskError) {
        // Whoever works a ticket also puts its paid work and parts on the bill.
        // They read the engineers' articles of the knowledge base and answer with canned replies.
        let desktop: Set<AccessAction> = [.readClients, .readDirectory, .settleWork, .readInternalKnowledge]
        let dispatcher = try await desk.defineRole(
            RoleDefinition(name: "Dispatcher", tickets: .full, plus: desktop.union([.planWork])), by: .system)
        let agent = try await desk.defineRole(RoleDefinition(name: "Agent", tickets: .change, plus: desktop), by: .system)
        let engineer = try await desk.defineRole(
            RoleDefinition(name: "Engineer", tickets: .change, plus: desktop, reach: .myGroups), by: .system)
        for (employee, role) in [(staff.olga, dispatcher), (staff.sam, agent), (staff.ben, engineer), (staff.lena, engineer)] {
            _ = try await desk.grantRoles([RoleGrant(role.id)], to: employee.id, by: .system)
        }
    }

    /// Writes the roles and their holders to `out`.
    static func describe(on desk: HelpDesk, staff: DemoDesk.Staff, into out: inout Transcript)
        async throws(HelpDeskError)
    {
        out.line()
        out.note("Roles decide who may do what; an engineer's role reaches only the tickets of their groups")
        out.note("and those assigned to them:")
        let roles = try await desk.roles(as: .system)
        var table = TextTable([.init("Role"), .init("Held by"), .init("Tickets"), .init("Also")])
        for role in roles {
            let holders = staff.all.filter { employee in
                employee.grants.contains { $0.roleID == role.id }
            }
            let tickets = AccessAction.TicketLevel.allCases.last { role.permissions.isSuperset(of: $0.permissions) }
            let reach = role.reach == .all ? "all" : role.reach == .myGroups ? "my groups" : "assigned to me"
            let also = role.id == Role.administrator.id
                ? "everything: billing, contracts, reports, roles"
                : role.permissions.subtracting(tickets?.permissions ?? []).map(\.name).sorted().joined(separator: ", ")
            table.add([
                role.name, holders.map(\.name).joined(separator: ", "),
                tickets.map { "\($0.rawValue), \(reach)" } ?? "-", also,
            ])
        }
        out.lines(table.render())
        out.line()
    }
}
