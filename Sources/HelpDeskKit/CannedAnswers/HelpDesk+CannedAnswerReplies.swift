import Foundation
import Templating

extension HelpDesk {
    /// Renders a canned answer `viewer` may use for a ticket they may read, without saving
    /// anything: what ``answerWithCannedAnswer(_:on:extraText:attachments:citing:expectedRevision:by:idempotencyKey:)``
    /// would insert now. Needs ``AccessAction/readInternalKnowledge``.
    public func previewCannedAnswer(_ id: CannedAnswerID, for ticketID: TicketID, as viewer: Performer)
        async throws(HelpDeskError) -> CannedAnswerPreview
    {
        let (ticket, principal) = try await visibleTicket(ticketID, as: viewer)
        try authorize(principal, AccessRequest(.readInternalKnowledge, ticket: ticket))
        let answer = try await usableAnswer(id, principal)
        return try await render(answer, for: ticket, by: viewer)
    }

    /// Inserts a canned answer into a ticket as a comment by `performer`, rendered from the ticket
    /// as it stands, through the normal comment path in one unit of work: the same permission
    /// (``AccessAction/replyPublicly`` or ``AccessAction/writeInternalNote`` on the ticket), first
    /// response and SLA stamps, rules, notices and events as any reply; then the answer's status,
    /// when it has one. `extraText` follows the rendered text after a blank line; `citing` names
    /// knowledge-base articles the comment cites (a public reply only what the requester may read). With
    /// `expectedRevision` (from a preview), an answer changed since is refused; the unit commits only
    /// while the answer is still active at the revision it was rendered from.
    public func answerWithCannedAnswer(
        _ id: CannedAnswerID, on ticketID: TicketID, extraText: String? = nil, attachments: [Attachment] = [],
        citing citations: [KnowledgeArticleID] = [], expectedRevision: Int? = nil, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Comment {
        if let extraText { try Validate.length(extraText, atMost: configuration.maximumTextLength, field: "extraText") }
        try Validate.attachments(attachments)
        try await requireUploaded(attachments)
        try validateCitations(citations)
        return try await perform(
            by: performer, editing: [ticketID], command: "answerWithCannedAnswer", key: idempotencyKey,
            inputs: [id, ticketID, extraText, attachments, citations, expectedRevision]
        ) { context throws(HelpDeskError) in
            let principal = context.principal
            // The answer's visibility decides the permission on the ticket; the answer is read
            // again under the ticket's edit, after the ticket check, so nothing about an answer or
            // a ticket leaks to someone who may not read the ticket.
            let visibility = try await loadCannedAnswer(id).definition.visibility
            var used: CannedAnswer?
            var added: Comment?
            let ticket = try await edit(
                ticketID, in: &context, for: visibility == .internal ? .writeInternalNote : .replyPublicly
            ) {
                edit throws(HelpDeskError) in
                try authorize(principal, AccessRequest(.readInternalKnowledge, ticket: edit.ticket))
                let answer = try await usableAnswer(id, principal)
                if let expectedRevision, expectedRevision != answer.revision {
                    throw .cannedAnswerChanged(id, revision: answer.revision)
                }
                if answer.definition.visibility != visibility {
                    // Changed in between: decide again with the permission its new visibility needs.
                    throw .storage(StorageError(.conflict, "canned answer \(id) changed its visibility"))
                }
                var body = try await render(answer, for: edit.ticket, by: performer).text
                if let extraText, !extraText.isBlank { body += "\n\n" + extraText }
                let request = NewComment(body, visibility: visibility, attachments: attachments, citations: citations)
                try check(request, by: performer)
                try addComment(request, to: ticketID, by: performer, in: &edit)
                added = edit.comments.last
                used = answer
                if let status = answer.definition.setStatus, edit.ticket.status != status {
                    guard workflow.status(status) != nil else { throw .unknownStatus(status) }
                    guard workflow.allows(from: edit.ticket.status, to: status) else {
                        throw .transitionNotAllowed(ticket: edit.ticket.number, from: edit.ticket.status, to: status)
                    }
                    edit.move(to: status, workflow: workflow)
                }
            }
            guard let answer = used, let added else { throw .invalidInput(field: "body", problem: .blank) }
            try await recordCitations(citations, of: added, on: ticket, by: principal, into: &context.work)
            context.work.cannedAnswerUses = [CannedAnswerUse(id: answer.id, revision: answer.revision)]
            return added
        }
    }

    /// The active answer `id` if `principal` may use it: another's personal answer or a group's
    /// the principal is not in is not found; a retired one is refused.
    private func usableAnswer(_ id: CannedAnswerID, _ principal: Principal) async throws(HelpDeskError)
        -> CannedAnswer
    {
        let answer = try await loadCannedAnswer(id)
        guard Self.mayUse(answer, principal) else { throw .cannedAnswerNotFound(id) }
        if answer.isRetired { throw .cannedAnswerRetired(id) }
        return answer
    }

    /// `answer` rendered for `ticket` as written by `author`: a public answer only from what the
    /// requester sees (a client notice's values), an internal one from a staff notice's.
    func render(_ answer: CannedAnswer, for ticket: Ticket, by author: Performer) async throws(HelpDeskError)
        -> CannedAnswerPreview
    {
        var names = PortalNames()
        let requester = try await names.requester(ticket.requester, in: self)
        var values: TemplateValues
        switch answer.definition.visibility {
        case .public:
            values = try await publicValues(of: ticket, requesterName: requester)
        case .internal:
            values = try await staffNoticeValues(of: ticket)
        }
        values["requester.name"] = requester.isEmpty ? nil : requester
        values["requester.firstName"] = Self.firstName(requester)
        let agent = try await names.author(author, in: self)
        values["agent.name"] = agent.isEmpty ? nil : agent
        values["agent.firstName"] = Self.firstName(agent)
        let body = answer.definition.body
        return CannedAnswerPreview(
            answerID: answer.id, revision: answer.revision, visibility: answer.definition.visibility,
            text: body.render(values), html: body.render(values, escaping: .html),
            setStatus: answer.definition.setStatus)
    }

    /// The values a client notice to the requester gets, without `recipient.*`. A requester who may
    /// no longer read the ticket (a contact who left) gets the same values a free-text requester of
    /// that name would: built by the same code from client-visible data only.
    private func publicValues(of ticket: Ticket, requesterName: String) async throws(HelpDeskError) -> TemplateValues {
        var values: TemplateValues
        if let own = try await clientNoticeValues(of: ticket, for: ticket.requester, adding: []) {
            values = own
        } else {
            var anonymous = ticket
            anonymous.requester = .freeText(requesterName)
            values =
                try await clientNoticeValues(of: anonymous, for: anonymous.requester, adding: []) ?? TemplateValues()
        }
        values["recipient.name"] = nil
        values["recipient.firstName"] = nil
        return values
    }

    /// The first word of `name`, or `nil` for a blank name.
    private static func firstName(_ name: String) -> String? {
        name.split(whereSeparator: \.isWhitespace).first.map(String.init)
    }
}
