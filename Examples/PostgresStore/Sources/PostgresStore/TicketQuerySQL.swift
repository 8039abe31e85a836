import Foundation
import HelpDeskKit
import PostgresNIO

/// A ``TicketQuery`` as SQL over the `tickets` table (alias `t`): a `WHERE` clause, an
/// `ORDER BY` ending with `number ASC`, and the bound parameters.
///
/// The SQL text is built only from fixed column names; every value is a bound parameter.
/// It reproduces `TicketQuery.evaluate(_:workflow:)` exactly:
/// - `statusCategories` and `statuses` become one `status = ANY(codes)`, the codes taken from the
///   workflow (a status the workflow does not know matches no category);
/// - a `nil` inside an identifier set adds `OR column IS NULL`;
/// - `createdIn` is half-open; `titleContains` searches the folded title's bytes (blank matches all);
/// - identifiers sort as `uuid` (16 big-endian bytes), `nil` first ascending and last descending;
///   status by workflow position (unknown last); titles by lower-cased then exact UTF-8 bytes.
struct TicketQuerySQL {
    /// The parameters bound so far.
    private(set) var binds = PostgresBindings()
    /// The `WHERE` conditions, joined with `AND`.
    private var conditions: [String] = []
    /// The `ORDER BY` terms.
    private var ordering: [String] = []

    /// The SQL of `query` under `workflow`.
    init(_ query: TicketQuery, workflow: Workflow) {
        addFilters(of: query, workflow: workflow)
        for criterion in query.sort { addOrder(criterion, workflow: workflow) }
        ordering.append("t.number ASC")
    }

    /// The SQL of exactly the tickets of `scan`: its period and filter become the indexed `WHERE`
    /// conditions a ticket query uses (the employee filter on the assignee).
    init(_ scan: TicketScan) {
        let filter = scan.filter
        let query = TicketQuery(
            categoryIDs: filter.categoryIDs, priorities: filter.priorities, assigneeIDs: filter.employeeIDs,
            groupIDs: filter.groupIDs, companyIDs: filter.companyIDs, locationIDs: filter.locationIDs,
            contractIDs: filter.contractIDs, channels: filter.channels, createdIn: scan.createdIn)
        self.init(query, workflow: .standard)
    }

