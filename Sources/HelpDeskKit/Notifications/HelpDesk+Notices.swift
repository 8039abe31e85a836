import Foundation
import Templating

/// A notice a command asked for, rendered once the ticket is final.
struct NoticeRequest: Hashable, Sendable {
    /// Why it is sent.
    var purpose: NoticePurpose
    /// What it says.
    var template: NoticeTemplate
    /// To whom.
    var recipient: NoticeRecipient
    /// The rule that asked for it, if any (for `{{rule.name}}` and the audit).
    var rule: String?
    /// The rating it is about, if any (for `{{rating.score}}` and `{{rating.comment}}`).
    var rating: Rating?
}

/// The loop-protection logs one unit of work reads and extends.
struct NoticeLogBook {
    /// Each log read, as it will be written, with the revision it was read at.
    private var logs: [String: (log: NoticeLog, expected: Int?)] = [:]
    /// Keys whose logs gained a send.
    private var touched: [String] = []

    /// The log of `key`: from an earlier write in `work`, else from the store, else new.
    mutating func log(_ key: String, in desk: isolated HelpDesk, work: UnitOfWork, horizon: Date) async throws(HelpDeskError)
        -> NoticeLog
    {
        if let known = logs[key] { return known.log }
        var entry: (log: NoticeLog, expected: Int?)
        if let written = work.noticeLogWrites.first(where: { $0.log.key == key }) {
            entry = (written.log, written.expectedRevision)
        } else if let repository = try desk.optionalFeature((any NoticeLogRepository).self),
            let stored = try await desk.storage({ try await repository.noticeLog(key) })
        {
            entry = (stored, stored.revision)
        } else {
            entry = (NoticeLog(key: key, sentAt: [], revision: 0), nil)
        }
        entry.log.sentAt.removeAll { $0 <= horizon }
        logs[key] = entry
        return entry.log
    }

    /// Records a send at `instant` in the logs of `keys`.
    mutating func record(_ instant: Date, in keys: [String]) {
        for key in keys {
            logs[key]?.log.sentAt.append(instant)
            if !touched.contains(key) { touched.append(key) }
        }
    }

    /// Writes the logs that gained a send into `work`, replacing earlier writes of the same logs.
    func write(into work: inout UnitOfWork) {
        for key in touched {
            guard let entry = logs[key] else { continue }
            var log = entry.log
            log.revision = (entry.expected ?? 0) + 1
            work.noticeLogWrites.removeAll { $0.log.key == key }
            work.noticeLogWrites.append(NoticeLogWrite(log: log, expectedRevision: entry.expected))
        }
    }
}

extension HelpDesk {
    /// Renders `requests` about `ticket` into `noticeSent` events in `work`: one per client (rendered
    /// from what that client may see) and one per staff audience. Loop protection and robot
    /// addresses suppress client notices; returns why each suppressed notice was not sent.
    func send(
        _ requests: [NoticeRequest], about ticket: Ticket, adding comments: [Comment], by performer: Performer,
        at instant: Date, into work: inout UnitOfWork
    ) async throws(HelpDeskError) -> [String] {
        guard !requests.isEmpty else { return [] }
        let protection = configuration.notifications.loopProtection
        let horizon = instant.addingTimeInterval(-protection.horizon)
        var book = NoticeLogBook()
        var suppressed: [String] = []
        let ticketKey = "ticket:\(ticket.id)"
        for request in requests {
            let what = request.rule.map { "notice of rule «\($0)»" } ?? "\(request.purpose) notice"
            let ticketLog = try await book.log(ticketKey, in: self, work: work, horizon: horizon)
            switch request.recipient.reader {
            case .staff:
                let audience = try await staffAudience(request.recipient, of: ticket)
                guard !audience.employeeIDs.isEmpty || !audience.groupIDs.isEmpty else { continue }
                guard LoopProtection.allows(ticketLog.sentAt, at: instant, within: protection.perTicket) else {
                    suppressed.append("\(what) not sent: the ticket's notice limit is reached")
                    continue
                }
                let values = try await staffNoticeValues(of: ticket, rule: request.rule, rating: request.rating)
                append(render(request, .staff, values), to: audience, about: ticket, by: performer, at: instant, into: &work)
                book.record(instant, in: [ticketKey])
            case .client:
                guard !work.notes.answersRobot else {
                    suppressed.append("\(what) not sent: the client's message came from a robot")
                    continue
                }
                // A client who changed the status themselves is not told of it.
                for client in try await clients(request.recipient, of: ticket)
                where request.purpose != .statusChange || client.performer != performer {
                    guard let key = try await recipientKey(of: client) else {
                        suppressed.append("\(what) not sent: the client's address is a robot's")
                        continue
                    }
                    guard let values = try await clientNoticeValues(of: ticket, for: client, adding: comments) else {
                        continue
                    }
                    let ticketSends = try await book.log(ticketKey, in: self, work: work, horizon: horizon).sentAt
                    let clientSends = try await book.log(key, in: self, work: work, horizon: horizon).sentAt
                    guard LoopProtection.allows(ticketSends, at: instant, within: protection.perTicket),
                        LoopProtection.allows(clientSends, at: instant, within: protection.perRecipient)
                    else {
                        suppressed.append("\(what) not sent: loop protection limit reached")
                        continue
                    }
                    let audience =
                        client == ticket.requester
                        ? Audience(requester: client)
                        : Audience(contactIDs: Self.contactIDs(of: client))
                    append(render(request, .client, values), to: audience, about: ticket, by: performer, at: instant, into: &work)
                    book.record(instant, in: [ticketKey, key])
                }
            }
        }
        book.write(into: &work)
        return suppressed
    }

