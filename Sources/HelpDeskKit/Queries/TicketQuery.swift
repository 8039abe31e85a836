import Foundation

/// A filtered, sorted, paged ticket search.
///
/// Every filter that is `nil` matches all tickets; set filters combine with AND, values within one
/// filter with OR. Optional-valued sets (`assigneeIDs`, `groupIDs`, `categoryIDs`) may contain
/// `nil` to match tickets without a value ("unassigned").
public struct TicketQuery: Hashable, Sendable {
    /// Tickets whose status belongs to one of these categories.
    public var statusCategories: Set<StatusCategory>?
    /// Tickets in one of these statuses.
    public var statuses: Set<StatusCode>?
    /// Tickets of one of these service categories (`nil` inside: without category).
    public var categoryIDs: Set<CategoryID?>?
    /// Tickets of one of these priorities.
    public var priorities: Set<Priority>?
    /// Tickets assigned to one of these employees (`nil` inside: unassigned).
    public var assigneeIDs: Set<EmployeeID?>?
    /// Tickets of one of these groups (`nil` inside: without group).
    public var groupIDs: Set<GroupID?>?
    /// Tickets of one of these client companies (`nil` inside: without company).
    public var companyIDs: Set<CompanyID?>?
    /// Tickets at one of these locations (`nil` inside: without location).
    public var locationIDs: Set<LocationID?>?
    /// Tickets under one of these contracts (`nil` inside: without contract).
    public var contractIDs: Set<ContractID?>?
    /// Tickets about at least one of these assets.
    public var assetIDs: Set<AssetID>?
    /// Tickets of one of these requesters.
    public var requesters: Set<Requester>?
    /// Tickets from one of these channels.
    public var channels: Set<Channel>?
    /// Tickets created in this half-open range of instants.
    public var createdIn: Range<Date>?
    /// Tickets whose SLA condition is one of these (``TicketSLA/condition``; `.none` without SLA).
    public var slaConditions: Set<SLACondition>?
    /// Tickets with a running SLA clock due before this instant (``TicketSLA/nextDueAt``).
    public var slaDueBefore: Date?
    /// Tickets whose title contains this text, ignoring case (see ``TextMatching``); blank text matches all.
    public var titleContains: String?
    /// Tickets passing at least one of these clauses (`[]`: none): the tickets an employee's roles
    /// reach, which the engine adds to a viewer's queries (see ``TicketReachClause``).
    public var reach: [TicketReachClause]?
    /// Sort order; ties are always broken by ticket number ascending, so pages never overlap.
    public var sort: [TicketSort]
    /// Number of matching tickets to skip (0...``maximumOffset``).
    public var offset: Int
    /// Maximum number of tickets on the page (1...1000).
    public var limit: Int

    /// Largest page size a query may ask for.
    public static let maximumLimit = 1000
    /// Deepest offset a query may ask for: deeper pages cost a scan of everything skipped (in a
    /// database too), so a host pages that far with a narrower filter (a creation period) instead.
    public static let maximumOffset = 1_000_000

    /// Creates a query; by default all tickets, newest first, 50 per page.
    public init(
        statusCategories: Set<StatusCategory>? = nil, statuses: Set<StatusCode>? = nil,
        categoryIDs: Set<CategoryID?>? = nil, priorities: Set<Priority>? = nil,
        assigneeIDs: Set<EmployeeID?>? = nil, groupIDs: Set<GroupID?>? = nil,
        companyIDs: Set<CompanyID?>? = nil, locationIDs: Set<LocationID?>? = nil, contractIDs: Set<ContractID?>? = nil,
        assetIDs: Set<AssetID>? = nil, requesters: Set<Requester>? = nil, channels: Set<Channel>? = nil,
        createdIn: Range<Date>? = nil,
        slaConditions: Set<SLACondition>? = nil, slaDueBefore: Date? = nil, titleContains: String? = nil,
        sort: [TicketSort] = [TicketSort(.createdAt, .descending)],
        offset: Int = 0, limit: Int = 50
    ) {
        self.statusCategories = statusCategories
        self.statuses = statuses
        self.categoryIDs = categoryIDs
        self.priorities = priorities
        self.assigneeIDs = assigneeIDs
        self.groupIDs = groupIDs
        self.companyIDs = companyIDs
        self.locationIDs = locationIDs
        self.contractIDs = contractIDs
        self.assetIDs = assetIDs
        self.requesters = requesters
        self.channels = channels
        self.createdIn = createdIn
        self.slaConditions = slaConditions
        self.slaDueBefore = slaDueBefore
        self.titleContains = titleContains
        self.sort = sort
        self.offset = offset
        self.limit = limit
    }
}

/// A ticket attribute to sort by.
public enum TicketSortField: String, CaseIterable, Hashable, Sendable, Codable {
    /// Ticket number.
    case number
    /// Registration instant.
    case createdAt
    /// Last change instant.
    case updatedAt
    /// Priority rank (`low` < `critical`).
    case priority
    /// Status, in the workflow's display order.
    case status
    /// Service category, by identifier; tickets without one first.
    case category
    /// Assignee, by identifier; unassigned tickets first.
    case assignee
    /// Group, by identifier; tickets without one first.
    case group
    /// Client company, by identifier; tickets without one first.
    case company
    /// Requester, by ``Requester/sortKey``.
    case requester
    /// Channel, by name.
    case channel
    /// The earliest due instant of a running SLA clock; tickets without one sort as if due last.
    case slaDue
    /// Title, ignoring case (then exact text), in UTF-8 byte order (see ``TextMatching``).
    case title
}

/// Sort direction.
public enum SortDirection: String, Hashable, Sendable, Codable {
    /// Smallest first.
    case ascending
    /// Largest first.
    case descending
}

/// One sort criterion: a field and a direction.
public struct TicketSort: Hashable, Sendable, Codable {
    /// The attribute.
    public var field: TicketSortField
    /// The direction.
    public var direction: SortDirection

    /// Creates a criterion.
    public init(_ field: TicketSortField, _ direction: SortDirection = .ascending) {
        self.field = field
        self.direction = direction
    }
}

/// One page of a ticket search.
public struct TicketPage: Hashable, Sendable {
    /// The tickets on this page, in query order.
    public var tickets: [Ticket]
    /// How many tickets match the filters in all.
    public var totalCount: Int
    /// The query's offset.
    public var offset: Int

    /// Creates a page.
    public init(tickets: [Ticket], totalCount: Int, offset: Int) {
        self.tickets = tickets
        self.totalCount = totalCount
        self.offset = offset
    }

    /// The offset of the next page, or `nil` on the last page (or when it would not fit in an `Int`).
    public var nextOffset: Int? {
        let (next, overflow) = offset.addingReportingOverflow(tickets.count)
        return !overflow && next < totalCount && !tickets.isEmpty ? next : nil
    }
}
