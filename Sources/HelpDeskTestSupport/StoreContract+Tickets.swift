import Foundation
import HelpDeskKit

extension StoreContract {
    static let ticketChecks: [ContractCheck] = [
        ContractCheck("allTickets returns every committed ticket in its latest version") { store in
            var ids = SeededIdentifierSource(seed: 90)
            try requireEqual(try await store.allTickets(), [], "empty store")
            var tickets = (1...3).map { fullTicket(number: $0, ids: &ids) }
            for ticket in tickets { try await store.commit(creation(of: ticket, ids: &ids)) }
            tickets[1].title = "Renamed"
            tickets[1].revision = 2
            var work = UnitOfWork()
            work.save(tickets[1], expectedRevision: 1)
            try await store.commit(work)
            let all = try await store.allTickets().sorted { $0.number < $1.number }
            try requireEqual(all, tickets, "all tickets")
        },
        ContractCheck("an empty store has nothing") { store in
            var ids = SeededIdentifierSource(seed: 1)
            let missing: TicketID = ids.next()
            try requireEqual(try await store.ticket(missing), nil, "ticket")
            try requireEqual(try await store.ticket(number: TicketNumber(1)), nil, "ticket by number")
            try requireEqual(try await store.lastTicketNumber(), nil, "last number")
            try requireEqual(try await store.comments(on: missing), [], "comments")
            try requireEqual(try await store.auditTrail(of: missing), [], "audit")
            try requireEqual(try await store.postponedTickets(dueBy: .distantFuture), [], "postponed")
            let page = try await store.tickets(matching: TicketQuery(), workflow: .standard)
            try requireEqual(page.totalCount, 0, "total")
        },
        ContractCheck("a committed ticket reads back equal, by id and by number") { store in
            var ids = SeededIdentifierSource(seed: 2)
            let ticket = fullTicket(number: 7, ids: &ids)
            try await store.commit(creation(of: ticket, ids: &ids))
            try requireEqual(try await store.ticket(ticket.id), ticket, "by id")
            try requireEqual(try await store.ticket(number: ticket.number), ticket, "by number")
            try requireEqual(try await store.lastTicketNumber(), ticket.number, "last number")
            try requireEqual(try await store.comments(on: ticket.id).map(\.body), ["Initial message"], "comments")
            try requireEqual(try await store.auditTrail(of: ticket.id).map(\.field), [.created], "audit")
        },
        ContractCheck("an update with the expected revision replaces the ticket") { store in
            var ids = SeededIdentifierSource(seed: 3)
            var ticket = fullTicket(number: 1, ids: &ids)
            try await store.commit(creation(of: ticket, ids: &ids))
            ticket.title = "Renamed"
            ticket.revision = 2
            var work = UnitOfWork()
            work.save(ticket, expectedRevision: 1)
            try await store.commit(work)
            try requireEqual(try await store.ticket(ticket.id), ticket, "updated ticket")
            try requireEqual(try await store.ticket(number: ticket.number)?.title, "Renamed", "by number")
        },
        ContractCheck("a stale revision is a conflict") { store in
            var ids = SeededIdentifierSource(seed: 4)
            var ticket = fullTicket(number: 1, ids: &ids)
            try await store.commit(creation(of: ticket, ids: &ids))
            let before = try await StoreSnapshot.capture(store)
            ticket.title = "Lost update"
            var work = UnitOfWork()
            work.save(ticket, expectedRevision: 5)
            try await requireStorageError(.conflict) { try await store.commit(work) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "store after conflict")
        },
        ContractCheck("a taken identifier or number is a conflict; a missing ticket cannot be updated") { store in
            var ids = SeededIdentifierSource(seed: 5)
            let ticket = fullTicket(number: 1, ids: &ids)
            try await store.commit(creation(of: ticket, ids: &ids))
            let before = try await StoreSnapshot.capture(store)
            var sameNumber = fullTicket(number: 1, ids: &ids)
            try await requireStorageError(.conflict) { try await store.commit(creation(of: sameNumber, ids: &ids)) }
            var sameID = UnitOfWork()
            sameID.save(ticket, expectedRevision: nil)
            try await requireStorageError(.conflict) { try await store.commit(sameID) }
            sameNumber = fullTicket(number: 2, ids: &ids)
            var missing = UnitOfWork()
            missing.save(sameNumber, expectedRevision: 1)
            try await requireStorageError(.conflict) { try await store.commit(missing) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "store after conflicts")
        },
        ContractCheck("comments and audit entries keep commit order per ticket") { store in
            var ids = SeededIdentifierSource(seed: 6)
            let first = fullTicket(number: 1, ids: &ids)
            let second = fullTicket(number: 2, ids: &ids)
            try await store.commit(creation(of: first, ids: &ids))
            try await store.commit(creation(of: second, ids: &ids))
            for round in 1...5 {
                var work = UnitOfWork()
                for ticket in [second, first] {
                    work.comments.append(
                        Comment(
                            id: ids.next(), ticketID: ticket.id, author: .system, body: "note \(round)",
                            visibility: .internal, createdAt: start.addingTimeInterval(Double(round))))
                    work.auditEntries.append(
                        AuditEntry(
                            id: ids.next(), ticketID: ticket.id, field: .comment, oldValue: nil,
                            newValue: "round \(round)", performer: .system, at: start.addingTimeInterval(Double(round))))
                }
                try await store.commit(work)
            }
            let expected = ["Initial message"] + (1...5).map { "note \($0)" }
            try requireEqual(try await store.comments(on: first.id).map(\.body), expected, "comments of first")
            try requireEqual(try await store.comments(on: second.id).map(\.body), expected, "comments of second")
            let audit = try await store.auditTrail(of: first.id).map { $0.newValue ?? "" }
            try requireEqual(audit, ["#1"] + (1...5).map { "round \($0)" }, "audit of first")
        },
        ContractCheck("postponed tickets are listed when due, earliest first, and leave the list when resumed") {
            store in
            var ids = SeededIdentifierSource(seed: 7)
            var tickets: [Ticket] = []
            for (number, offset) in [(1, 7_200.0), (2, 3_600.0), (3, 3_600.0), (4, 86_400.0)] {
                var ticket = fullTicket(number: number, ids: &ids)
                ticket.status = .postponed
                ticket.postponedUntil = start.addingTimeInterval(offset)
                tickets.append(ticket)
                try await store.commit(creation(of: ticket, ids: &ids))
            }
            let due = try await store.postponedTickets(dueBy: start.addingTimeInterval(7_200))
            try requireEqual(due.map(\.number.rawValue), [2, 3, 1], "due tickets")
            var resumed = tickets[1]
            resumed.postponedUntil = nil
            resumed.status = .inProgress
            resumed.revision = 2
            var work = UnitOfWork()
            work.save(resumed, expectedRevision: 1)
            try await store.commit(work)
            let after = try await store.postponedTickets(dueBy: .distantFuture)
            try requireEqual(after.map(\.number.rawValue), [3, 1, 4], "postponed after resume")
        },
        ContractCheck("tickets needing an SLA look are listed when due, earliest first, and leave when done") {
            store in
            var ids = SeededIdentifierSource(seed: 8)
            var tickets: [Ticket] = []
            for (number, offset) in [(1, 900.0), (2, 300.0), (3, 300.0), (4, 5_000.0), (5, -1.0)] {
                var ticket = fullTicket(number: number, ids: &ids)
                ticket.sla = TicketSLA(
                    policyID: "standard", startedAt: start,
                    reaction: SLAClock(target: .hours(1), dueAt: start.addingTimeInterval(3_600)),
                    nextCheckAt: offset < 0 ? nil : start.addingTimeInterval(offset))
                tickets.append(ticket)
                try await store.commit(creation(of: ticket, ids: &ids))
            }
            let due = try await store.ticketsNeedingSLACheck(dueBy: start.addingTimeInterval(900))
            try requireEqual(due.map(\.number.rawValue), [2, 3, 1], "due tickets")
            var checked = tickets[1]
            checked.sla?.nextCheckAt = start.addingTimeInterval(10_000)
            checked.revision = 2
            var work = UnitOfWork()
            work.save(checked, expectedRevision: 1)
            try await store.commit(work)
            let later = try await store.ticketsNeedingSLACheck(dueBy: start.addingTimeInterval(9_999))
            try requireEqual(later.map(\.number.rawValue), [3, 1, 4], "after a check moved on")
            try requireEqual(later.first?.sla, tickets[2].sla, "SLA state round-trips")
        },
    ]
}
