import Foundation

/// How an aggregate read groups tickets: along one report dimension, with trend buckets by the
/// ticket's creation instant.
public struct TicketGrouping: Hashable, Sendable {
    /// What the groups are; ``ReportDimension/activity`` groups everything as ``ReportDimension/total``.
    public let dimension: ReportDimension
    /// Strictly ascending starts of the trend buckets, read by ``ReportDimension/bucket``: a ticket
    /// belongs to the last bucket starting at or before its creation, and one created before the
    /// first start belongs to none and is left out.
    public let bucketStarts: [Date]

    /// Groups along `dimension`; `bucketStarts` (sorted, duplicates dropped) matter only for
    /// ``ReportDimension/bucket``.
    public init(_ dimension: ReportDimension, bucketStarts: [Date] = []) {
        self.dimension = dimension
        let starts = bucketStarts.filter { !$0.timeIntervalSinceReferenceDate.isNaN }.sorted()
        self.bucketStarts = starts.enumerated().compactMap { index, start in
            index > 0 && starts[index - 1] == start ? nil : start
        }
    }

    /// The index of the bucket `instant` falls in, or `nil` before the first start.
    ///
    /// - Complexity: O(log *b*) for *b* buckets.
    public func bucket(of instant: Date) -> Int? {
        var low = 0
        var high = bucketStarts.count
        while low < high {
            let middle = (low + high) / 2
            if bucketStarts[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    /// The group of `ticket`, or `nil` when it falls in no bucket.
    public func key(of ticket: Ticket) -> ReportGroupKey? {
        guard dimension == .bucket else { return ReportGroupKey.of(ticket, along: dimension, bucket: 0) }
        return bucket(of: ticket.createdAt).map(ReportGroupKey.bucket)
    }
}

/// How the SLA clocks of one group of tickets ended: the aggregate behind the SLA compliance report.
public struct SLAOutcomeTally: Hashable, Sendable {
    /// The group.
    public var key: ReportGroupKey
    /// Tickets of the group that have an SLA policy (tickets without one are not counted).
    public var tickets: Int
    /// Outcomes of their reaction clocks.
    public var reaction: SLAClockCounts
    /// Outcomes of their resolution clocks.
    public var resolution: SLAClockCounts

    /// A tally of `tickets` tickets in group `key`.
    public init(key: ReportGroupKey, tickets: Int, reaction: SLAClockCounts, resolution: SLAClockCounts) {
        self.key = key
        self.tickets = tickets
        self.reaction = reaction
        self.resolution = resolution
    }

    /// The reference tally of `tickets`: those ``TicketScan/matches(_:)`` accepts, with an SLA
    /// policy and a group, counted per group in key order. Stores without an aggregate of their own
    /// answer with it, and the contract suite compares every store against it.
    ///
    /// - Complexity: O(*n* log *b*) for *n* tickets and *b* buckets.
    public static func tally(
        _ tickets: [Ticket], in scan: TicketScan, groupedBy grouping: TicketGrouping
    ) -> [SLAOutcomeTally] {
        let buckets = grouping.dimension == .bucket ? grouping.bucketStarts.count : 0
        var groups = Groups(
            empty: SLAOutcomeTally(key: .total, tickets: 0, reaction: SLAClockCounts(), resolution: SLAClockCounts()),
            buckets: buckets)
        tickets.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let ticket = buffer[index]
                guard let sla = ticket.sla, scan.matches(ticket), let key = grouping.key(of: ticket) else { continue }
                groups.update(key) { tally in
                    tally.tickets += 1
                    tally.reaction.add(sla.reaction)
                    tally.resolution.add(sla.resolution)
                }
            }
        }
        return groups.all.sorted { $0.key < $1.key }.map { key, tally in
            var tally = tally
            tally.key = key
            return tally
        }
    }
}

extension TicketRepository {
    /// Tallies the tickets of `scan` from ``tickets(in:)`` (the in-memory store's column scan).
    public func slaOutcomes(in scan: TicketScan, groupedBy grouping: TicketGrouping) async throws
        -> [SLAOutcomeTally]
    {
        SLAOutcomeTally.tally(try await tickets(in: scan), in: scan, groupedBy: grouping)
    }
}
