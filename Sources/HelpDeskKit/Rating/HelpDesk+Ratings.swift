import Foundation

extension HelpDesk {
    /// The store's rating repository.
    var ratingStore: any RatingRepository {
        get throws(HelpDeskError) { try feature((any RatingRepository).self) }
    }

    /// Keeps rating requests in step with a ticket edit (called by `record(_:into:)`).
    ///
    /// Entering a `resolved` status withdraws any open request of the ticket and issues a new one
    /// with a fresh token and a `ratingRequested` event for the requester. Leaving `resolved` for
    /// anything but a `closed` status (reopening, cancelling) withdraws the open request. A
    /// resolved ticket that is closed keeps its request, so the client can still rate it.
    func syncRatingRequests(_ edit: TicketEdit, ticket: Ticket, into work: inout UnitOfWork) async throws(HelpDeskError)
    {
        guard let settings = configuration.ratings else { return }
        let before = workflow.category(of: edit.original.status)
        let after = workflow.category(of: ticket.status)
        let entersResolved = after == .resolved && before != .resolved
        let leavesResolved = before == .resolved && after != .resolved && after != .closed
        guard entersResolved || leavesResolved else { return }
        let ratingStore = try self.ratingStore
        for var open in try await storage({ try await ratingStore.ratingRequests(of: ticket.id) })
        where open.withdrawnAt == nil {
            guard try await storage({ try await ratingStore.rating(forRequest: open.id) }) == nil else { continue }
            open.withdrawnAt = edit.at
            work.ratingRequests.append(open)
        }
        guard entersResolved else { return }
        let token = RatingToken.draw(from: &random)
        let request = RatingRequest(
            id: nextID(), token: token, ticketID: ticket.id, ticketNumber: ticket.number, requester: ticket.requester,
            issuedAt: edit.at, expiresAt: edit.at.addingTimeInterval(settings.requestLifetime))
        work.ratingRequests.append(request)
        let event = DomainEvent.ratingRequested(
            ticket: ticket.id, number: ticket.number, request: request.id, token: token, expiresAt: request.expiresAt)
        work.events.append(
            PendingEvent(
                id: nextID(), event: event, performer: edit.performer, audience: Audience(requester: ticket.requester),
                occurredAt: edit.at))
    }

