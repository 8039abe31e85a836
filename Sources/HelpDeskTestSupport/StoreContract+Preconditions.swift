import Foundation
import HelpDeskKit

extension StoreContract {
    static let preconditionChecks: [ContractCheck] = [
        ContractCheck("a unit whose commit preconditions hold commits; one whose precondition fails is a conflict") {
            store in
            var ids = SeededIdentifierSource(seed: 90)
            let active = Employee(id: ids.next(), name: "Active", email: "active@x.example")
            let former = Employee(id: ids.next(), name: "Former", email: "former@x.example", isActive: false)
            let agent = Employee(
                id: ids.next(), name: "Agent", email: "agent@x.example", grants: [RoleGrant(ids.next(), group: ids.next())])
            let company = Company(id: ids.next(), name: "Acme")
            let contact = Contact(id: ids.next(), companyID: company.id, name: "Ivan")
            let gone = Contact(id: ids.next(), companyID: company.id, name: "Gone", isActive: false)
            let contract = Contract(id: ids.next(), companyID: company.id, number: "C-1", startsAt: start)
            var setup = UnitOfWork()
            setup.employees = [active, former, agent]
            setup.clients.companies = [company]
            setup.clients.contacts = [contact, gone]
            setup.clients.contracts = [contract]
            try await store.commit(setup)

            let holding: [CommitPrecondition] = [
                .employeeActive(active.id), .contactActive(contact.id), .companyExists(company.id),
                .contractExists(contract.id), .administratorActive(active.id), .employeeActive(agent.id),
                .employeeUnchanged(agent),
            ]
            var ok = UnitOfWork()
            for precondition in holding { ok.require(precondition) }
            ok.groups = [SupportGroup(id: ids.next(), name: "Held")]
            try await store.commit(ok)
            try requireEqual(try await store.groups().map(\.name), ["Held"], "a unit whose preconditions hold")

            let failing: [CommitPrecondition] = [
                .employeeActive(former.id), .employeeActive(ids.next()), .contactActive(gone.id),
                .contactActive(ids.next()), .companyExists(ids.next()), .contractExists(ids.next()),
                .administratorActive(former.id), .administratorActive(agent.id), .administratorActive(ids.next()),
                .employeeUnchanged(Employee(id: agent.id, name: "Agent", email: "agent@x.example")),
                .employeeUnchanged(Employee(id: ids.next(), name: "Nobody", email: "nobody@x.example")),
            ]
            for precondition in failing {
                var work = UnitOfWork()
                work.require(.employeeActive(active.id))
                work.require(precondition)
                work.groups = [SupportGroup(id: ids.next(), name: "Refused \(precondition)")]
                try await requireStorageError(.conflict) { try await store.commit(work) }
            }
            try requireEqual(try await store.groups().map(\.name), ["Held"], "refused units change nothing")
        }
    ]
}
