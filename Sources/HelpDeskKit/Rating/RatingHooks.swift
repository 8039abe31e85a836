extension TicketHook {
    /// Issues a rating request when a ticket is resolved and withdraws it when it is reopened.
    static let ratingRequests = TicketHook(
        name: "rating-requests",
        willCommit: { desk, edit, ticket, work throws(HelpDeskError) in
            try await desk.syncRatingRequests(edit, ticket: ticket, into: &work)
        })
}
