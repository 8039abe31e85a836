import Foundation

/// Something that happened in the help desk, written to the outbox in the same unit of work as
/// the change itself, so a host can deliver notifications exactly for committed changes.
public enum DomainEvent: Hashable, Sendable, Codable {
    /// A ticket was registered.
    case ticketCreated(ticket: TicketID, number: TicketNumber, channel: Channel, priority: Priority)
    /// The responsible employee or group changed.
    case ticketAssigned(ticket: TicketID, number: TicketNumber, assignee: EmployeeID?, group: GroupID?)
    /// The status changed.
    case statusChanged(ticket: TicketID, number: TicketNumber, from: StatusCode, to: StatusCode)
    /// A client's reply reopened a resolved ticket (a `statusChanged` event accompanies it).
    case ticketReopened(ticket: TicketID, number: TicketNumber)
    /// A comment was added.
    case commentAdded(ticket: TicketID, number: TicketNumber, comment: CommentID, visibility: CommentVisibility)
    /// The ticket was postponed until an instant.
    case ticketPostponed(ticket: TicketID, number: TicketNumber, until: Date)
    /// A postponed ticket's date came and it returned to work.
    case returnedToWork(ticket: TicketID, number: TicketNumber)
    /// Title, description, category, priority, requester, channel or custom fields changed.
    case ticketUpdated(ticket: TicketID, number: TicketNumber, fields: [AuditField])
    /// Watchers were added or removed.
    case watchersChanged(ticket: TicketID, number: TicketNumber, added: [EmployeeID], removed: [EmployeeID])
    /// Files were attached to the ticket.
    case attachmentsAdded(ticket: TicketID, number: TicketNumber, files: [Attachment])
    /// Two tickets were linked; raised on both, `kind` seen from `ticket`.
    case ticketsLinked(ticket: TicketID, number: TicketNumber, kind: LinkKind, other: TicketID, otherNumber: TicketNumber)
    /// A link between two tickets was removed; raised on both, `kind` seen from `ticket`.
    case ticketsUnlinked(
        ticket: TicketID, number: TicketNumber, kind: LinkKind, other: TicketID, otherNumber: TicketNumber)
    /// An SLA clock passed a warning threshold (percent of its working time).
    case slaWarning(ticket: TicketID, number: TicketNumber, clock: SLAClockKind, threshold: Int, dueAt: Date)
    /// An SLA clock passed its due instant unstopped.
    case slaBreached(ticket: TicketID, number: TicketNumber, clock: SLAClockKind, dueAt: Date)
    /// A contract needs its manager's attention: renewal, an unpaid period, or its end.
    case contractReminder(contract: ContractID, number: String, reminder: ContractReminder)
    /// `source` was merged into `target` and closed; raised on both tickets.
    case ticketsMerged(source: TicketID, sourceNumber: TicketNumber, target: TicketID, targetNumber: TicketNumber)
    /// An employee logged time on the ticket.
    case timeLogged(ticket: TicketID, number: TicketNumber, entry: TimeEntryID, employee: EmployeeID, minutes: Int)
    /// A time entry was changed.
    case timeEntryEdited(ticket: TicketID, number: TicketNumber, entry: TimeEntryID)
    /// A time entry was deleted.
    case timeEntryDeleted(ticket: TicketID, number: TicketNumber, entry: TimeEntryID)
    /// The ticket was resolved and its requester is invited to rate it with `token` until `expiresAt`.
    case ratingRequested(ticket: TicketID, number: TicketNumber, request: RatingRequestID, token: RatingToken, expiresAt: Date)
    /// The client rated a resolution.
    case ticketRated(ticket: TicketID, number: TicketNumber, rating: RatingID, score: Int)
    /// The client's score is at or below the low threshold; sent to the escalation recipients.
    case lowRatingReceived(ticket: TicketID, number: TicketNumber, rating: RatingID, score: Int, assignee: EmployeeID?)
    /// A step of the client's approval of the ticket's paid work: asked, approved or declined
    /// (`version`: the specification version recorded with the step).
    case paidWorkApproval(ticket: TicketID, number: TicketNumber, version: Int, decision: ApprovalDecision)
    /// A service period's included work in `measure` reached `percent` % (the contract's alert
    /// threshold, or 100: used up); `consumed` and `included` are minutes or visits.
    case allowanceAlert(
        contract: ContractID, number: String, period: ServicePeriodID, measure: AllowanceMeasure, percent: Int,
        consumed: Int, included: Int)
    /// A client record, a price or a client's account changed; the trail entry `entry` holds what
    /// changed (``HelpDesk/trail(of:as:)``).
    case recordChanged(subject: TrailSubject, action: TrailAction, entry: TrailEntryID)
    /// The ticket's specification changed (a line added or removed, billable time specified);
    /// `version` is the new version.
    case specificationChanged(ticket: TicketID, number: TicketNumber, version: Int)
    /// The ticket's paid work was settled: the specification at `version` was charged.
    case workSettled(ticket: TicketID, number: TicketNumber, version: Int)
    /// A ticket of a client that owes money was assigned to or taken into work by `assignee`:
    /// the engineer is told before working it.
    case debtorTicketAssigned(ticket: TicketID, number: TicketNumber, company: CompanyID, assignee: EmployeeID)
    /// A notice rendered from a template (a receipt, an auto-reply, an escalation, a rule's
    /// message) for the event's audience; deliver its text as it is.
    case noticeSent(ticket: TicketID, number: TicketNumber, notice: Notice)
    /// An engineer's visit was planned for the ticket, from `start` to `end`.
    case visitPlanned(ticket: TicketID, number: TicketNumber, start: Date, end: Date)
    /// The ticket's planned visit changed (its time, engineers, site or window); now `start` to `end`.
    case visitRescheduled(ticket: TicketID, number: TicketNumber, start: Date, end: Date)
    /// The ticket's planned visit was called off.
    case visitCancelled(ticket: TicketID, number: TicketNumber)

