import Foundation

/// How one SLA clock ended across a group of tickets.
public struct SLAClockCounts: Hashable, Sendable, Codable {
    /// Clocks stopped in time.
    public var met = 0
    /// Clocks breached (stopped late or announced overdue by `tick`).
    public var breached = 0
    /// Clocks still running and not breached.
    public var pending = 0
    /// Tickets with an SLA policy that sets no target of this kind for their priority (and category),
    /// so this clock never ran: not measured, and left out of the percentage.
    public var notMeasured = 0
    /// `met / (met + breached) × 100`; `nil` when no clock has an outcome yet (pending and not measured
    /// clocks are left out).
    public var compliancePercent: Double? {
        met + breached == 0 ? nil : Double(met) * 100 / Double(met + breached)
    }

    /// Empty counts.
    public init() {}

    /// Counts of each outcome.
    public init(met: Int, breached: Int, pending: Int, notMeasured: Int) {
        self.met = met
        self.breached = breached
        self.pending = pending
        self.notMeasured = notMeasured
    }

    /// Counts one clock of a ticket with an SLA policy; `nil` (no target) counts as not measured.
    mutating func add(_ clock: SLAClock?) {
        guard let clock else {
            notMeasured += 1
            return
        }
        if clock.breachedAt != nil { breached += 1 } else if clock.stoppedAt != nil { met += 1 } else { pending += 1 }
    }

    /// Adds `other` to these counts.
    mutating func add(_ other: SLAClockCounts) {
        met += other.met
        breached += other.breached
        pending += other.pending
        notMeasured += other.notMeasured
    }

    private enum CodingKeys: String, CodingKey { case met, breached, pending, notMeasured, compliancePercent }

    /// Encodes the counts with the percentage.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(met, forKey: .met)
        try container.encode(breached, forKey: .breached)
        try container.encode(pending, forKey: .pending)
        try container.encode(notMeasured, forKey: .notMeasured)
        try container.encode(compliancePercent, forKey: .compliancePercent)
    }

    /// Decodes the counts (the percentage is derived; `notMeasured` defaults to 0 in older JSON).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        met = try container.decode(Int.self, forKey: .met)
        breached = try container.decode(Int.self, forKey: .breached)
        pending = try container.decode(Int.self, forKey: .pending)
        notMeasured = try container.decodeIfPresent(Int.self, forKey: .notMeasured) ?? 0
    }
}

/// SLA compliance of one group of tickets.
public struct SLAComplianceRow: ReportRow, Hashable {
    /// The group.
    public var key: ReportKey
    /// Tickets in the group that have an SLA policy: for each clock,
    /// `met + breached + pending + notMeasured`.
    public var tickets: Int
    /// Outcomes of the reaction clocks.
    public var reaction: SLAClockCounts
    /// Outcomes of the resolution clocks.
    public var resolution: SLAClockCounts

    /// Creates a row.
    public init(key: ReportKey, tickets: Int, reaction: SLAClockCounts, resolution: SLAClockCounts) {
        self.key = key
        self.tickets = tickets
        self.reaction = reaction
        self.resolution = resolution
    }

    /// CSV columns: the tickets, then per clock met, breached, pending, not measured and the percentage.
    public static let csvColumns: [ReportColumn] =
        CSVText.keyColumns + [ReportColumn("tickets", .count)] + clockColumns("reaction") + clockColumns("resolution")

    private static func clockColumns(_ clock: String) -> [ReportColumn] {
        let counts = ["met", "breached", "pending", "not_measured"].map { ReportColumn("\(clock)_\($0)", .count) }
        return counts + [ReportColumn("\(clock)_compliance_percent", .percent)]
    }

    /// CSV fields.
    public var csvFields: [String] {
        func fields(_ clock: SLAClockCounts) -> [String] {
            let counts: [Int] = [clock.met, clock.breached, clock.pending, clock.notMeasured]
            return counts.map(String.init) + [CSVText.of(clock.compliancePercent)]
        }
        let head: [String] = CSVText.key(key) + [String(tickets)]
        return head + fields(reaction) + fields(resolution)
    }
}

extension ReportEngine {
    /// SLA compliance of the tickets created in the period, grouped by `dimension` (trend: `.bucket`).
    ///
    /// Each ticket with an SLA policy counts once per clock as met, breached or pending, as the engine
    /// recorded it, or as not measured when its policy sets no target of that kind for the ticket's
    /// priority (and category); tickets without a policy are left out.
    ///
    /// One aggregate read (``TicketRepository/slaOutcomes(in:groupedBy:)``): a database counts in SQL.
    ///
    /// - Complexity: O(*n* log *b*) for *n* stored tickets in the in-memory store: one pass.
    public func slaCompliance(_ request: ReportRequest, by dimension: ReportDimension) async throws
        -> [SLAComplianceRow]
    {
        try request.validate()
        let buckets = request.buckets
        let tallies = try await store.slaOutcomes(
            in: TicketScan(createdIn: request.period, filter: request.filter),
            groupedBy: TicketGrouping(dimension, bucketStarts: buckets.starts))
        var groups: [ReportGroupKey: SLAOutcomeTally] = [:]
        for tally in tallies { groups[tally.key] = tally }
        return try await rows(groups, dimension: dimension, request: request, buckets: buckets) { key, tally in
            SLAComplianceRow(key: key, tickets: tally.tickets, reaction: tally.reaction, resolution: tally.resolution)
        }
    }
}
