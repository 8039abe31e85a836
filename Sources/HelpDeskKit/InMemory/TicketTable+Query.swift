import Foundation

extension TicketTable {
    /// Evaluates `query` over the columns with the semantics of ``TicketQuery/evaluate(_:workflow:)``.
    ///
    /// A negative offset or limit counts as zero and an offset past the matches gives an empty
    /// page: the page bounds saturate, so no offset or limit can overflow. (The engine already
    /// rejects negative values and oversized pages; a store must not trap on any caller's query.)
    ///
    /// - Complexity: O(*n*) to filter *n* rows, plus O(*m* + *k* log *k*) on average to order the
    ///   first *k* = min(offset + limit, *m*) of *m* matches.
    func evaluate(_ query: TicketQuery, workflow: Workflow) -> TicketPage {
        let matches = columns.filter(query, workflow: workflow, rows: rows)
        let skip = min(max(0, query.offset), matches.count)
        let wanted = skip + min(max(0, query.limit), matches.count - skip)
        let ordered: ArraySlice<Int32>
        if let keyed = columns.sortKeys(for: query, workflow: workflow) {
            var keys = matches.map { keyed($0) }
            Selection.sortPrefix(&keys, count: wanted, by: <)
            ordered = keys.prefix(wanted).map(\.row)[...]
        } else {
            var sorted = matches
            Selection.sortPrefix(
                &sorted, count: wanted, by: columns.ordering(for: query, workflow: workflow, rows: rows))
            ordered = sorted.prefix(wanted)
        }
        let page = ordered.dropFirst(skip)
        return TicketPage(tickets: page.map { rows[Int($0)] }, totalCount: matches.count, offset: query.offset)
    }
}

extension TicketColumns {
    /// Rows passing every filter, in row order; `rows` are the tickets the columns describe.
    func filter(_ query: TicketQuery, workflow: Workflow, rows: [Ticket]) -> [Int32] {
        let statusMask = statusMask(for: query, workflow: workflow)
        let priorityMask = query.priorities.map { set in (0..<4).map { set.contains(Priority(rawValue: $0)!) } }
        let channelMask = query.channels.map { set in Channel.allCases.map { set.contains($0) } }
        let categoryMask = query.categoryIDs.map { categoryKeys.mask(for: $0) }
        let assigneeMask = query.assigneeIDs.map { assigneeKeys.mask(for: $0) }
        let groupMask = query.groupIDs.map { groupKeys.mask(for: $0) }
        let requesterMask = query.requesters.map { requesterKeys.mask(for: Set($0.map(Optional.some))) }
        let companyMask = query.companyIDs.map { companyKeys.mask(for: $0) }
        let locationMask = query.locationIDs.map { locationKeys.mask(for: $0) }
        let contractMask = query.contractIDs.map { contractKeys.mask(for: $0) }
        let assets = query.assetIDs
        let lower = query.createdIn?.lowerBound.timeIntervalSinceReferenceDate ?? -.infinity
        let upper = query.createdIn?.upperBound.timeIntervalSinceReferenceDate ?? .infinity
        let conditionMask = query.slaConditions.map { set in SLACondition.allCases.map { set.contains($0) } }
        let dueLimit = query.slaDueBefore?.timeIntervalSinceReferenceDate
        let needle = query.foldedTitleNeedle ?? []
        let reachable = query.reach.map { reachMask($0, rows: rows) }

        return foldedTitles.withRows { titles, start, length in
            needle.withUnsafeBufferPointer { needle in
                var matches: [Int32] = []
                for row in 0..<rows.count {
                    if let statusMask, !statusMask[Int(status[row])] { continue }
                    if let priorityMask, !priorityMask[Int(priority[row])] { continue }
                    if let channelMask, !channelMask[Int(channel[row])] { continue }
                    if let categoryMask, !categoryMask[Int(category[row])] { continue }
                    if let assigneeMask, !assigneeMask[Int(assignee[row])] { continue }
                    if let groupMask, !groupMask[Int(group[row])] { continue }
                    if let requesterMask, !requesterMask[Int(requester[row])] { continue }
                    if let companyMask, !companyMask[Int(company[row])] { continue }
                    if let locationMask, !locationMask[Int(location[row])] { continue }
                    if let contractMask, !contractMask[Int(contract[row])] { continue }
                    if let assets, !rows[row].assetIDs.contains(where: assets.contains) { continue }
                    let createdAt = created[row]
                    if createdAt < lower || createdAt >= upper { continue }
                    if let conditionMask, !conditionMask[Int(slaCondition[row])] { continue }
                    if let dueLimit, !(slaDue[row] < dueLimit && slaDue[row] != Self.noDue) { continue }
                    if let reachable, !reachable[row] { continue }
                    if !needle.isEmpty {
                        let title = UnsafeBufferPointer(rebasing: titles[start[row]..<start[row] + Int(length[row])])
                        if !TextMatching.contains(title, needle) { continue }
                    }
                    matches.append(Int32(row))
                }
                return matches
            }
        }
    }

    /// Which rows pass one of the reach clauses: one pass per clause over the columns, with the
    /// clause's masks hoisted out of the loop (checking clauses row by row inside the main filter
    /// copied every clause's masks per row).
    private func reachMask(_ clauses: [TicketReachClause], rows: [Ticket]) -> [Bool] {
        var reachable = [Bool](repeating: false, count: rows.count)
        for clause in clauses {
            let groups = clause.groupIDs.map { groupKeys.mask(for: $0) }
            let categories = clause.categoryIDs.map { categoryKeys.mask(for: $0) }
            let assignees = clause.assigneeIDs.map { assigneeKeys.mask(for: $0) }
            let companies = clause.companyIDs.map { companyKeys.mask(for: $0) }
            let locations = clause.locationIDs.map { locationKeys.mask(for: $0) }
            let requesters = clause.requesters.map { requesterKeys.mask(for: Set($0.map(Optional.some))) }
            let copying = clause.copying.flatMap { $0.isEmpty ? nil : $0 }
            reachable.withUnsafeMutableBufferPointer { reachable in
                for row in 0..<rows.count where !reachable[row] {
                    if let companies, !companies[Int(company[row])] { continue }
                    if let groups, !groups[Int(group[row])] { continue }
                    if let categories, !categories[Int(category[row])] { continue }
                    if let assignees, !assignees[Int(assignee[row])] { continue }
                    if let locations, !locations[Int(location[row])] { continue }
                    if let requesters, !requesters[Int(requester[row])] { continue }
                    if let copying, !copying.allSatisfy(rows[row].ccContactIDs.contains) { continue }
                    reachable[row] = true
                }
            }
        }
        return reachable
    }

    /// Which status keys pass the status-category and status filters; `nil` when neither is set.
    private func statusMask(for query: TicketQuery, workflow: Workflow) -> [Bool]? {
        guard query.statusCategories != nil || query.statuses != nil else { return nil }
        var mask = [Bool](repeating: false, count: statusKeys.keyCount)
        for (offset, code) in statusKeys.values.enumerated() {
            var passes = true
            if let categories = query.statusCategories {
                passes = workflow.category(of: code).map(categories.contains) ?? false
            }
            if let statuses = query.statuses, !statuses.contains(code) { passes = false }
            mask[offset + 1] = passes
        }
        return mask
    }
}
