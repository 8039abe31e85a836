import Foundation

/// How many tickets one group registered.
public struct TicketCountRow: ReportRow, Hashable {
    /// The group (a location, contact, category, …).
    public var key: ReportKey
    /// Tickets registered in the period.
    public var tickets: Int
    /// Share of all matching tickets, percent.
    public var sharePercent: Double

    /// CSV columns.
    public static let csvColumns =
        CSVText.keyColumns + [ReportColumn("tickets", .count), ReportColumn("share_percent", .percent)]
    /// CSV fields.
    public var csvFields: [String] { CSVText.key(key) + [String(tickets), CSVText.of(sharePercent)] }
}

extension ReportEngine {
    /// Tickets registered in the period per `dimension` (`.location`, `.contact` for who files the most,
    /// `.category` for the top categories, …), most first (ties in key order), at most `top` rows.
    ///
    /// - Complexity: O(*n* log *b* + *g* log *g*) for *n* tickets and *g* groups.
    public func ticketCounts(_ request: ReportRequest, by dimension: ReportDimension, top: Int? = nil) async throws
        -> [TicketCountRow]
    {
        try request.validate()
        let buckets = request.buckets
        var groups = Groups(empty: 0, buckets: buckets.starts.count)
        var total = 0
        try await scanCreated(request, buckets: buckets) { ticket, bucket in
            total += 1
            groups.update(ReportGroupKey.of(ticket, along: dimension, bucket: bucket)) { $0 += 1 }
        }
        let ordered = try await rows(groups.all, dimension: dimension, request: request, buckets: buckets) {
            key, count in
            TicketCountRow(key: key, tickets: count, sharePercent: Double(count) * 100 / Double(max(total, 1)))
        }
        let ranked =
            dimension == .bucket
            ? ordered
            : ordered.enumerated().sorted {
                ($1.element.tickets, $0.offset) < ($0.element.tickets, $1.offset)
            }.map(\.element)
        return top.map { Array(ranked.prefix(max($0, 0))) } ?? ranked
    }
}
