import Foundation
import HelpDeskKit
import PostgresNIO

extension PostgresStore {
    /// Counts the SLA outcomes of `scan` in one `GROUP BY` over the outcome columns (schema
    /// version 4), reading no ticket body; grouped by requester it tallies the scan in Swift,
    /// since a requester's stored key is its NFC form, not its exact text.
    public func slaOutcomes(in scan: TicketScan, groupedBy grouping: TicketGrouping) async throws
        -> [SLAOutcomeTally]
    {
        if grouping.dimension == .contact {
            return SLAOutcomeTally.tally(try await tickets(in: scan), in: scan, groupedBy: grouping)
        }
        if grouping.dimension == .bucket && grouping.bucketStarts.isEmpty { return [] }
        var sql = TicketQuerySQL(scan)
        let group = Self.groupColumn(of: grouping, binding: &sql)
        func counts(_ column: String) -> String {
            (0...3).map { "count(*) FILTER (WHERE t.\(column) = \($0))" }.joined(separator: ", ")
        }
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(group)::text, count(*), \(counts("sla_reaction")), \(counts("sla_resolution"))
                FROM tickets t WHERE \(sql.whereClause) AND t.sla_reaction IS NOT NULL
                    \(grouping.dimension == .bucket ? "AND \(group) > 0" : "")
                GROUP BY 1
                """,
            binds: sql.binds)
        let tallies = try await rows(query) { row in
            let (value, tickets, r0, r1, r2, r3, s0, s1, s2, s3) = try Self.counts(of: row)
            return SLAOutcomeTally(
                key: try Self.groupKey(value, along: grouping.dimension), tickets: tickets,
                reaction: SLAClockCounts(met: r1, breached: r2, pending: r3, notMeasured: r0),
                resolution: SLAClockCounts(met: s1, breached: s2, pending: s3, notMeasured: s0))
        }
        return tallies.sorted { $0.key < $1.key }
    }

    /// A row's group text, ticket count and the four counts of each clock.
    private static func counts(of row: PostgresRow) throws
        -> (String?, Int, Int, Int, Int, Int, Int, Int, Int, Int)
    {
        do {
            return try row.decode((String?, Int, Int, Int, Int, Int, Int, Int, Int, Int).self)
        } catch {
            throw StorageError(.corrupted, "an SLA outcome row is unreadable: \(error)")
        }
    }

    /// The SQL expression of a ticket's group: a column, `width_bucket` over the bound bucket
    /// starts (1-based, 0 before the first), or a constant for one group.
    private static func groupColumn(of grouping: TicketGrouping, binding sql: inout TicketQuerySQL) -> String {
        switch grouping.dimension {
        case .total, .activity, .contact: "NULL"
        case .bucket:
            "width_bucket(t.created_at, \(sql.bind(grouping.bucketStarts.map(\.storedSeconds)))::double precision[])"
        case .company: "t.company_id"
        case .contract: "t.contract_id"
        case .location: "t.location_id"
        case .employee: "t.assignee_id"
        case .group: "t.group_id"
        case .category: "t.category_id"
        case .priority: "t.priority"
        case .channel: "t.channel"
        }
    }

    /// The group key of a row's group text; a value this build cannot read is `.corrupted`.
    private static func groupKey(_ value: String?, along dimension: ReportDimension) throws -> ReportGroupKey {
        func id<Tag>() throws -> Identifier<Tag>? {
            guard let value else { return nil }
            guard let id = Identifier<Tag>(uuidString: value) else { throw unreadable(value, dimension) }
            return id
        }
        switch dimension {
        case .total, .activity, .contact: return .total
        case .bucket:
            guard let index = value.flatMap(Int.init), index > 0 else { throw unreadable(value, dimension) }
            return .bucket(index - 1)
        case .company: return .company(try id())
        case .contract: return .contract(try id())
        case .location: return .location(try id())
        case .employee: return .employee(try id())
        case .group: return .group(try id())
        case .category: return .category(try id())
        case .priority:
            guard let priority = value.flatMap(Int.init).flatMap(Priority.init(rawValue:)) else {
                throw unreadable(value, dimension)
            }
            return .priority(priority)
        case .channel:
            guard let channel = value.flatMap(Channel.init(rawValue:)) else { throw unreadable(value, dimension) }
            return .channel(channel)
        }
    }

    private static func unreadable(_ value: String?, _ dimension: ReportDimension) -> StorageError {
        StorageError(.corrupted, "a stored ticket has an unreadable \(dimension) value \(value ?? "NULL")")
    }
}
