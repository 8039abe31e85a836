import Foundation
import WorkingTime

/// First response and resolution times of one group of tickets, in working and calendar time.
public struct ResponseTimeRow: ReportRow, Hashable {
    /// The group.
    public var key: ReportKey
    /// Registration to the first public staff reply, in working time.
    public var firstResponseWorking: DurationStatistics
    /// Registration to the first public staff reply, in calendar (wall-clock) time.
    public var firstResponseCalendar: DurationStatistics
    /// Registration to the (latest) resolution, in working time.
    public var resolutionWorking: DurationStatistics
    /// Registration to the (latest) resolution, in calendar time.
    public var resolutionCalendar: DurationStatistics

    /// CSV columns: per measure and time, the count and the average, median and p90 in seconds.
    public static let csvColumns =
        CSVText.keyColumns
        + ["first_response", "resolution"].flatMap { measure in
            ["working", "calendar"].flatMap { time in
                [ReportColumn("\(measure)_\(time)_count", .count)]
                    + ["average", "median", "p90"].map { ReportColumn("\(measure)_\(time)_\($0)_seconds", .seconds) }
            }
        }

    /// CSV fields.
    public var csvFields: [String] {
        CSVText.key(key)
            + [firstResponseWorking, firstResponseCalendar, resolutionWorking, resolutionCalendar].flatMap {
                [
                    String($0.count), CSVText.of($0.averageSeconds), CSVText.of($0.medianSeconds),
                    CSVText.of($0.p90Seconds),
                ]
            }
    }
}

/// The raw samples of one group, turned into statistics at the end.
private struct ResponseSamples: Sendable {
    var firstWorking: [Int64] = []
    var firstCalendar: [Int64] = []
    var resolutionWorking: [Int64] = []
    var resolutionCalendar: [Int64] = []

    mutating func append(_ other: ResponseSamples) {
        firstWorking += other.firstWorking
        firstCalendar += other.firstCalendar
        resolutionWorking += other.resolutionWorking
        resolutionCalendar += other.resolutionCalendar
    }
}

/// One part's groups, with the calendar of the last policy seen (tickets of one policy come in runs).
private struct ResponsePartial: Sendable {
    var groups: Groups<ResponseSamples>
    var lastPolicy: SLAPolicyID?
    var lastCalendar: BusinessCalendar
}

extension ReportEngine {
    /// First response and resolution times of the tickets created in the period, grouped by `dimension`.
    ///
    /// Calendar time is the wall-clock span from `createdAt` to `firstResponseAt` / `resolvedAt`.
    /// Working time is the span counted on the ticket's SLA policy calendar, without the paused
    /// intervals (waiting for the client) its SLA recorded; a ticket without a policy is counted on
    /// ``fallbackCalendar`` with nothing paused. Tickets not yet answered or resolved are left out of
    /// that measure.
    ///
    /// The scan runs on up to four cores (``scanCreatedInParts(_:buckets:maximumParts:initial:_:)``);
    /// every figure is order-independent (counts, exact integer sums, order statistics), so the rows
    /// do not depend on the split.
    ///
    /// - Complexity: O(*n* log *b*) for the pass, plus one working-time computation per measured
    ///   value and O(*m*) expected to select the median and p90 of *m* values per group.
    public func responseTimes(_ request: ReportRequest, by dimension: ReportDimension) async throws -> [ResponseTimeRow]
    {
        try request.validate()
        let buckets = request.buckets
        let fallback = fallbackCalendar
        let partials = try await scanCreatedInParts(request, buckets: buckets) {
            ResponsePartial(
                groups: Groups(empty: ResponseSamples(), buckets: buckets.starts.count), lastPolicy: nil,
                lastCalendar: fallback)
        } _: { partial, ticket, bucket in
            let responded = ticket.firstResponseAt
            let resolved = ticket.resolvedAt
            guard responded != nil || resolved != nil else { return }
            let policyID = ticket.sla?.policyID
            if policyID != partial.lastPolicy {
                partial.lastPolicy = policyID
                partial.lastCalendar = calendar(for: ticket)
            }
            let pauses = ticket.sla.map { $0.pauses.isEmpty ? PauseSet.empty : PauseSet($0.pauses) } ?? .empty
            let start = ticket.createdAt
            var firstWorking: Int64?
            var resolutionWorking: Int64?
            do throws(WorkingTimeError) {
                if let responded {
                    firstWorking = try partial.lastCalendar.workingTime(from: start, to: responded, excluding: pauses)
                        .seconds
                }
                if let resolved {
                    resolutionWorking = try partial.lastCalendar.workingTime(
                        from: start, to: resolved, excluding: pauses
                    ).seconds
                }
            } catch {
                throw HelpDeskError.slaCalendar(error)
            }
            partial.groups.update(ReportGroupKey.of(ticket, along: dimension, bucket: bucket)) { samples in
                if let responded, let firstWorking {
                    samples.firstWorking.append(firstWorking)
                    samples.firstCalendar.append(Self.seconds(from: start, to: responded))
                }
                if let resolved, let resolutionWorking {
                    samples.resolutionWorking.append(resolutionWorking)
                    samples.resolutionCalendar.append(Self.seconds(from: start, to: resolved))
                }
            }
        }
        var groups = partials[0].groups
        for partial in partials.dropFirst() { groups.merge(partial.groups) { $0.append($1) } }
        return try await rows(groups.all, dimension: dimension, request: request, buckets: buckets) { key, samples in
            var samples = samples
            return ResponseTimeRow(
                key: key, firstResponseWorking: DurationStatistics(selecting: &samples.firstWorking),
                firstResponseCalendar: DurationStatistics(selecting: &samples.firstCalendar),
                resolutionWorking: DurationStatistics(selecting: &samples.resolutionWorking),
                resolutionCalendar: DurationStatistics(selecting: &samples.resolutionCalendar))
        }
    }

    /// Whole seconds from `start` to `end` (both truncated to the second, like working time). Both
    /// instants were measured in working time first, so they lie in ``InstantRange`` and this fits.
    static func seconds(from start: Date, to end: Date) -> Int64 {
        Int64(end.timeIntervalSinceReferenceDate.rounded(.down))
            - Int64(start.timeIntervalSinceReferenceDate.rounded(.down))
    }
}