    /// The `WHERE` clause (`TRUE` without filters).
    var whereClause: String { conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ") }

    /// The statement counting every match.
    var countQuery: PostgresQuery {
        PostgresQuery(unsafeSQL: "SELECT count(*) FROM tickets t WHERE \(whereClause)", binds: binds)
    }

    /// The statement selecting the bodies of one page, skipping `offset` and taking `limit`
    /// (both clamped at zero, as the reference evaluator does).
    func pageQuery(offset: Int, limit: Int) -> PostgresQuery {
        var copy = self
        let offsetParameter = copy.bind(max(0, offset))
        let limitParameter = copy.bind(max(0, limit))
        return PostgresQuery(
            unsafeSQL: """
                SELECT t.body FROM tickets t WHERE \(whereClause)
                ORDER BY \(ordering.joined(separator: ", ")) OFFSET \(offsetParameter) LIMIT \(limitParameter)
                """,
            binds: copy.binds)
    }

    /// Binds `value` and returns its placeholder.
    mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    // MARK: Filters

    private mutating func addFilters(of query: TicketQuery, workflow: Workflow) {
        var statusCodes: Set<StatusCode>?
        if let categories = query.statusCategories { statusCodes = workflow.codes(in: categories) }
        if let statuses = query.statuses { statusCodes = statusCodes.map { $0.intersection(statuses) } ?? statuses }
        if let statusCodes { conditions.append("t.status = ANY(\(bind(statusCodes.map(\.rawValue))))") }
        addIdentifiers(query.categoryIDs, column: "t.category_id")
        if let priorities = query.priorities {
            conditions.append("t.priority = ANY(\(bind(priorities.map(\.rawValue))))")
        }
        addIdentifiers(query.assigneeIDs, column: "t.assignee_id")
        addIdentifiers(query.groupIDs, column: "t.group_id")
        addIdentifiers(query.companyIDs, column: "t.company_id")
        addIdentifiers(query.locationIDs, column: "t.location_id")
        addIdentifiers(query.contractIDs, column: "t.contract_id")
        if let assets = query.assetIDs {
            let wanted = bind(assets.map(\.uuid))
            conditions.append(
                "EXISTS (SELECT 1 FROM ticket_assets a WHERE a.ticket_id = t.id AND a.asset_id = ANY(\(wanted)))")
        }
        if let requesters = query.requesters {
            let keys = requesters.map { RecordCoding.buffer(TicketColumns.requesterKey($0)) }
            conditions.append("t.requester = ANY(\(bind(keys)))")
        }
        if let channels = query.channels { conditions.append("t.channel = ANY(\(bind(channels.map(\.rawValue))))") }
        if let range = query.createdIn {
            let lower = bind(range.lowerBound.storedSeconds)
            let upper = bind(range.upperBound.storedSeconds)
            conditions.append("t.created_at >= \(lower) AND t.created_at < \(upper)")
        }
        if let slaConditions = query.slaConditions {
            conditions.append("t.sla_condition = ANY(\(bind(slaConditions.map(\.rawValue))))")
        }
        if let dueBefore = query.slaDueBefore {
            conditions.append("t.sla_next_due < \(bind(dueBefore.storedSeconds))")
        }
        if let needle = query.foldedTitleNeedle {
            conditions.append("position(\(bind(RecordCoding.buffer(Data(needle)))) IN t.title_folded) > 0")
        }
        addReach(query.reach)
    }

    /// `column IN ids`, or `IS NULL` for a `nil` inside the set.
    private mutating func addIdentifiers<Tag>(_ ids: Set<Identifier<Tag>?>?, column: String) {
        if let ids { conditions.append(identifierCondition(ids, column: column)) }
    }

    /// The condition `column IN ids`, with `OR column IS NULL` for a `nil` inside the set.
    private mutating func identifierCondition<Tag>(_ ids: Set<Identifier<Tag>?>, column: String) -> String {
        let values = ids.compactMap { $0?.uuid }
        var alternatives: [String] = []
        if !values.isEmpty { alternatives.append("\(column) = ANY(\(bind(values)))") }
        if ids.contains(nil) { alternatives.append("\(column) IS NULL") }
        return alternatives.isEmpty ? "FALSE" : "(" + alternatives.joined(separator: " OR ") + ")"
    }

    /// A ticket passes one of the reach clauses (none: `FALSE`).
    private mutating func addReach(_ reach: [TicketReachClause]?) {
        guard let reach else { return }
        let clauses = reach.map { clause in
            var parts: [String] = []
            if let groups = clause.groupIDs { parts.append(identifierCondition(groups, column: "t.group_id")) }
            if let categories = clause.categoryIDs {
                parts.append(identifierCondition(categories, column: "t.category_id"))
            }
            if let assignees = clause.assigneeIDs {
                parts.append(identifierCondition(assignees, column: "t.assignee_id"))
            }
            if let companies = clause.companyIDs { parts.append(identifierCondition(companies, column: "t.company_id")) }
            if let locations = clause.locationIDs {
                parts.append(identifierCondition(locations, column: "t.location_id"))
            }
            if let requesters = clause.requesters {
                let keys = requesters.map { RecordCoding.buffer(TicketColumns.requesterKey($0)) }
                parts.append("t.requester = ANY(\(bind(keys)))")
            }
            if let copied = clause.copying, !copied.isEmpty {
                parts.append("t.cc_contacts @> \(bind(copied.map(\.uuid)))::uuid[]")
            }
            return parts.isEmpty ? "TRUE" : "(" + parts.joined(separator: " AND ") + ")"
        }
        conditions.append(clauses.isEmpty ? "FALSE" : "(" + clauses.joined(separator: " OR ") + ")")
    }

    // MARK: Order

    /// The identifier column each optional-identifier sort field reads.
    private static let identifierColumns: [TicketSortField: String] = [
        .category: "t.category_id", .assignee: "t.assignee_id", .group: "t.group_id", .company: "t.company_id",
    ]

    private mutating func addOrder(_ criterion: TicketSort, workflow: Workflow) {
        let direction = criterion.direction == .ascending ? "ASC" : "DESC"
        // The reference sorts nil first ascending, so last descending.
        let nulls = criterion.direction == .ascending ? "NULLS FIRST" : "NULLS LAST"
        var nullable = false
        let terms: [String]
        switch criterion.field {
        case .number: terms = ["t.number"]
        case .createdAt: terms = ["t.created_at"]
        case .updatedAt: terms = ["t.updated_at"]
        case .priority: terms = ["t.priority"]
        case .status:
            let codes = bind(workflow.statuses.map(\.code.rawValue))
            terms = ["coalesce(array_position(\(codes)::text[], t.status), 2147483647)"]
        case .category, .assignee, .group, .company:
            nullable = true
            terms = [Self.identifierColumns[criterion.field] ?? "t.number"]
        case .requester: terms = ["t.requester_order"]
        case .channel: terms = ["t.channel"]
        case .slaDue: terms = ["coalesce(t.sla_next_due, \(bind(Date.distantFuture.storedSeconds)))"]
        case .title: terms = ["t.title_lowered", "t.title_bytes"]
        }
        for term in terms { ordering.append(nullable ? "\(term) \(direction) \(nulls)" : "\(term) \(direction)") }
    }
}
