extension TicketHook {
    /// Settles a ticket's specification when it reaches the configured settlement status.
    static let settlement = TicketHook(
        name: "settlement",
        willCommit: { desk, edit, ticket, work throws(HelpDeskError) in
            try await desk.syncSettlement(edit, ticket: ticket, into: &work)
        })
}

extension Capability {
    /// Billing: a closed ticket's paid work is settled in the ledger.
    static let billing = Capability(name: "billing", ticketHooks: [.settlement])
}