    /// `request` rendered with `values` for `reader`.
    private func render(_ request: NoticeRequest, _ reader: NoticeReader, _ values: TemplateValues) -> Notice {
        Notice(
            purpose: request.purpose, reader: reader, subject: request.template.subject.render(values),
            text: request.template.body.render(values), html: request.template.body.render(values, escaping: .html))
    }

    /// Adds `notice` as an outbox event for `audience`.
    private func append(
        _ notice: Notice, to audience: Audience, about ticket: Ticket, by performer: Performer, at instant: Date,
        into work: inout UnitOfWork
    ) {
        work.events.append(
            PendingEvent(
                id: nextID(), event: .noticeSent(ticket: ticket.id, number: ticket.number, notice: notice),
                performer: performer, audience: audience, occurredAt: instant))
    }

    /// The clients `recipient` names on `ticket`: the requester, then the copied contacts.
    private func clients(_ recipient: NoticeRecipient, of ticket: Ticket) async throws(HelpDeskError) -> [Requester] {
        switch recipient {
        case .requester: [ticket.requester]
        case .clients: [ticket.requester] + ticket.ccContactIDs.map(Requester.contact).filter { $0 != ticket.requester }
        default: []
        }
    }

    /// The employees and groups `recipient` names on `ticket` (inactive employees left out).
    func staffAudience(_ recipient: NoticeRecipient, of ticket: Ticket) async throws(HelpDeskError) -> Audience {
        var ids: [EmployeeID]
        switch recipient {
        case .assignee: ids = ticket.assigneeID.map { [$0] } ?? []
        case .watchers: ids = ticket.watcherIDs
        case .group: return Audience(groupIDs: ticket.groupID.map { [$0] } ?? [])
        case .groupLead:
            guard let group = ticket.groupID else { return Audience() }
            ids = try await groupLead(of: group)
        case .employees(let named): ids = named
        case .requester, .clients: ids = []
        }
        var active: [EmployeeID] = []
        for id in Set(ids).sorted() where try await storage({ try await store.employee(id) })?.isActive == true {
            active.append(id)
        }
        return Audience(employeeIDs: active)
    }

    /// The contact behind `client`, as a list.
    private static func contactIDs(of client: Requester) -> [ContactID] {
        if case .contact(let id) = client { [id] } else { [] }
    }

    /// The lead of `group` (its ``GroupRouting/lead``), if it has one.
    func groupLead(of group: GroupID) async throws(HelpDeskError) -> [EmployeeID] {
        try await routing(of: group)?.lead.map { [$0] } ?? []
    }

    /// The key that counts notices to `client`: its email address when it has one; `nil` when
    /// that address belongs to a robot (no-reply, mailer daemon) and must never be written to.
    private func recipientKey(of client: Requester) async throws(HelpDeskError) -> String? {
        switch client {
        case .freeText(let name): return "recipient:client:\(name.lowercased())"
        case .contact(let id):
            guard let email = try await storage({ try await companyStore.contact(id) })?.email, !email.isEmpty else {
                return "recipient:contact:\(id)"
            }
            return LoopProtection.isRobotAddress(email) ? nil : "recipient:\(email.lowercased())"
        }
    }
}
