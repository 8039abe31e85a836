import Foundation

/// The message a client receives about an outbox event: what a host sends by email, SMS or push.
///
/// Built by ``HelpDesk/clientNotices(for:as:)`` from client-visible data only — the ticket's
/// number and title, the workflow's client label, public comments, client prices, the rating
/// code — so no internal note, agent label, employee detail or other company's record can reach it.
public struct ClientNotice: Hashable, Sendable {
    /// Who receives it: the ticket's requester or a contact copied on it.
    public var recipient: Requester
    /// The ticket it is about.
    public var ticketNumber: TicketNumber
    /// A one-line subject.
    public var subject: String
    /// The text.
    public var body: String
}

extension HelpDesk {
    /// The clients' messages for `event`: one per client in its audience (the requester, then the
    /// copied contacts) who may still read the ticket; none when the event concerns something
    /// clients do not see. Needs ``AccessAction/deliverEvents``.
    public func clientNotices(for event: OutboxEvent, as viewer: Performer) async throws(HelpDeskError)
        -> [ClientNotice]
    {
        _ = try await authorize(viewer, .deliverEvents)
        var notices: [ClientNotice] = []
        for recipient in event.audience.clients {
            if let notice = try await clientNotice(for: event.event, to: recipient) { notices.append(notice) }
        }
        return notices
    }

    /// The message to `recipient` about `event`, rendered from the ticket as that client sees it;
    /// `nil` when the client may not read the ticket or the event is not for clients.
    private func clientNotice(for event: DomainEvent, to recipient: Requester) async throws(HelpDeskError)
        -> ClientNotice?
    {
        guard let id = event.ticketID, let ticket = try await storage({ try await store.ticket(id) }),
            let principal = try? await principal(for: recipient.performer),
            (try? authorize(principal, AccessRequest(.readTicket, ticket: ticket))) != nil
        else { return nil }
        let subject = "[\(ticket.number)] \(ticket.title)"
        func notice(_ body: String) -> ClientNotice {
            ClientNotice(recipient: recipient, ticketNumber: ticket.number, subject: subject, body: body)
        }
        let whose = ticket.requester == recipient ? "Your request" : "Request"
        let request = "\(whose) \(ticket.number) \u{201C}\(ticket.title)\u{201D}"
        switch event {
        case .noticeSent(_, _, let rendered):
            // Rendered for this client from what they may see when it was decided.
            guard rendered.reader == .client else { return nil }
            return ClientNotice(
                recipient: recipient, ticketNumber: ticket.number, subject: rendered.subject, body: rendered.text)
        case .ticketCreated:
            return notice("\(request) is registered. We will keep you informed here.")
        case .statusChanged, .returnedToWork:
            return notice("\(request) is now: \(clientStatus(of: ticket).label).")
        case .ticketReopened:
            return notice("\(request) is open again: \(clientStatus(of: ticket).label).")
        case .ticketPostponed(_, _, let until):
            let date = try await clientDate(until, of: ticket)
            return notice("Work on \(request.lowercasedFirst) is postponed until \(date).")
        case .commentAdded(_, _, let commentID, let visibility):
            guard visibility == .public,
                let comment = try await storage({ try await store.comments(on: id) }).first(where: {
                    $0.id == commentID
                }),
                comment.visibility == .public
            else { return nil }
            var names = PortalNames()
            let author = try await names.author(comment.author, in: self)
            return notice("\(author) replied on \(request.lowercasedFirst):\n\n\(comment.body)")
        case .ticketsMerged(let source, _, _, let targetNumber) where source == ticket.id:
            return notice("\(request) continues as request \(targetNumber); follow it there.")
        case .ratingRequested(_, _, _, let token, let expiresAt):
            let date = try await clientDate(expiresAt, of: ticket)
            return notice("\(request) is resolved. How did we do? Rate us with code \(token.rawValue) until \(date).")
        case .paidWorkApproval(_, _, _, let decision):
            let approves = (try? authorize(principal, AccessRequest(.approvePaidWork, ticket: ticket))) != nil
            return try await paidWorkNotice(decision, on: ticket, request: request, approves: approves).map(notice)
        default:
            return nil
        }
    }

    /// The approval step in the client's words, with the charged total when approval is asked:
    /// asking for the recipient's approval when it `approves`, telling the others it awaits it.
    private func paidWorkNotice(_ decision: ApprovalDecision, on ticket: Ticket, request: String, approves: Bool)
        async throws(HelpDeskError) -> String?
    {
        switch decision {
        case .approved: return "The paid work on \(request.lowercasedFirst) is approved. Thank you."
        case .declined: return "The paid work on \(request.lowercasedFirst) is declined; we will get back to you."
        case .requested:
            guard let billing = try optionalFeature((any BillingRepository).self),
                let specification = try await storage({ try await billing.specification(of: ticket.id) })
            else { return nil }
            let work = try Self.paidWork(specification)
            let lines = work.lines.filter { !$0.isIncludedInContract }.map { "- \($0.description): \($0.total)" }
            let total = work.chargedTotals.map(\.description).joined(separator: " + ")
            let asked = approves ? "needs your approval" : "awaits your company's approval"
            return "The paid work on \(request.lowercasedFirst) \(asked) (total \(total)):\n"
                + lines.joined(separator: "\n")
        }
    }

    /// `instant` as the client reads it: in the time zone of the ticket's location, else of its SLA calendar, else UTC.
    func clientDate(_ instant: Date, of ticket: Ticket) async throws(HelpDeskError) -> String {
        // Without a location, the zone of the ticket's SLA calendar (the desk's hours), else UTC.
        var zone = ticket.sla.flatMap { configuration.sla.policies[$0.policyID]?.calendar.timeZone } ?? .gmt
        if let id = ticket.locationID, let location = try await storage({ try await companyStore.location(id) }) {
            zone = TimeZone(identifier: location.timeZoneIdentifier) ?? .gmt
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        let date = "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
        return "\(date) (\(zone.identifier))"
    }
}

extension String {
    /// The string with its first character lower-cased ("Your request" → "your request").
    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
