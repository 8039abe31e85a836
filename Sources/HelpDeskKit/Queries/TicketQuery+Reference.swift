import Foundation

extension TicketQuery {
    /// `true` when `ticket` passes every filter of the query.
    ///
    /// This is the reference semantics every adapter must reproduce; adapters without their own
    /// query engine may use ``evaluate(_:workflow:)`` directly.
    public func matches(_ ticket: Ticket, workflow: Workflow) -> Bool {
        if let statusCategories {
            guard let category = workflow.category(of: ticket.status), statusCategories.contains(category) else {
                return false
            }
        }
        if let statuses, !statuses.contains(ticket.status) { return false }
        if let categoryIDs, !categoryIDs.contains(ticket.categoryID) { return false }
        if let priorities, !priorities.contains(ticket.priority) { return false }
        if let assigneeIDs, !assigneeIDs.contains(ticket.assigneeID) { return false }
        if let groupIDs, !groupIDs.contains(ticket.groupID) { return false }
        if let companyIDs, !companyIDs.contains(ticket.companyID) { return false }
        if let locationIDs, !locationIDs.contains(ticket.locationID) { return false }
        if let contractIDs, !contractIDs.contains(ticket.contractID) { return false }
        if let assetIDs, !ticket.assetIDs.contains(where: assetIDs.contains) { return false }
        if let requesters, !requesters.contains(ticket.requester) { return false }
        if let channels, !channels.contains(ticket.channel) { return false }
        if let createdIn, !createdIn.contains(ticket.createdAt) { return false }
        if let slaConditions, !slaConditions.contains(ticket.sla?.condition ?? .none) { return false }
        if let slaDueBefore {
            guard let due = ticket.sla?.nextDueAt, due < slaDueBefore else { return false }
        }
        if let needle = foldedTitleNeedle, !TextMatching.contains(ticket.title, foldedNeedle: needle) { return false }
        if let reach, !reach.contains(where: { $0.matches(ticket) }) { return false }
        return true
    }

    /// The folded bytes the title filter searches for (``TextMatching/folded(_:)``), or `nil` when
    /// the filter is absent or blank (it then matches every title): what an adapter searches a
    /// folded title column for.
    public var foldedTitleNeedle: [UInt8]? {
        guard let titleContains, !titleContains.isBlank else { return nil }
        return TextMatching.folded(titleContains)
    }

    /// `true` when `lhs` comes before `rhs` in the query's order (number ascending breaks ties).
    public func areInIncreasingOrder(_ lhs: Ticket, _ rhs: Ticket, workflow: Workflow) -> Bool {
        for criterion in sort {
            let order = Self.compare(lhs, rhs, by: criterion.field, workflow: workflow)
            if order != 0 { return criterion.direction == .ascending ? order < 0 : order > 0 }
        }
        return lhs.number < rhs.number
    }

    /// Filters, sorts and pages `tickets` by brute force: the reference implementation.
    ///
    /// - Complexity: O(*n* log *n*) for *n* tickets.
    public func evaluate(_ tickets: some Sequence<Ticket>, workflow: Workflow) -> TicketPage {
        let matching = tickets.filter { matches($0, workflow: workflow) }
            .sorted { areInIncreasingOrder($0, $1, workflow: workflow) }
        let start = min(max(offset, 0), matching.count)
        let end = start + min(max(limit, 0), matching.count - start)
        return TicketPage(tickets: Array(matching[start..<end]), totalCount: matching.count, offset: offset)
    }

    /// Three-way comparison of two tickets by one field: negative, zero or positive.
    static func compare(_ lhs: Ticket, _ rhs: Ticket, by field: TicketSortField, workflow: Workflow) -> Int {
        switch field {
        case .number: threeWay(lhs.number, rhs.number)
        case .createdAt: threeWay(lhs.createdAt, rhs.createdAt)
        case .updatedAt: threeWay(lhs.updatedAt, rhs.updatedAt)
        case .priority: threeWay(lhs.priority, rhs.priority)
        case .status:
            threeWay(workflow.position(of: lhs.status) ?? Int.max, workflow.position(of: rhs.status) ?? Int.max)
        case .category: threeWay(lhs.categoryID, rhs.categoryID)
        case .assignee: threeWay(lhs.assigneeID, rhs.assigneeID)
        case .group: threeWay(lhs.groupID, rhs.groupID)
        case .company: threeWay(lhs.companyID, rhs.companyID)
        case .requester: threeWay(lhs.requester.sortKey, rhs.requester.sortKey)
        case .channel: threeWay(lhs.channel.rawValue, rhs.channel.rawValue)
        case .slaDue: threeWay(lhs.sla?.nextDueAt ?? .distantFuture, rhs.sla?.nextDueAt ?? .distantFuture)
        case .title: TextMatching.compareTitles(lhs.title, rhs.title)
        }
    }
}

/// Three-way comparison: -1, 0 or 1.
func threeWay<Value: Comparable>(_ lhs: Value, _ rhs: Value) -> Int {
    lhs < rhs ? -1 : (lhs == rhs ? 0 : 1)
}

/// Three-way comparison of optionals, `nil` first.
func threeWay<Value: Comparable>(_ lhs: Value?, _ rhs: Value?) -> Int {
    switch (lhs, rhs) {
    case (nil, nil): 0
    case (nil, _): -1
    case (_, nil): 1
    case (let left?, let right?): threeWay(left, right)
    }
}
