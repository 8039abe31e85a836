import Foundation

/// First-contact resolution and reopen rates of one group of tickets.
public struct ResolutionQualityRow: ReportRow, Hashable {
    /// The group.
    public var key: ReportKey
    /// Tickets now resolved or closed whose `resolvedAt` lies in the period.
    public var resolvedTickets: Int
    /// Of those, tickets resolved at first contact: at most one public staff reply and never reopened.
    public var firstContactResolved: Int
    /// Tickets moved from an active status into resolved or closed at least once in the period.
    public var resolvedInPeriod: Int
    /// Of those, tickets moved from resolved back to an active status after that first resolution.
    public var reopened: Int
    /// `firstContactResolved / resolvedTickets × 100`; `nil` for no tickets.
    public var firstContactPercent: Double? { Self.percent(firstContactResolved, of: resolvedTickets) }
    /// `reopened / resolvedInPeriod × 100`; `nil` for no tickets.
    public var reopenPercent: Double? { Self.percent(reopened, of: resolvedInPeriod) }

    static func percent(_ part: Int, of whole: Int) -> Double? { whole == 0 ? nil : Double(part) * 100 / Double(whole) }

    /// CSV columns.
    public static let csvColumns =
        CSVText.keyColumns + [
            ReportColumn("resolved_tickets", .count), ReportColumn("first_contact_resolved", .count),
            ReportColumn("first_contact_percent", .percent), ReportColumn("resolved_in_period", .count),
            ReportColumn("reopened", .count), ReportColumn("reopen_percent", .percent),
        ]
    /// CSV fields.
    public var csvFields: [String] {
        CSVText.key(key) + [
            String(resolvedTickets), String(firstContactResolved), CSVText.of(firstContactPercent),
            String(resolvedInPeriod), String(reopened), CSVText.of(reopenPercent),
        ]
    }

    private enum CodingKeys: String, CodingKey {
        case key, resolvedTickets, firstContactResolved, resolvedInPeriod, reopened, firstContactPercent, reopenPercent
    }

    /// Encodes the counts with the percentages.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(resolvedTickets, forKey: .resolvedTickets)
        try container.encode(firstContactResolved, forKey: .firstContactResolved)
        try container.encode(resolvedInPeriod, forKey: .resolvedInPeriod)
        try container.encode(reopened, forKey: .reopened)
        try container.encode(firstContactPercent, forKey: .firstContactPercent)
        try container.encode(reopenPercent, forKey: .reopenPercent)
    }
}

extension ReportEngine {
    /// First-contact resolution and reopen rates, grouped by `dimension`; a trend buckets a ticket by
    /// its `resolvedAt` (first-contact figures) and by its first resolution in the period (reopen figures).
    ///
    /// A public staff reply is a public comment by an employee that was not copied in by a merge.
    ///
    /// - Complexity: O(*n*) for the scan plus O(*e* log *e* + *c*) per ticket with its audit entries
    ///   and comments.
    public func resolutionQuality(_ request: ReportRequest, by dimension: ReportDimension) async throws
        -> [ResolutionQualityRow]
    {
        try request.validate()
        let buckets = request.buckets
        let empty = ResolutionQualityRow(
            key: ReportKey(dimension: dimension, value: nil), resolvedTickets: 0, firstContactResolved: 0,
            resolvedInPeriod: 0, reopened: 0)
        var groups = Groups(empty: empty, buckets: buckets.starts.count)
        for ticket in try await ticketsCreatedBeforeEnd(request) {
            let history = StatusHistory(
                ticket: ticket, trail: try await store.auditTrail(of: ticket.id), workflow: workflow)
            let category = workflow.category(of: ticket.status)
            if category == .resolved || category == .closed, let resolvedAt = ticket.resolvedAt,
                let bucket = buckets.index(of: resolvedAt)
            {
                let replies = try await store.comments(on: ticket.id).count {
                    if case .employee = $0.author { $0.visibility == .public && $0.mergedFrom == nil } else { false }
                }
                let firstContact = replies <= 1 && history.reopenings.isEmpty
                groups.update(ReportGroupKey.of(ticket, along: dimension, bucket: bucket)) { row in
                    row.resolvedTickets += 1
                    if firstContact { row.firstContactResolved += 1 }
                }
            }
            if let first = history.resolutions.first(where: request.period.contains),
                let bucket = buckets.index(of: first)
            {
                let reopened = history.reopenings.contains { $0 >= first }
                groups.update(ReportGroupKey.of(ticket, along: dimension, bucket: bucket)) { row in
                    row.resolvedInPeriod += 1
                    if reopened { row.reopened += 1 }
                }
            }
        }
        return try await rows(groups.all, dimension: dimension, request: request, buckets: buckets) { key, row in
            var row = row
            row.key = key
            return row
        }
    }
}
