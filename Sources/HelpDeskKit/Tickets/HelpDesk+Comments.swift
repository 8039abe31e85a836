import Foundation

extension HelpDesk {
    /// Adds a public reply or an internal note.
    ///
    /// A client's reply moves the ticket as the workflow's `clientReplyTransitions` say (by default a
    /// ticket waiting for the client or resolved returns to work; a resolved one counts as reopened).
    /// An employee's first public reply stamps `firstResponseAt`.
    public func comment(
        on id: TicketID, _ request: NewComment, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> Comment
    {
        try check(request, by: performer)
        try await requireUploaded(request.attachments)
        let action: AccessAction = request.visibility == .internal ? .writeInternalNote : .replyPublicly
        return try await perform(
            by: performer, editing: [id], command: "comment", key: idempotencyKey, inputs: [id, request]
        ) { context throws(HelpDeskError) in
            var added: Comment?
            let ticket = try await edit(id, in: &context, for: action) { edit throws(HelpDeskError) in
                try addComment(request, to: id, by: performer, in: &edit)
                added = edit.comments.last
            }
            guard let added else { throw .invalidInput(field: "body", problem: .blank) }
            try await recordCitations(
                request.citations, of: added, on: ticket, by: context.principal, into: &context.work)
            return added
        }
    }

    /// Throws unless `request` is a comment `performer` may write at all: a text or files, not too
    /// long, well-formed attachments and citations, no internal note by a client.
    func check(_ request: NewComment, by performer: Performer) throws(HelpDeskError) {
        if request.body.isBlank, request.attachments.isEmpty {
            throw .invalidInput(field: "body", problem: .blank)
        }
        try Validate.length(request.body, atMost: configuration.maximumTextLength, field: "body")
        try Validate.attachments(request.attachments)
        try validateCitations(request.citations)
        if performer.isClient, request.visibility == .internal { throw .clientCannotWriteInternalNote }
    }

    /// Adds the comment to `edit`, with its event, the first-response stamp and the client-reply move.
    func addComment(_ request: NewComment, to id: TicketID, by performer: Performer, in edit: inout TicketEdit)
        throws(HelpDeskError)
    {
        let comment = Comment(
            id: nextID(), ticketID: id, author: performer, body: request.body, visibility: request.visibility,
            attachments: request.attachments, createdAt: edit.at)
        edit.comments.append(comment)
        edit.events.append(
            .commentAdded(ticket: id, number: edit.ticket.number, comment: comment.id, visibility: comment.visibility))
        if performer.employeeID != nil, request.visibility == .public, edit.ticket.firstResponseAt == nil {
            edit.ticket.firstResponseAt = edit.at
        }
        if performer.isClient, let target = workflow.clientReplyTransitions[edit.ticket.status] {
            let wasResolved = workflow.category(of: edit.ticket.status) == .resolved
            edit.move(to: target, workflow: workflow)
            if wasResolved { edit.events.append(.ticketReopened(ticket: id, number: edit.ticket.number)) }
        }
    }
}
