import Foundation
import Templating

extension HelpDesk {
    /// The values a client template renders with: only what `recipient` sees of `ticket` in the
    /// portal (client status label, a category clients may see, public replies, the promised
    /// resolution); `nil` when the recipient may not read the ticket. `comments` are those the
    /// command adds, not yet stored.
    func clientNoticeValues(of ticket: Ticket, for recipient: Requester, adding comments: [Comment])
        async throws(HelpDeskError) -> TemplateValues?
    {
        switch recipient {
        case .freeText:
            guard recipient == ticket.requester else { return nil }
        case .contact:
            guard let principal = try? await principal(for: recipient.performer),
                (try? authorize(principal, AccessRequest(.readTicket, ticket: ticket))) != nil
            else { return nil }
        }
        var names = PortalNames()
        var values = try await sharedNoticeValues(of: ticket, names: &names)
        let name = try await names.requester(recipient, in: self)
        values["recipient.name"] = name.isEmpty ? nil : name
        values["recipient.firstName"] = name.split(separator: " ").first.map(String.init)
        if let category = ticket.categoryID, let record = try await storage({ try await store.category(category) }),
            record.isVisibleToClients
        {
            values["ticket.category"] = record.name
        }
        let stored = ticket.revision > 1 ? try await storage { try await store.comments(on: ticket.id) } : []
        if let reply = (stored + comments).last(where: { $0.visibility == .public && !$0.author.isClient }) {
            values["ticket.lastReply"] = reply.body
        }
        return values
    }

    /// The values a staff template renders with: the client's (without `recipient.*`) and what
    /// employees see — priority, channel, agent status, group, assignee, breached SLA clocks.
    func staffNoticeValues(of ticket: Ticket, rule: String? = nil, rating: Rating? = nil) async throws(HelpDeskError)
        -> TemplateValues
    {
        var names = PortalNames()
        var values = try await sharedNoticeValues(of: ticket, names: &names)
        values["ticket.priority"] = "\(ticket.priority)"
        values["ticket.channel"] = "\(ticket.channel)"
        values["ticket.requester"] = try await names.requester(ticket.requester, in: self)
        values["ticket.agentStatus"] = workflow.status(ticket.status)?.agentLabel ?? ticket.status.rawValue
        if let category = ticket.categoryID, let record = try await storage({ try await store.category(category) }) {
            values["ticket.category"] = record.name
        }
        if let group = ticket.groupID { values["ticket.group"] = try await storage { try await store.group(group) }?.name }
        if let assignee = ticket.assigneeID {
            values["ticket.assignee"] = try await names.author(.employee(assignee), in: self)
        }
        if let sla = ticket.sla {
            let breached = SLAClockKind.allCases.filter { sla[$0]?.breachedAt != nil }.map { "\($0)" }
            values["sla.breachedClocks"] = breached.isEmpty ? nil : breached.joined(separator: ", ")
        }
        values["rule.name"] = rule
        values["rating.score"] = rating.map { "\($0.score)" }
        values["rating.comment"] = rating?.comment.flatMap { $0.isEmpty ? nil : $0 }
        return values.nonEmpty
    }

    /// The values every reader may see.
    private func sharedNoticeValues(of ticket: Ticket, names: inout PortalNames) async throws(HelpDeskError)
        -> TemplateValues
    {
        var values: TemplateValues = [
            "ticket.number": ticket.number.description, "ticket.title": ticket.title,
            "ticket.status": clientStatus(of: ticket).label, "desk.name": configuration.notifications.deskName,
        ]
        values["ticket.createdAt"] = try await clientDate(ticket.createdAt, of: ticket)
        values["ticket.description"] = ticket.description
        values["ticket.location"] = try await names.location(ticket.locationID, in: self)
        if let company = ticket.companyID {
            values["company.name"] = try await storage { try await companyStore.company(company) }?.name
        }
        if let due = ticket.sla?.resolution, due.stoppedAt == nil {
            values["ticket.dueAt"] = try await clientDate(due.dueAt, of: ticket)
        }
        return values.nonEmpty
    }
}

extension TemplateValues {
    /// The values without empty strings, so a template's fallback shows instead of nothing.
    var nonEmpty: TemplateValues { TemplateValues(byPath.filter { !$0.value.isEmpty }) }
}
