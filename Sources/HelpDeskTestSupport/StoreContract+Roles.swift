import Foundation
import HelpDeskKit

extension StoreContract {
    static func role(_ name: String, ids: inout SeededIdentifierSource, reach: TicketReach = .all) -> Role {
        Role(
            id: ids.next(), name: name, permissions: [.readTicket, .editTicket, AccessAction("ticket.note")],
            reach: reach, categoryIDs: reach == .all ? nil : [ids.next()])
    }

    static let roleChecks: [ContractCheck] = [
        ContractCheck("roles round-trip sorted by name, a change replaces the role, and grants travel with employees") {
            store in
            let roleStore = try requireFeature((any RoleRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 90)
            let engineer = role("Engineer «field»", ids: &ids, reach: .myGroups)
            let agent = role("Agent", ids: &ids)
            var work = UnitOfWork()
            work.roles = [engineer, agent]
            let group = SupportGroup(id: ids.next(), name: "Field")
            work.groups = [group]
            let employee = Employee(
                id: ids.next(), name: "Eve", email: "eve@service.example", groupIDs: [group.id],
                grants: [RoleGrant(engineer.id, group: group.id), RoleGrant(agent.id)])
            work.employees = [employee]
            try await store.commit(work)
            try requireEqual(try await roleStore.roles(), [agent, engineer], "by name")
            try requireEqual(try await roleStore.role(engineer.id), engineer, "by identifier")
            try requireEqual(try await roleStore.role(ids.next()), nil, "unknown role")
            try requireEqual(try await store.employee(employee.id), employee, "grants round-trip")
            var renamed = agent
            renamed.name = "Senior agent"
            renamed.permissions.insert(.manageTickets)
            var change = UnitOfWork()
            change.roles = [renamed]
            try await store.commit(change)
            try requireEqual(try await roleStore.roles(), [engineer, renamed], "replaced by identifier")
        },
        ContractCheck("a role name is unique ignoring case, built-in roles are not stored, and two roles may swap names")
        { store in
            let roleStore = try requireFeature((any RoleRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 91)
            let one = role("Dispatcher", ids: &ids)
            let two = role("Accountant", ids: &ids)
            var work = UnitOfWork()
            work.roles = [one, two]
            try await store.commit(work)
            let before = try await StoreSnapshot.capture(store)
            var taken = UnitOfWork()
            taken.roles = [role("DISPATCHER", ids: &ids)]
            try await requireStorageError(.conflict) { try await store.commit(taken) }
            var builtIn = UnitOfWork()
            builtIn.roles = [Role.administrator]
            try await requireStorageError(.conflict) { try await store.commit(builtIn) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused units change nothing")
            var swapped = UnitOfWork()
            var newOne = one
            newOne.name = two.name
            var newTwo = two
            newTwo.name = one.name
            swapped.roles = [newOne, newTwo]
            try await store.commit(swapped)
            try requireEqual(try await roleStore.roles(), [newOne, newTwo].sorted { $0.name < $1.name }, "swapped")
        },
    ]
}