    /// The ticket the event is about (for a merge: the source, which was closed); `nil` for
    /// events about contracts and other client records.
    ///
    /// Use ``OutboxEvent`` audiences, not this property, to decide whom to notify.
    public var ticketID: TicketID? {
        switch self {
        case .ticketCreated(let ticket, _, _, _), .ticketAssigned(let ticket, _, _, _),
            .statusChanged(let ticket, _, _, _), .ticketReopened(let ticket, _),
            .commentAdded(let ticket, _, _, _), .ticketPostponed(let ticket, _, _),
            .returnedToWork(let ticket, _), .ticketUpdated(let ticket, _, _),
            .watchersChanged(let ticket, _, _, _), .attachmentsAdded(let ticket, _, _),
            .ticketsLinked(let ticket, _, _, _, _), .ticketsUnlinked(let ticket, _, _, _, _),
            .ticketsMerged(let ticket, _, _, _), .slaWarning(let ticket, _, _, _, _), .slaBreached(let ticket, _, _, _):
            ticket
        case .contractReminder, .allowanceAlert, .recordChanged:
            nil
        case .timeLogged(let ticket, _, _, _, _), .timeEntryEdited(let ticket, _, _), .timeEntryDeleted(let ticket, _, _),
            .ratingRequested(let ticket, _, _, _, _), .ticketRated(let ticket, _, _, _),
            .lowRatingReceived(let ticket, _, _, _, _), .paidWorkApproval(let ticket, _, _, _):
            ticket
        case .specificationChanged(let ticket, _, _), .workSettled(let ticket, _, _),
            .debtorTicketAssigned(let ticket, _, _, _), .noticeSent(let ticket, _, _):
            ticket
        case .visitPlanned(let ticket, _, _, _), .visitRescheduled(let ticket, _, _, _), .visitCancelled(let ticket, _):
            ticket
        }
    }

    /// A short stable name of the event kind, e.g. `statusChanged`.
    public var name: String {
        switch self {
        case .ticketCreated: "ticketCreated"
        case .ticketAssigned: "ticketAssigned"
        case .statusChanged: "statusChanged"
        case .ticketReopened: "ticketReopened"
        case .commentAdded: "commentAdded"
        case .ticketPostponed: "ticketPostponed"
        case .returnedToWork: "returnedToWork"
        case .ticketUpdated: "ticketUpdated"
        case .watchersChanged: "watchersChanged"
        case .attachmentsAdded: "attachmentsAdded"
        case .ticketsLinked: "ticketsLinked"
        case .ticketsUnlinked: "ticketsUnlinked"
        case .ticketsMerged: "ticketsMerged"
        case .slaWarning: "slaWarning"
        case .slaBreached: "slaBreached"
        case .contractReminder: "contractReminder"
        case .timeLogged: "timeLogged"
        case .timeEntryEdited: "timeEntryEdited"
        case .timeEntryDeleted: "timeEntryDeleted"
        case .ratingRequested: "ratingRequested"
        case .ticketRated: "ticketRated"
        case .lowRatingReceived: "lowRatingReceived"
        case .paidWorkApproval: "paidWorkApproval"
        case .allowanceAlert: "allowanceAlert"
        case .recordChanged: "recordChanged"
        case .specificationChanged: "specificationChanged"
        case .workSettled: "workSettled"
        case .debtorTicketAssigned: "debtorTicketAssigned"
        case .noticeSent: "noticeSent"
        case .visitPlanned: "visitPlanned"
        case .visitRescheduled: "visitRescheduled"
        case .visitCancelled: "visitCancelled"
        }
    }
}
