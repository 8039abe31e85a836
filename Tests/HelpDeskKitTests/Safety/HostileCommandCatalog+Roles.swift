import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension HostileCommandCatalog {
    /// A role definition: real or hostile names, any permissions (now and then an unknown one),
    /// any reach, real or unknown categories.
    static func roleDefinition(_ d: inout HostileDraw) -> RoleDefinition {
        var permissions = Set(AccessAction.allPermissions.filter { _ in d.bool() })
        if d.hostile() { permissions.insert(AccessAction(d.text(["ticket.read"]))) }
        return RoleDefinition(
            name: d.text(["Dispatcher", "Administrator", "Engineer"]), permissions: permissions,
            reach: d.pick(TicketReach.allCases), categoryIDs: d.oneIn(2) ? nil : Set(d.ids(d.categories)))
    }

    /// Grants of the built-in, the fixture's or unknown roles, desk-wide or for real or unknown groups.
    static func grants(_ d: inout HostileDraw, dispatcher: RoleID) -> [RoleGrant] {
        (0..<Int(d.random.next() % 3)).map { _ in
            RoleGrant(d.id([Role.administrator.id, dispatcher]), group: d.optionalID(d.groups))
        }
    }

    static let roleEntries: [HostileCommand] = [
        command("defineRole(_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.defineRole(roleDefinition(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("changeRole(_:to:by:idempotencyKey:)") { d in
            let dispatcher = AccessFixture.dispatcherID
            let role = d.id([dispatcher, Role.administrator.id])
            _ = try await d.f.desk.changeRole(role, to: roleDefinition(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("grantRoles(_:to:by:idempotencyKey:)") { d in
            let dispatcher = AccessFixture.dispatcherID
            // Anna, who performs most draws, only when hostile: she could lose her rights.
            let employee = d.hostile() ? d.id(d.employees) : d.pick([d.f.test.boris.id, d.f.test.former.id])
            _ = try await d.f.desk.grantRoles(
                grants(&d, dispatcher: dispatcher), to: employee, by: d.performer(), idempotencyKey: d.key())
        },
        read("roles(as:)") { d in
            _ = try await d.f.desk.roles(as: d.performer())
        },
    ]
}
