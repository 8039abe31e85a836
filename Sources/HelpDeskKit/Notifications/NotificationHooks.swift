import Foundation

extension Capability {
    /// Notifications: receipts, status notices and rules' notices rendered from templates into the
    /// outbox in the same unit of work, under loop protection.
    static let notifications = Capability(
        name: "notifications", tables: NotificationTables.self, ticketHooks: [.notices])
}

extension TicketHook {
    /// Renders the notices a ticket change asks for: the receipt of a ticket registered by email or
    /// portal, the status-change notice when configured, and those the rules asked for.
    static let notices = TicketHook(
        name: "notices",
        willCommit: { desk, edit, ticket, work throws(HelpDeskError) in
            try await desk.sendNotices(
                desk.builtInNotices(for: edit, ticket: ticket) + edit.noticeRequests, about: ticket,
                adding: edit.comments, by: edit.performer, at: edit.at, into: &work)
        })
}

extension HelpDesk {
    /// Sends `requests` (``send(_:about:adding:by:at:into:)``) and audits each notice loop
    /// protection held back, so the ticket's history says why the client heard nothing.
    func sendNotices(
        _ requests: [NoticeRequest], about ticket: Ticket, adding comments: [Comment] = [], by performer: Performer,
        at instant: Date, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        let suppressed = try await send(
            requests, about: ticket, adding: comments, by: performer, at: instant, into: &work)
        for reason in suppressed {
            work.auditEntries.append(
                AuditEntry(
                    id: nextID(), ticketID: ticket.id, field: .automation, oldValue: nil, newValue: reason,
                    performer: performer, at: instant))
        }
    }

    /// The receipt a new ticket gets under the desk's settings.
    nonisolated func receipt(for ticket: Ticket) -> [NoticeRequest] {
        let settings = configuration.notifications
        guard let receipt = settings.receipt, settings.receiptChannels.contains(ticket.channel) else { return [] }
        return [NoticeRequest(purpose: .receipt, template: receipt, recipient: .requester)]
    }

    /// The receipt and status-change notices `edit` calls for under the desk's settings.
    nonisolated func builtInNotices(for edit: TicketEdit, ticket: Ticket) -> [NoticeRequest] {
        let settings = configuration.notifications
        var requests: [NoticeRequest] = []
        for event in edit.events {
            switch event {
            case .ticketCreated:
                requests += receipt(for: ticket)
            case .statusChanged(_, _, _, let to):
                guard let template = settings.statusChange, !edit.events.contains(where: \.explainsStatusChange),
                    let category = workflow.category(of: to), settings.statusChangeCategories.contains(category)
                else { continue }
                requests.append(NoticeRequest(purpose: .statusChange, template: template, recipient: .clients))
            default:
                continue
            }
        }
        return requests
    }
}
