import Foundation

/// Host settings of a help desk.
public struct HelpDeskConfiguration: Hashable, Sendable {
    /// Statuses, transitions and the statuses the engine uses itself.
    public var workflow: Workflow
    /// SLA policies and the desk's default policy.
    public var sla: SLAConfiguration
    /// Reminder lead times and the debtor SLA rule.
    public var clients: ClientConfiguration
    /// Number of the first ticket of an empty desk (e.g. 1000 to start at `#1000`).
    public var firstTicketNumber: Int
    /// Longest accepted ticket title, in characters.
    public var maximumTitleLength: Int
    /// Longest accepted description or comment body, in characters.
    public var maximumTextLength: Int
    /// Activity codes, the charge rounding step and bounds of time entries.
    public var labor: LaborConfiguration
    /// Satisfaction ratings; `nil` (the default) issues no rating requests.
    public var ratings: RatingConfiguration?
    /// Settlement trigger, insufficient-funds policy, hourly rounding and the labor item.
    public var billing: BillingConfiguration
    /// How many times a command that hit a storage conflict runs again from fresh reads before
    /// the conflict reaches the caller (default 4).
    public var conflictRetries: Int
    /// How long, in seconds of clock time, an idempotency key is remembered (default 24 hours);
    /// ``HelpDesk/tick(now:)`` forgets older keys.
    public var idempotencyHorizon: TimeInterval
    /// How automation rules run (``RuleSettings``).
    public var rules = RuleSettings()
    /// The desk's own notices: receipts, status notices, low-rating alerts, loop protection.
    public var notifications = NotificationSettings()
    /// How automatic backlog drains run (``AssignmentSettings``).
    public var assignment = AssignmentSettings()
    /// The knowledge base's limits.
    public var knowledge = KnowledgeSettings()
    /// How the desk reads and writes mail (``EmailSettings``).
    public var email = EmailSettings()
    /// Largest file ``HelpDesk/uploadAttachment(_:fileName:mediaType:by:idempotencyKey:)`` accepts,
    /// in bytes (default 25 MiB).
    public var maximumAttachmentBytes = 25 * 1_048_576

    /// Creates a configuration; the defaults suit most desks.
    public init(
        workflow: Workflow = .standard, sla: SLAConfiguration = .none,
        clients: ClientConfiguration = ClientConfiguration(),
        labor: LaborConfiguration = .standard, ratings: RatingConfiguration? = nil, firstTicketNumber: Int = 1,
        maximumTitleLength: Int = 250, maximumTextLength: Int = 100_000,
        billing: BillingConfiguration = BillingConfiguration(), conflictRetries: Int = 4,
        idempotencyHorizon: TimeInterval = 86_400
    ) {
        self.idempotencyHorizon = idempotencyHorizon
        self.conflictRetries = conflictRetries
        self.billing = billing
        self.workflow = workflow
        self.sla = sla
        self.clients = clients
        self.labor = labor
        self.ratings = ratings
        self.firstTicketNumber = firstTicketNumber
        self.maximumTitleLength = maximumTitleLength
        self.maximumTextLength = maximumTextLength
    }
}
