/// One "any of" alternative of a query's ``TicketQuery/reach``: tickets whose fields pass every set
/// it names (a `nil` set passes everything, `nil` inside a set matches tickets without a value).
/// The tickets an employee's roles or a contact's portal authority reach are a union of such clauses.
public struct TicketReachClause: Hashable, Sendable {
    /// Tickets of one of these client companies.
    public var companyIDs: Set<CompanyID?>?
    /// Tickets at one of these locations.
    public var locationIDs: Set<LocationID?>?
    /// Tickets requested by one of these requesters.
    public var requesters: Set<Requester>?
    /// Tickets copying every one of these contacts (``Ticket/ccContactIDs``); `nil` or empty passes all.
    public var copying: Set<ContactID>?
    /// Tickets of one of these groups.
    public var groupIDs: Set<GroupID?>?
    /// Tickets of one of these service categories.
    public var categoryIDs: Set<CategoryID?>?
    /// Tickets assigned to one of these employees.
    public var assigneeIDs: Set<EmployeeID?>?

    /// A clause; without arguments it reaches every ticket.
    public init(
        groupIDs: Set<GroupID?>? = nil, categoryIDs: Set<CategoryID?>? = nil, assigneeIDs: Set<EmployeeID?>? = nil,
        companyIDs: Set<CompanyID?>? = nil, locationIDs: Set<LocationID?>? = nil, requesters: Set<Requester>? = nil,
        copying: Set<ContactID>? = nil
    ) {
        self.groupIDs = groupIDs
        self.categoryIDs = categoryIDs
        self.assigneeIDs = assigneeIDs
        self.companyIDs = companyIDs
        self.locationIDs = locationIDs
        self.requesters = requesters
        self.copying = copying
    }

    /// `true` when `ticket` passes every set of the clause.
    public func matches(_ ticket: Ticket) -> Bool {
        (groupIDs?.contains(ticket.groupID) ?? true) && (categoryIDs?.contains(ticket.categoryID) ?? true)
            && (assigneeIDs?.contains(ticket.assigneeID) ?? true) && (companyIDs?.contains(ticket.companyID) ?? true)
            && (locationIDs?.contains(ticket.locationID) ?? true) && (requesters?.contains(ticket.requester) ?? true)
            && (copying?.allSatisfy(ticket.ccContactIDs.contains) ?? true)
    }

    /// The tickets both clauses reach.
    public func intersection(_ other: TicketReachClause) -> TicketReachClause {
        func both<T>(_ a: Set<T>?, _ b: Set<T>?) -> Set<T>? {
            guard let a else { return b }
            guard let b else { return a }
            return a.intersection(b)
        }
        let copied = (copying ?? []).union(other.copying ?? [])
        return TicketReachClause(
            groupIDs: both(groupIDs, other.groupIDs), categoryIDs: both(categoryIDs, other.categoryIDs),
            assigneeIDs: both(assigneeIDs, other.assigneeIDs), companyIDs: both(companyIDs, other.companyIDs),
            locationIDs: both(locationIDs, other.locationIDs), requesters: both(requesters, other.requesters),
            copying: copied.isEmpty ? nil : copied)
    }
}

extension Optional where Wrapped == [TicketReachClause] {
    /// The tickets both reaches allow (`nil`: every ticket): each clause of one met with each of the other.
    func intersection(_ other: [TicketReachClause]?) -> [TicketReachClause]? {
        guard let self else { return other }
        guard let other else { return self }
        return self.flatMap { one in other.map { one.intersection($0) } }
    }
}
