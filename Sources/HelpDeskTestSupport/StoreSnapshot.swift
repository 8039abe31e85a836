import DoubleEntry
import Foundation
import HelpDeskKit

/// Everything a store exposes through its repository protocols, for before/after comparisons.
///
/// Tests take a snapshot, run a command that must be rejected, and require an equal snapshot.
public struct StoreSnapshot: Equatable, Sendable {
    /// All tickets by number.
    public var tickets: [Ticket]
    /// Comments of every ticket.
    public var comments: [TicketID: [Comment]]
    /// Audit trail of every ticket.
    public var audit: [TicketID: [AuditEntry]]
    /// All employees.
    public var employees: [Employee]
    /// All groups.
    public var groups: [SupportGroup]
    /// All categories.
    public var categories: [ServiceCategory]
    /// Unacknowledged events.
    public var undelivered: [OutboxEvent]
    /// Last event sequence ever issued.
    public var lastEventSequence: UInt64
    /// Highest ticket number.
    public var lastTicketNumber: TicketNumber?
    /// The client directory: companies, locations, contacts, contracts, equipment.
    public var clients: ClientImage
    /// Time entries of every ticket.
    public var timeEntries: [TicketID: [TimeEntry]] = [:]
    /// Rate history of every employee.
    public var employeeRates: [EmployeeID: [EmployeeRate]] = [:]
    /// Rating requests of every ticket.
    public var ratingRequests: [TicketID: [RatingRequest]] = [:]
    /// Ratings of every ticket.
    public var ratings: [TicketID: [Rating]] = [:]
    /// Price list, contract prices, specifications, accounts, transfer notes and the ledger.
    public var billing = BillingSnapshot()
    /// Every idempotency record, by key.
    public var idempotency: [IdempotencyRecord] = []
    /// The desk's own roles (none on a store without roles).
    public var roles: [Role] = []
    /// The desk's automation rules (none on a store without automation).
    public var rules: [AutomationRule] = []
    /// The loop-protection logs of notices (none on a store without notifications).
    public var noticeLogs: [NoticeLog] = []
    /// The open episodes of time rules, by ticket then rule (none on a store without automation).
    public var ruleEpisodes: [RuleEpisode] = []
    /// The usage of every service-period allowance (none on a store without allowances).
    public var allowances: [AllowanceUsage] = []
    /// The record trail in commit order (none on a store without a trail).
    public var trail: [TrailEntry] = []
    /// Employees' working calendars (none on a store without assignment).
    public var employeeSchedules: [EmployeeSchedule] = []
    /// The groups' round-robin cursors (none on a store without assignment).
    public var roundRobinCursors: [RoundRobinCursor] = []
    /// Employees' own caps on open tickets (none on a store without assignment).
    public var employeeCapacities: [EmployeeCapacity] = []
    /// The groups' routing (none on a store without assignment).
    public var groupRoutings: [GroupRoutingRecord] = []
    /// The knowledge base: sections, articles, versions, citations (none on a store without it).
    public var knowledge = KnowledgeImage()
    /// Every canned answer, retired ones included (none on a store without canned answers).
    public var cannedAnswers: [CannedAnswer] = []
    /// Every mail record and active bounce mark (none on a store without email).
    public var email = EmailImage()
    /// Every maintenance plan and occurrence record (none on a store without maintenance plans).
    public var maintenance = MaintenanceImage()
    /// Every planned visit, by ticket (none on a store without visits).
    public var visits: [PlannedVisit] = []

    /// Reads every repository of `store`.
    public static func capture(_ store: any HelpDeskStore, workflow: Workflow = .standard) async throws -> StoreSnapshot
    {
        var tickets: [Ticket] = []
        var query = TicketQuery(sort: [TicketSort(.number)], offset: 0, limit: TicketQuery.maximumLimit)
        while true {
            let page = try await store.tickets(matching: query, workflow: workflow)
            tickets += page.tickets
            guard let next = page.nextOffset else { break }
            query.offset = next
        }
        var comments: [TicketID: [Comment]] = [:]
        var audit: [TicketID: [AuditEntry]] = [:]
        for ticket in tickets {
            comments[ticket.id] = try await store.comments(on: ticket.id)
            audit[ticket.id] = try await store.auditTrail(of: ticket.id)
        }
        var snapshot = StoreSnapshot(
            tickets: tickets, comments: comments, audit: audit,
            employees: try await store.employees(), groups: try await store.groups(),
            categories: try await store.categories(),
            undelivered: try await store.undeliveredEvents(limit: Int.max),
            lastEventSequence: try await store.lastEventSequence(),
            lastTicketNumber: try await store.lastTicketNumber(), clients: try await clientImage(of: store))
        try await snapshot.captureLaborAndRatings(store)
        try await snapshot.captureBilling(store)
        snapshot.roles = try await store.feature((any RoleRepository).self)?.roles() ?? []
        snapshot.rules = try await store.feature((any AutomationRepository).self)?.rules() ?? []
        snapshot.noticeLogs = try await store.feature((any NoticeLogRepository).self)?.noticeLogs() ?? []
        snapshot.ruleEpisodes =
            try await store.feature((any RuleEpisodeRepository).self)?.ruleEpisodes()
            .sorted { ($0.ticketID, $0.ruleID) < ($1.ticketID, $1.ruleID) } ?? []
        snapshot.allowances = try await store.feature((any AllowanceRepository).self)?.allowanceUsages() ?? []
        snapshot.trail = try await store.feature((any TrailRepository).self)?.trailEntries(offset: 0, limit: .max) ?? []
        let assignment = try store.feature((any AssignmentRepository).self)
        snapshot.employeeSchedules = try await assignment?.employeeSchedules() ?? []
        snapshot.roundRobinCursors = try await assignment?.roundRobinCursors() ?? []
        snapshot.employeeCapacities = try await assignment?.employeeCapacities() ?? []
        snapshot.groupRoutings = try await assignment?.groupRoutings() ?? []
        snapshot.knowledge = try await knowledgeImage(of: store)
        snapshot.cannedAnswers = try await store.feature((any CannedAnswerRepository).self)?.cannedAnswers() ?? []
        if let mail = try store.feature((any EmailRepository).self) {
            snapshot.email = EmailImage(records: try await mail.emailRecords(), bounces: try await mail.bouncedAddresses())
        }
        snapshot.maintenance = try await maintenanceImage(of: store)
        let records = try store.feature((any IdempotencyRepository).self)
        for key in try await records?.idempotencyKeys(expiringBy: .distantFuture, limit: .max) ?? [] {
            if let record = try await records?.idempotencyRecord(key) { snapshot.idempotency.append(record) }
        }
        snapshot.idempotency.sort { $0.key < $1.key }
        try await snapshot.captureVisits(store)
        return snapshot
    }

    /// Every client record reachable through the client repositories (none on a store without them).
    private static func clientImage(of store: any HelpDeskStore) async throws -> ClientImage {
        let companies = try store.feature((any CompanyRepository).self)
        let contracts = try store.feature((any ContractRepository).self)
        let assets = try store.feature((any AssetRepository).self)
        var image = ClientImage(
            companies: try await companies?.companies() ?? [], assetModels: try await assets?.assetModels() ?? [])
        for company in image.companies {
            image.locations += try await companies?.locations(of: company.id) ?? []
            image.contacts += try await companies?.contacts(of: company.id) ?? []
            image.contracts += try await contracts?.contracts(of: company.id) ?? []
            image.assets += try await assets?.assets(company: company.id, location: nil, model: nil) ?? []
        }
        return image
    }
}
