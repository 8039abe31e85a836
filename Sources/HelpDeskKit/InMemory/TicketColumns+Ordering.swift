import Foundation

/// A row's position in a query's order, packed into integers so that ordering is one comparison.
struct RowSortKey: Comparable, Sendable {
    var first: UInt64
    var second: UInt64
    var third: UInt64
    var row: Int32

    static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.first != rhs.first { return lhs.first < rhs.first }
        if lhs.second != rhs.second { return lhs.second < rhs.second }
        return lhs.third < rhs.third
    }
}

extension TicketColumns {
    /// A function packing a row's sort position into a ``RowSortKey``, when the query's order allows
    /// it: at most two criteria, none by title. The ticket number always breaks ties.
    func sortKeys(for query: TicketQuery, workflow: Workflow) -> ((Int32) -> RowSortKey)? {
        guard query.sort.count <= 2, !query.sort.contains(where: { $0.field == .title }) else { return nil }
        let columns = query.sort.map { criterion -> (Int) -> UInt64 in
            let key = integerKey(for: criterion.field, workflow: workflow)
            return criterion.direction == .ascending ? key : { ~key($0) }
        }
        let number = self.number
        let tieBreak: (Int) -> UInt64 = { UInt64(bitPattern: Int64(number[$0])) ^ (1 << 63) }
        switch columns.count {
        case 0: return { RowSortKey(first: tieBreak(Int($0)), second: 0, third: 0, row: $0) }
        case 1:
            let a = columns[0]
            return { RowSortKey(first: a(Int($0)), second: tieBreak(Int($0)), third: 0, row: $0) }
        default:
            let a = columns[0]
            let b = columns[1]
            return { RowSortKey(first: a(Int($0)), second: b(Int($0)), third: tieBreak(Int($0)), row: $0) }
        }
    }

    /// An order-preserving unsigned key of one field for every row.
    private func integerKey(for field: TicketSortField, workflow: Workflow) -> (Int) -> UInt64 {
        switch field {
        case .number:
            let column = number
            return { UInt64(bitPattern: Int64(column[$0])) ^ (1 << 63) }
        case .createdAt:
            let column = created
            return { Self.orderedBits(column[$0]) }
        case .updatedAt:
            let column = updated
            return { Self.orderedBits(column[$0]) }
        case .slaDue:
            let column = slaDue
            return { Self.orderedBits(column[$0]) }
        case .priority:
            let column = priority
            return { UInt64(column[$0]) }
        case .channel:
            let rank = Self.channelRank
            let column = channel
            return { UInt64(rank[Int(column[$0])]) }
        case .status:
            let rank = [Int32.max] + statusKeys.values.map { Int32(clamping: workflow.position(of: $0) ?? Int.max) }
            return ranked(status, rank)
        case .category: return ranked(category, categoryKeys.ranks(by: <))
        case .assignee: return ranked(assignee, assigneeKeys.ranks(by: <))
        case .group: return ranked(group, groupKeys.ranks(by: <))
        case .requester: return ranked(requester, requesterKeys.ranks { $0.sortKey < $1.sortKey })
        case .company: return ranked(company, companyKeys.ranks(by: <))
        case .title: preconditionFailure("titles are ordered by comparison, not by integer keys")
        }
    }

    private func ranked(_ column: [Int32], _ rank: [Int32]) -> (Int) -> UInt64 {
        { UInt64(UInt32(bitPattern: rank[Int(column[$0])])) }
    }

    /// Bits of a double whose unsigned order is the numeric order.
    private static func orderedBits(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }

    /// A strict "comes before" over rows for any sort criteria, number ascending last; `rows` are
    /// the tickets the columns describe.
    func ordering(for query: TicketQuery, workflow: Workflow, rows: [Ticket]) -> (Int32, Int32) -> Bool {
        let comparators = query.sort.map { criterion -> (Int, Int) -> Int in
            let compare = comparator(for: criterion.field, workflow: workflow, rows: rows)
            return criterion.direction == .ascending ? compare : { compare($1, $0) }
        }
        let number = self.number
        return { lhs, rhs in
            for compare in comparators {
                let order = compare(Int(lhs), Int(rhs))
                if order != 0 { return order < 0 }
            }
            return number[Int(lhs)] < number[Int(rhs)]
        }
    }

    /// A three-way comparison of two rows by one field.
    private func comparator(for field: TicketSortField, workflow: Workflow, rows: [Ticket]) -> (Int, Int) -> Int {
        guard field == .title else {
            let key = integerKey(for: field, workflow: workflow)
            return { threeWay(key($0), key($1)) }
        }
        let titles = foldedTitles
        return { lhs, rhs in
            let order = titles.compare(lhs, rhs)
            return order != 0 ? order : TextMatching.compareBytes(rows[lhs].title, rows[rhs].title)
        }
    }

    /// Rank of every channel key when channels are ordered by raw value.
    private static let channelRank: [Int] = {
        let sorted = Channel.allCases.sorted { $0.rawValue < $1.rawValue }
        return Channel.allCases.map { channel in sorted.firstIndex(of: channel)! }
    }()
}
