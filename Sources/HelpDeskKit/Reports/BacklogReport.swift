import Foundation

/// Tickets opened, resolved and still open in one trend bucket.
public struct BacklogRow: ReportRow, Hashable {
    /// The bucket.
    public var key: ReportKey
    /// Tickets registered in the bucket.
    public var opened: Int
    /// Moves from an active status (new, open, waiting) into a resolved or closed status in the bucket;
    /// a ticket resolved, reopened and resolved again counts twice.
    public var resolved: Int
    /// Tickets in an active status at the bucket's end (the period's end for the last bucket).
    public var openAtEnd: Int

    /// CSV columns.
    public static let csvColumns =
        CSVText.keyColumns + [
            ReportColumn("opened", .count), ReportColumn("resolved", .count), ReportColumn("open_at_end", .count),
        ]
    /// CSV fields.
    public var csvFields: [String] { CSVText.key(key) + [String(opened), String(resolved), String(openAtEnd)] }
}

extension ReportEngine {
    /// The backlog trend: per bucket, tickets opened, resolutions and tickets open at the bucket's end.
    ///
    /// Status history comes from each ticket's audit trail, so the figures for past buckets stay
    /// right after tickets move on. Filters apply to the tickets' current fields.
    ///
    /// - Complexity: O(*n*) for the scan plus O(*e* log *e* + *b* · *e*) per ticket registered before
    ///   the period's end, with *e* its audit entries and *b* buckets.
    public func backlog(_ request: ReportRequest) async throws -> [BacklogRow] {
        try request.validate()
        let buckets = request.buckets
        var opened = [Int](repeating: 0, count: buckets.starts.count)
        var resolved = opened
        var open = opened
        for ticket in try await ticketsCreatedBeforeEnd(request) {
            if let bucket = buckets.index(of: ticket.createdAt) { opened[bucket] += 1 }
            let history = StatusHistory(
                ticket: ticket, trail: try await store.auditTrail(of: ticket.id), workflow: workflow)
            for instant in history.resolutions { if let bucket = buckets.index(of: instant) { resolved[bucket] += 1 } }
            for (bucket, end) in buckets.ends.enumerated() where ticket.createdAt < end {
                if StatusHistory.isActive(history.category(at: end)) { open[bucket] += 1 }
            }
        }
        return try await rows(
            Dictionary(uniqueKeysWithValues: buckets.starts.indices.map { (ReportGroupKey.bucket($0), $0) }),
            dimension: .bucket, request: request, buckets: buckets
        ) { key, index in
            BacklogRow(key: key, opened: opened[index], resolved: resolved[index], openAtEnd: open[index])
        }
    }
}
