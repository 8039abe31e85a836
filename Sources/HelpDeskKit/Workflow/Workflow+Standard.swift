extension StatusCode {
    /// Registered, nobody has started.
    public static let new: StatusCode = "new"
    /// In work.
    public static let inProgress: StatusCode = "in_progress"
    /// Waiting for the client's answer; a client reply returns it to work.
    public static let waitingForClient: StatusCode = "waiting_for_client"
    /// Deferred until a date.
    public static let postponed: StatusCode = "postponed"
    /// Work done, awaiting the client's confirmation.
    public static let resolved: StatusCode = "resolved"
    /// Finished for good.
    public static let closed: StatusCode = "closed"
    /// Withdrawn.
    public static let cancelled: StatusCode = "cancelled"
}

extension Workflow {
    /// The default workflow, modelled on common service-desk practice:
    ///
    /// `new → in_progress ⇄ waiting_for_client / postponed → resolved → closed`, `cancelled` from any
    /// active status, a resolved ticket can be reopened, and a client reply returns a ticket that is
    /// waiting for the client or resolved to `in_progress`.
    public static let standard: Workflow = {
        let active: [StatusCode] = [.new, .inProgress, .waitingForClient, .postponed]
        var transitions: [StatusCode: Set<StatusCode>] = [:]
        for from in active {
            transitions[from] = Set(active + [.resolved, .cancelled]).subtracting([from, .new])
        }
        transitions[.resolved] = [.inProgress, .closed]
        transitions[.cancelled] = [.inProgress]
        // A constant: `WorkflowTests` builds the same workflow through the validating initializer.
        return Workflow(
            unchecked: [
                TicketStatus(.new, agentLabel: "New", customerLabel: "Received", category: .new),
                TicketStatus(.inProgress, agentLabel: "In progress", customerLabel: "In progress", category: .open),
                TicketStatus(
                    .waitingForClient, agentLabel: "Waiting for client", customerLabel: "Awaiting your reply",
                    category: .waiting),
                TicketStatus(.postponed, agentLabel: "Postponed", customerLabel: "Scheduled", category: .waiting),
                TicketStatus(.resolved, agentLabel: "Resolved", customerLabel: "Resolved", category: .resolved),
                TicketStatus(.closed, agentLabel: "Closed", customerLabel: "Closed", category: .closed),
                TicketStatus(.cancelled, agentLabel: "Cancelled", customerLabel: "Cancelled", category: .cancelled),
            ],
            transitions: transitions,
            initialStatus: .new,
            postponedStatus: .postponed,
            returnToWorkStatus: .inProgress,
            mergedStatus: .closed,
            clientReplyTransitions: [.waitingForClient: .inProgress, .resolved: .inProgress]
        )
    }()
}
