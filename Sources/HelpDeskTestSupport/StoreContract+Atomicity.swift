import Foundation
import HelpDeskKit

extension StoreContract {
    static let atomicityChecks: [ContractCheck] = [
        ContractCheck("a unit of work with one bad write applies none of its changes") { store in
            var ids = SeededIdentifierSource(seed: 20)
            let existing = fullTicket(number: 1, ids: &ids)
            try await store.commit(creation(of: existing, ids: &ids))
            let before = try await StoreSnapshot.capture(store)

            var work = creation(of: fullTicket(number: 2, ids: &ids), ids: &ids)
            work.employees.append(Employee(id: ids.next(), name: "Never stored", email: "never@example.com"))
            work.groups.append(SupportGroup(id: ids.next(), name: "Never stored"))
            work.categories.append(ServiceCategory(id: ids.next(), name: "Never stored"))
            work.acknowledgedEvents = [1]
            var stale = existing
            stale.title = "Stale"
            work.save(stale, expectedRevision: 99)
            try await requireStorageError(.conflict) { try await store.commit(work) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "store after rejected unit")
        },
        ContractCheck("comments and audit entries must name a stored or inserted ticket") { store in
            var ids = SeededIdentifierSource(seed: 22)
            let stored = fullTicket(number: 1, ids: &ids)
            try await store.commit(creation(of: stored, ids: &ids))
            let before = try await StoreSnapshot.capture(store)
            let stranger = fullTicket(number: 2, ids: &ids)
            for orphan in creation(of: stranger, ids: &ids).comments {
                var work = UnitOfWork()
                work.comments = [orphan]
                try await requireStorageError(.conflict) { try await store.commit(work) }
            }
            for orphan in creation(of: stranger, ids: &ids).auditEntries {
                var work = creation(of: fullTicket(number: 3, ids: &ids), ids: &ids)
                work.auditEntries.append(orphan)
                try await requireStorageError(.conflict) { try await store.commit(work) }
            }
            try requireEqual(try await StoreSnapshot.capture(store), before, "store after orphan writes")
        },
        ContractCheck("one unit of work may insert several tickets and change several others") { store in
            var ids = SeededIdentifierSource(seed: 21)
            let first = fullTicket(number: 1, ids: &ids)
            let second = fullTicket(number: 2, ids: &ids)
            var work = creation(of: first, ids: &ids)
            let more = creation(of: second, ids: &ids)
            work.save(second, expectedRevision: nil)
            work.comments += more.comments
            work.auditEntries += more.auditEntries
            work.events += more.events
            try await store.commit(work)
            var changedFirst = first
            var changedSecond = second
            changedFirst.title = "Merged"
            changedFirst.revision = 2
            changedSecond.status = .closed
            changedSecond.revision = 2
            var change = UnitOfWork()
            change.save(changedFirst, expectedRevision: 1)
            change.save(changedSecond, expectedRevision: 1)
            try await store.commit(change)
            try requireEqual(try await store.ticket(first.id), changedFirst, "first")
            try requireEqual(try await store.ticket(second.id), changedSecond, "second")
            try requireEqual(try await store.lastEventSequence(), 2, "events")
        },
    ]

    static let outboxChecks: [ContractCheck] = [
        ContractCheck("events get sequences 1, 2, 3… in commit order and stay until acknowledged") { store in
            var ids = SeededIdentifierSource(seed: 30)
            try requireEqual(try await store.lastEventSequence(), 0, "initial sequence")
            var created: [TicketID] = []
            for number in 1...5 {
                let ticket = fullTicket(number: number, ids: &ids)
                created.append(ticket.id)
                try await store.commit(creation(of: ticket, ids: &ids))
            }
            let all = try await store.undeliveredEvents(limit: 100)
            try requireEqual(all.map(\.sequence), [1, 2, 3, 4, 5], "sequences")
            try requireEqual(all.map(\.event.ticketID), created, "order")
            try requireEqual(try await store.undeliveredEvents(limit: 2).map(\.sequence), [1, 2], "limit")
            try requireEqual(try await store.undeliveredEvents(limit: 100), all, "redelivery before acknowledgement")

            var ack = UnitOfWork()
            ack.acknowledgedEvents = [2, 1, 4]
            try await store.commit(ack)
            try requireEqual(try await store.undeliveredEvents(limit: 100).map(\.sequence), [3, 5], "after ack")
            try await store.commit(ack)
            try requireEqual(try await store.undeliveredEvents(limit: 100).map(\.sequence), [3, 5], "ack twice")
            ack.acknowledgedEvents = [3, 5]
            try await store.commit(ack)
            try requireEqual(try await store.undeliveredEvents(limit: 100), [], "all acknowledged")
            try requireEqual(try await store.lastEventSequence(), 5, "sequence survives acknowledgement")

            try await store.commit(creation(of: fullTicket(number: 6, ids: &ids), ids: &ids))
            try requireEqual(try await store.undeliveredEvents(limit: 100).map(\.sequence), [6], "next sequence")
        },
        ContractCheck("events keep every field through the store") { store in
            var ids = SeededIdentifierSource(seed: 31)
            let ticket = fullTicket(number: 1, ids: &ids)
            var work = creation(of: ticket, ids: &ids)
            let pending = PendingEvent(
                id: ids.next(),
                event: .watchersChanged(ticket: ticket.id, number: ticket.number, added: ticket.watcherIDs, removed: []),
                performer: .client(name: "Ivan"),
                audience: Audience(employeeIDs: ticket.watcherIDs, groupIDs: [ids.next()], requester: .freeText("Ivan")),
                occurredAt: start.addingTimeInterval(0.5))
            work.events.append(pending)
            try await store.commit(work)
            let stored = try await store.undeliveredEvents(limit: 10)
            try requireEqual(stored.last?.pending, pending, "stored event")
        },
    ]

    static let directoryChecks: [ContractCheck] = [
        ContractCheck("employees, groups and categories are upserted and listed by name") { store in
            var ids = SeededIdentifierSource(seed: 40)
            let support = SupportGroup(id: ids.next(), name: "Support")
            let field = SupportGroup(id: ids.next(), name: "Field engineers")
            var olga = Employee(id: ids.next(), name: "Olga", email: "olga@example.com", groupIDs: [support.id])
            let anna = Employee(id: ids.next(), name: "Anna", email: "anna@example.com", groupIDs: [field.id, support.id])
            let printers = ServiceCategory(id: ids.next(), name: "Printers", defaultGroupID: support.id)
            let network = ServiceCategory(
                id: ids.next(), name: "Network", parentID: printers.id, defaultAssigneeID: anna.id)
            var work = UnitOfWork()
            work.groups = [support, field]
            work.employees = [olga, anna]
            work.categories = [printers, network]
            try await store.commit(work)
            try requireEqual(try await store.employees(), [anna, olga], "employees")
            try requireEqual(try await store.groups(), [field, support], "groups")
            try requireEqual(try await store.categories(), [network, printers], "categories")
            try requireEqual(try await store.employee(anna.id), anna, "employee by id")
            try requireEqual(try await store.group(field.id), field, "group by id")
            try requireEqual(try await store.category(network.id), network, "category by id")

            olga.isActive = false
            var update = UnitOfWork()
            update.employees = [olga]
            try await store.commit(update)
            try requireEqual(try await store.employee(olga.id)?.isActive, false, "deactivated")
            try requireEqual(try await store.employees().count, 2, "no duplicate after upsert")
        }
    ]
}
