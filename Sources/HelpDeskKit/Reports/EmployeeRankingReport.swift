import Foundation

/// One employee's results in the period.
public struct EmployeeRankingRow: ReportRow, Hashable {
    /// 1-based position.
    public var rank: Int
    /// The employee.
    public var key: ReportKey
    /// Tickets assigned to the employee, now resolved or closed, with `resolvedAt` in the period.
    public var resolvedTickets: Int
    /// SLA outcomes of the tickets registered in the period and assigned to the employee.
    public var reaction: SLAClockCounts
    /// Resolution clock outcomes, as for ``reaction``.
    public var resolution: SLAClockCounts
    /// Ratings of the employee's work given in the period.
    public var satisfaction: SatisfactionRow?
    /// Time the employee logged for work dates in the period.
    public var spentMinutes: Int
    /// Logged hours.
    public var laborHours: Double { Double(spentMinutes) / 60 }

    /// CSV columns.
    public static let csvColumns =
        [ReportColumn("rank", .rank)] + CSVText.keyColumns + [
            ReportColumn("resolved_tickets", .count), ReportColumn("reaction_compliance_percent", .percent),
            ReportColumn("resolution_compliance_percent", .percent), ReportColumn("ratings", .count),
            ReportColumn("csat_percent", .percent), ReportColumn("labor_hours", .hours),
        ]
    /// CSV fields.
    public var csvFields: [String] {
        [String(rank)] + CSVText.key(key) + [
            String(resolvedTickets), CSVText.of(reaction.compliancePercent), CSVText.of(resolution.compliancePercent),
            String(satisfaction?.ratings ?? 0), CSVText.of(satisfaction?.csatPercent), CSVText.of(laborHours),
        ]
    }
}

extension ReportEngine {
    /// Employees ranked by resolved tickets, then resolution SLA compliance, then CSAT, then logged
    /// hours (all descending; a missing figure ranks last), then identifier. Every employee with any
    /// figure appears; unassigned work is left out.
    ///
    /// - Complexity: that of ``slaCompliance(_:by:)``, ``satisfaction(_:by:)`` and ``labor(_:by:)`` combined.
    public func employeeRanking(_ request: ReportRequest) async throws -> [EmployeeRankingRow] {
        try request.validate()
        var resolved: [EmployeeID: Int] = [:]
        for ticket in try await ticketsCreatedBeforeEnd(request) {
            guard let assignee = ticket.assigneeID, let resolvedAt = ticket.resolvedAt,
                request.period.contains(resolvedAt),
                let category = workflow.category(of: ticket.status), category == .resolved || category == .closed
            else { continue }
            resolved[assignee, default: 0] += 1
        }
        let sla = try await slaCompliance(request, by: .employee)
        let ratings = try await satisfaction(request, by: .employee)
        let labor = try await labor(request, by: .employee)
        var rows: [String: EmployeeRankingRow] = [:]
        func row(_ key: ReportKey) -> EmployeeRankingRow {
            rows[key.value!]
                ?? EmployeeRankingRow(
                    rank: 0, key: key, resolvedTickets: 0, reaction: SLAClockCounts(), resolution: SLAClockCounts(),
                    satisfaction: nil, spentMinutes: 0)
        }
        let names = Dictionary(try await store.employees().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (id, count) in resolved {
            let key = ReportKey(dimension: .employee, value: id.description, label: names[id])
            rows[key.value!] = row(key)
            rows[key.value!]!.resolvedTickets = count
        }
        for line in sla where line.key.value != nil {
            rows[line.key.value!] = row(line.key)
            rows[line.key.value!]!.reaction = line.reaction
            rows[line.key.value!]!.resolution = line.resolution
        }
        for line in ratings where line.key.value != nil {
            rows[line.key.value!] = row(line.key)
            rows[line.key.value!]!.satisfaction = line
        }
        for line in labor where line.key.value != nil {
            rows[line.key.value!] = row(line.key)
            rows[line.key.value!]!.spentMinutes = line.spentMinutes
        }
        let ranked = rows.values.sorted { a, b in
            let left = (
                a.resolvedTickets, a.resolution.compliancePercent ?? -1, a.satisfaction?.csatPercent ?? -1,
                a.spentMinutes
            )
            let right = (
                b.resolvedTickets, b.resolution.compliancePercent ?? -1, b.satisfaction?.csatPercent ?? -1,
                b.spentMinutes
            )
            return left != right ? left > right : a.key.value! < b.key.value!
        }
        return ranked.enumerated().map { offset, row in
            var row = row
            row.rank = offset + 1
            return row
        }
    }
}
