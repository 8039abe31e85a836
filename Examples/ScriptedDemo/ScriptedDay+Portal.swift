import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// 17:30: what a client sees in the portal, what it may not see, and a letter delivered twice.
    mutating func portalAndRetry() async throws(HelpDeskError) {
        guard let login = tickets.login else { return }
        let clients = demo.clients
        at(17, 30)
        let anna = Performer.contact(clients.anna.id)
        let ticket = try await desk.ticket(login, as: anna)
        let all = try await desk.comments(on: login, as: .system)
        let shown = try await desk.comments(on: login, as: anna)
        let listed = try await desk.tickets(matching: TicketQuery(limit: 100), as: anna)
        say("\(clients.anna.name) opens the client portal: her list shows \(listed.totalCount) ticket(s)")
        then(
            "on \(ticket.number) she reads \(shown.count) of \(all.count) comments: internal notes never reach a client"
        )
        do {
            _ = try await desk.auditTrail(of: login, as: anna)
            then("WARNING: the audit trail was shown to a client")
        } catch {
            then("the audit trail is staff-only: \(error.code)")
        }
        let tom = Performer.contact(clients.tom.id)
        do {
            _ = try await desk.ticket(login, as: tom)
            then("WARNING: another company's contact read \(ticket.number)")
        } catch {
            then("\(clients.tom.name) of Northwind asks for \(ticket.number): \(error.code), as if it did not exist")
        }

        guard let mailed else { return }
        let before = try await desk.undeliveredEvents(limit: 10_000, as: .system).count
        let again = try await desk.createTicket(mailed.request, by: mailed.performer, idempotencyKey: mailed.messageID)
        let after = try await desk.undeliveredEvents(limit: 10_000, as: .system).count
        say("the mail gateway delivers Anna's 08:42 letter again (message ID \(mailed.messageID))")
        then(
            after == before
                ? "the engine answers \(again.number) again: no second ticket, nothing new in the outbox"
                : "WARNING: the repeated letter changed the desk")
        pause()
    }
}
