import Foundation

extension TicketTable {
    /// Evaluates `query` over the columns with the semantics of ``TicketQuery/evaluate(_:workflow:)``.
    ///
    /// - Complexity: O(*n*) to filter *n* rows, plus O(*m* log *k*) to select the first
    ///   *k* = offset + limit of *m* matches (a full sort when *k* is a large share of *m*).
    func evaluate(_ query: TicketQuery, workflow: Workflow) -> TicketPage {
        let matches = filter(query, workflow: workflow)
        let wanted = max(0, query.offset) + max(0, query.limit)
        let isBefore = ordering(for: query, workflow: workflow)
        let ordered: [Int32]
        if wanted >= matches.count / 4 {
            ordered = matches.sorted(by: isBefore)
        } else {
            ordered = Self.smallest(wanted, of: matches, by: isBefore)
        }
        let start = min(max(query.offset, 0), ordered.count)
        let end = min(start + max(query.limit, 0), ordered.count)
        let tickets = ordered[start..<end].map { rows[Int($0)] }
        return TicketPage(tickets: tickets, totalCount: matches.count, offset: query.offset)
    }

    /// Rows passing every filter, in row order.
    private func filter(_ query: TicketQuery, workflow: Workflow) -> [Int32] {
        let statusMask = statusMask(for: query, workflow: workflow)
        let priorityMask = query.priorities.map { set in (0..<4).map { set.contains(Priority(rawValue: $0)!) } }
        let channelMask = query.channels.map { set in Channel.allCases.map { set.contains($0) } }
        let categoryMask = query.categoryIDs.map { categoryKeys.mask(for: $0) }
        let assigneeMask = query.assigneeIDs.map { assigneeKeys.mask(for: $0) }
        let groupMask = query.groupIDs.map { groupKeys.mask(for: $0) }
        let requesterMask = query.requesters.map { requesterKeys.mask(for: Set($0.map(Optional.some))) }
        let lower = query.createdIn?.lowerBound.timeIntervalSinceReferenceDate ?? -.infinity
        let upper = query.createdIn?.upperBound.timeIntervalSinceReferenceDate ?? .infinity
        let needle = query.normalizedTitleNeedle

        var matches: [Int32] = []
        for row in 0..<rows.count {
            if let statusMask, !statusMask[Int(status[row])] { continue }
            if let priorityMask, !priorityMask[Int(priority[row])] { continue }
            if let channelMask, !channelMask[Int(channel[row])] { continue }
            if let categoryMask, !categoryMask[Int(category[row])] { continue }
            if let assigneeMask, !assigneeMask[Int(assignee[row])] { continue }
            if let groupMask, !groupMask[Int(group[row])] { continue }
            if let requesterMask, !requesterMask[Int(requester[row])] { continue }
            let createdAt = created[row]
            if createdAt < lower || createdAt >= upper { continue }
            if let needle, !foldedTitle[row].contains(needle) { continue }
            matches.append(Int32(row))
        }
        return matches
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

    /// A strict "comes before" over rows for the query's sort criteria, number ascending last.
    private func ordering(for query: TicketQuery, workflow: Workflow) -> (Int32, Int32) -> Bool {
        let comparators = query.sort.map { criterion -> (Int, Int) -> Int in
            let compare = comparator(for: criterion.field, workflow: workflow)
            return criterion.direction == .ascending ? compare : { compare($1, $0) }
        }
        let number = self.number
        return { lhs, rhs in
            let left = Int(lhs)
            let right = Int(rhs)
            for compare in comparators {
                let order = compare(left, right)
                if order != 0 { return order < 0 }
            }
            return number[left] < number[right]
        }
    }

    /// A three-way comparison of two rows by one field.
    private func comparator(for field: TicketSortField, workflow: Workflow) -> (Int, Int) -> Int {
        switch field {
        case .number:
            let column = number
            return { threeWay(column[$0], column[$1]) }
        case .createdAt:
            let column = created
            return { threeWay(column[$0], column[$1]) }
        case .updatedAt:
            let column = updated
            return { threeWay(column[$0], column[$1]) }
        case .priority:
            let column = priority
            return { threeWay(column[$0], column[$1]) }
        case .channel:
            let rank = Self.channelRank
            let column = channel
            return { threeWay(rank[Int(column[$0])], rank[Int(column[$1])]) }
        case .status:
            let rank = [Int.max] + statusKeys.values.map { workflow.position(of: $0) ?? Int.max }
            return rankedComparator(status, rank: rank.map(Int32.init(clamping:)))
        case .category:
            return rankedComparator(category, rank: categoryKeys.ranks(by: <))
        case .assignee:
            return rankedComparator(assignee, rank: assigneeKeys.ranks(by: <))
        case .group:
            return rankedComparator(group, rank: groupKeys.ranks(by: <))
        case .requester:
            return rankedComparator(requester, rank: requesterKeys.ranks { $0.sortKey < $1.sortKey })
        case .title:
            let folded = foldedTitle
            let rows = self.rows
            return { lhs, rhs in
                let order = threeWay(folded[lhs], folded[rhs])
                return order != 0 ? order : threeWay(rows[lhs].title, rows[rhs].title)
            }
        }
    }

    private func rankedComparator(_ column: [Int32], rank: [Int32]) -> (Int, Int) -> Int {
        { threeWay(rank[Int(column[$0])], rank[Int(column[$1])]) }
    }

    /// Rank of every channel key when channels are ordered by raw value.
    private static let channelRank: [Int] = {
        let sorted = Channel.allCases.sorted { $0.rawValue < $1.rawValue }
        return Channel.allCases.map { channel in sorted.firstIndex(of: channel)! }
    }()

    /// The `count` smallest elements of `items` in order, without sorting all of them.
    private static func smallest(_ count: Int, of items: [Int32], by isBefore: (Int32, Int32) -> Bool) -> [Int32] {
        guard count > 0 else { return [] }
        var best: [Int32] = []
        best.reserveCapacity(count + 1)
        for item in items {
            if best.count == count {
                guard isBefore(item, best[count - 1]) else { continue }
                best.removeLast()
            }
            var low = 0
            var high = best.count
            while low < high {
                let middle = (low + high) / 2
                if isBefore(best[middle], item) { low = middle + 1 } else { high = middle }
            }
            best.insert(item, at: low)
        }
        return best
    }
}