    /// Records the client's score for the resolution the token was issued for.
    ///
    /// The score must be on the configured scale (``RatingConfiguration/scale``), the comment at
    /// most ``HelpDeskConfiguration/maximumTextLength`` characters (blank counts as none). The
    /// token must be known, unexpired, not withdrawn and not used. The rating keeps the ticket's
    /// assignee and group of this moment; it is audited on the ticket (performed by the requester),
    /// raises `ticketRated` for the assignee, watchers (and group while unassigned) and, for a low
    /// score, `lowRatingReceived` for the escalation recipients. Closed tickets can still be rated.
    public func rate(token: RatingToken, score: Int, comment: String? = nil, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> Rating
    {
        try await perform(by: .system, command: "rate", key: idempotencyKey, inputs: [token, score, comment]) {
            context throws(HelpDeskError) in
            let remark = try validatedRating(score: score, comment: comment)
            let ratingStore = try self.ratingStore
            guard let request = try await storage({ try await ratingStore.ratingRequest(token: token) }) else {
                throw .ratingTokenUnknown
            }
            let now = clock.now()
            if try await storage({ try await ratingStore.rating(forRequest: request.id) }) != nil {
                throw .ratingTokenUsed(request.ticketNumber)
            }
            if request.withdrawnAt != nil { throw .ratingTokenWithdrawn(request.ticketNumber) }
            if now >= request.expiresAt {
                throw .ratingTokenExpired(request.ticketNumber, expiredAt: request.expiresAt)
            }
            let ticket = try await loadTicket(request.ticketID)
            return try await recordRating(
                score, remark: remark, answering: request, on: ticket, by: request.requester.performer, at: now,
                into: &context.work)
        }
    }

    /// Records the score of the ticket's requester, signed in (the portal), for its latest
    /// resolution: as ``rate(token:score:comment:idempotencyKey:)``, without the token. Needs
    /// ``AccessAction/rateTicket`` (the standard policy: the contact who requested the ticket) and
    /// an open rating request (``HelpDeskError/ratingNotRequested(_:)`` otherwise).
    public func rate(
        _ ticketID: TicketID, score: Int, comment: String? = nil, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Rating {
        try await perform(
            by: performer, command: "rateTicket", key: idempotencyKey, inputs: [ticketID, score, comment]
        ) { context throws(HelpDeskError) in
            let ticket = try await loadTicket(ticketID)
            try authorize(context.principal, .rateTicket, on: ticket)
            let remark = try validatedRating(score: score, comment: comment)
            let ratingStore = try self.ratingStore
            let now = clock.now()
            var open: RatingRequest?
            for request in try await storage({ try await ratingStore.ratingRequests(of: ticketID) }).reversed()
            where request.withdrawnAt == nil && now < request.expiresAt {
                if try await storage({ try await ratingStore.rating(forRequest: request.id) }) == nil { open = request }
                break
            }
            guard let open else { throw .ratingNotRequested(ticket.number) }
            return try await recordRating(
                score, remark: remark, answering: open, on: ticket, by: context.performer, at: now, into: &context.work)
        }
    }

    /// The remark of a valid score (blank counts as none); throws for a score off the scale or an
    /// over-long comment.
    private func validatedRating(score: Int, comment: String?) throws(HelpDeskError) -> String? {
        let settings = configuration.ratings ?? .standard
        guard settings.scale.contains(score) else {
            throw .invalidInput(field: "score", problem: .outOfRange(settings.scale))
        }
        let remark = comment.flatMap { $0.isBlank ? nil : $0 }
        if let remark { try Validate.length(remark, atMost: configuration.maximumTextLength, field: "comment") }
        return remark
    }

    /// Adds the rating answering `request`, its audit entry and events (performed by `performer`) to `work`.
    private func recordRating(
        _ score: Int, remark: String?, answering request: RatingRequest, on ticket: Ticket, by performer: Performer,
        at now: Date, into work: inout UnitOfWork
    ) async throws(HelpDeskError) -> Rating {
        let settings = configuration.ratings ?? .standard
        let rating = Rating(
            id: nextID(), requestID: request.id, ticketID: ticket.id, ticketNumber: ticket.number, score: score,
            scale: settings.scale, comment: remark, assigneeID: ticket.assigneeID, groupID: ticket.groupID,
            requester: request.requester, ratedAt: now)
        work.ratings.append(rating)
        work.auditEntries.append(
            AuditEntry(
                id: nextID(), ticketID: ticket.id, field: .rating, oldValue: nil,
                newValue: "\(score)/\(settings.scale.upperBound)" + (remark.map { " \($0)" } ?? ""),
                performer: performer, at: now))
        let rated = DomainEvent.ticketRated(ticket: ticket.id, number: ticket.number, rating: rating.id, score: score)
        work.events.append(
            PendingEvent(
                id: nextID(), event: rated, performer: performer,
                audience: audience(of: rated, on: ticket, performer: performer), occurredAt: now))
        if settings.isLow(score) {
            let low = DomainEvent.lowRatingReceived(
                ticket: ticket.id, number: ticket.number, rating: rating.id, score: score, assignee: ticket.assigneeID)
            work.events.append(
                PendingEvent(
                    id: nextID(), event: low, performer: performer,
                    audience: Audience(employeeIDs: settings.escalationRecipientIDs), occurredAt: now))
            if let template = configuration.notifications.lowRating, !settings.escalationRecipientIDs.isEmpty {
                let alert = NoticeRequest(
                    purpose: .lowRating, template: template, recipient: .employees(settings.escalationRecipientIDs),
                    rating: rating)
                try await sendNotices([alert], about: ticket, by: performer, at: now, into: &work)
            }
        }
        return rating
    }

    /// The request carrying `token` (e.g. to show the ticket on a rating page), or ``HelpDeskError/ratingTokenUnknown``.
    public func ratingRequest(token: RatingToken) async throws(HelpDeskError) -> RatingRequest {
        let ratingStore = try self.ratingStore
        guard let request = try await storage({ try await ratingStore.ratingRequest(token: token) }) else {
            throw .ratingTokenUnknown
        }
        return request
    }

    /// Every rating request issued for a ticket, oldest first.
    public func ratingRequests(of id: TicketID, as viewer: Performer) async throws(HelpDeskError) -> [RatingRequest] {
        try await internalTicket(id, as: viewer)
        let ratingStore = try self.ratingStore
        return try await storage { try await ratingStore.ratingRequests(of: id) }
    }

    /// Every rating of a ticket, oldest first.
    public func ratings(of id: TicketID, as viewer: Performer) async throws(HelpDeskError) -> [Rating] {
        try await internalTicket(id, as: viewer)
        let ratingStore = try self.ratingStore
        return try await storage { try await ratingStore.ratings(of: id) }
    }

    /// Ratings given in the half-open `period` on tickets whose internals the viewer may read,
    /// oldest first (for reports).
    public func ratings(ratedIn period: Range<Date>, as viewer: Performer) async throws(HelpDeskError) -> [Rating] {
        let principal = try await authorize(viewer, .readInternal)
        try Validate.period(period, field: "period")
        let ratingStore = try self.ratingStore
        let ratings = try await storage { try await ratingStore.ratings(ratedIn: period) }
        return try await internalRecords(ratings, on: \.ticketID, for: principal)
    }

    /// Ratings given in `period` on tickets `employee` was assigned to at the time.
    public func ratings(ofAssignee employee: EmployeeID, ratedIn period: Range<Date>, as viewer: Performer)
        async throws(HelpDeskError) -> [Rating]
    {
        let principal = try await authorize(viewer, .readInternal)
        try Validate.period(period, field: "period")
        _ = try await loadEmployee(employee, mustBeActive: false)
        let ratingStore = try self.ratingStore
        let ratings = try await storage { try await ratingStore.ratings(ofAssignee: employee, ratedIn: period) }
        return try await internalRecords(ratings, on: \.ticketID, for: principal)
    }
}
