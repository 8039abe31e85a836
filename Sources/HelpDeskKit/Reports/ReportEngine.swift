import Foundation
import WorkingTime

/// Builds reports: pure computations over a store's repositories, no writes and no clock.
///
/// Every figure depends only on the stored records and the arguments, so the same store and
/// request give the same rows. A request whose period leaves ``InstantRange`` is rejected with
/// ``HelpDeskError/invalidInput(field:problem:)`` (field `period`), a money figure beyond `Int64`
/// with ``HelpDeskError/money(_:)``; no input makes a report trap.
public struct ReportEngine: Sendable {
    /// Where the records come from.
    public let store: any HelpDeskStore
    /// The workflow that gives status codes their categories.
    public let workflow: Workflow
    /// The SLA policies whose calendars measure working time.
    public let sla: SLAConfiguration
    /// The calendar for tickets without an SLA policy (or with a policy the configuration lacks).
    public let fallbackCalendar: BusinessCalendar
    /// Who the engine reports to, when ``HelpDesk/reports(as:)`` made it: reports showing labor
    /// costs refuse a viewer without ``AccessAction/readLaborCosts``. `nil`: trusted code.
    private(set) var viewer: (performer: Performer, seesLaborCosts: Bool)?

    /// Creates an engine. Without an explicit `fallbackCalendar`, tickets without a policy are measured
    /// on the desk default policy's calendar, or on a 24×7 UTC calendar when there is no default.
    public init(
        store: any HelpDeskStore, configuration: HelpDeskConfiguration = HelpDeskConfiguration(),
        fallbackCalendar: BusinessCalendar? = nil
    ) {
        self.store = store
        self.workflow = configuration.workflow
        self.sla = configuration.sla
        self.fallbackCalendar =
            fallbackCalendar
            ?? configuration.sla.defaultPolicyID.flatMap { configuration.sla.policy($0)?.calendar }
            ?? .twentyFourSeven()
        self.viewer = nil
    }

    /// An engine for `viewer`, who sees labor costs when `seesLaborCosts`.
    init(store: any HelpDeskStore, configuration: HelpDeskConfiguration, viewer: Performer, seesLaborCosts: Bool) {
        self.init(store: store, configuration: configuration)
        self.viewer = (viewer, seesLaborCosts)
    }

    /// Throws ``HelpDeskError/forbidden(_:action:)`` unless the viewer may see labor costs.
    func ensureLaborCostsVisible() throws(HelpDeskError) {
        if let viewer, !viewer.seesLaborCosts {
            throw .forbidden(viewer.performer, action: AccessAction.readLaborCosts.description)
        }
    }

    /// The calendar working time of `ticket` is measured on.
    func calendar(for ticket: Ticket) -> BusinessCalendar {
        ticket.sla.flatMap { sla.policy($0.policyID)?.calendar } ?? fallbackCalendar
    }

    /// Turns grouped accumulators into public rows in key order.
    func rows<Accumulator, Row>(
        _ groups: [ReportGroupKey: Accumulator], dimension: ReportDimension, request: ReportRequest, buckets: ReportBuckets,
        _ makeRow: (ReportKey, Accumulator) throws -> Row
    ) async throws -> [Row] {
        let labels = try await ReportLabels.load(for: groups.keys, from: store)
        return try groups.sorted { $0.key < $1.key }.map { key, value in
            try makeRow(
                key.reportKey(dimension: dimension, buckets: buckets, timeZone: request.timeZone, labels: labels), value
            )
        }
    }
}

extension HelpDesk {
    /// A report engine over this desk's store and configuration, for a viewer who may run reports
    /// over the whole desk (``AccessAction/readReports``). A host that builds `ReportEngine(store:)`
    /// itself bypasses the access policy: do that only in trusted back-office code.
    public func reports(as viewer: Performer) async throws(HelpDeskError) -> ReportEngine {
        let principal = try await authorize(viewer, .readReports)
        let seesLaborCosts = (try? authorize(principal, AccessRequest(.readLaborCosts))) != nil
        return ReportEngine(store: store, configuration: configuration, viewer: viewer, seesLaborCosts: seesLaborCosts)
    }
}
