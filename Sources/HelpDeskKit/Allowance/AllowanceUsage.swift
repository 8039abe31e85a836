import Foundation
import WorkingTime

/// What a service period's included work is counted in.
public enum AllowanceMeasure: String, CaseIterable, Hashable, Sendable, Codable {
    /// Charged labor minutes of contract work (``ServicePeriod/includedLaborMinutes``).
    case laborMinutes
    /// On-site visits: contract work of an activity that is a visit, one per entry
    /// (``ServicePeriod/includedVisits``, ``LaborActivity/isVisit``).
    case visits
}

/// Which allowance a specification line goes beyond: a service period's, in one measure.
public struct AllowanceReference: Hashable, Sendable, Codable {
    /// The service period.
    public var periodID: ServicePeriodID
    /// What its allowance counts.
    public var measure: AllowanceMeasure

    /// Names an allowance.
    public init(periodID: ServicePeriodID, measure: AllowanceMeasure) {
        self.periodID = periodID
        self.measure = measure
    }
}

/// One time entry's share of a service period's included work: the part the allowance covers
/// and the part beyond it.
public struct AllowanceUse: Hashable, Sendable, Codable {
    /// The time entry.
    public let entryID: TimeEntryID
    /// Its ticket.
    public let ticketID: TicketID
    /// The entry's work date: entries consume the allowance in work-date order.
    public var workDate: LocalDate
    /// When the entry was logged (the tie-break after the work date).
    public var loggedAt: Date
    /// What the entry consumes: its charged minutes, or one visit.
    public var units: Int
    /// The part the allowance covers (0 … `units`).
    public var covered: Int
    /// The part beyond the allowance, billed on the ticket's specification (`units − covered`).
    public var excess: Int
    /// Set once the ticket's specification is settled: the split is billed and never moves again.
    public var isFrozen: Bool

    /// Describes an entry's use, not yet allocated (everything covered until ``AllowanceAllocation`` runs).
    public init(
        entryID: TimeEntryID, ticketID: TicketID, workDate: LocalDate, loggedAt: Date, units: Int,
        covered: Int? = nil, excess: Int = 0, isFrozen: Bool = false
    ) {
        self.entryID = entryID
        self.ticketID = ticketID
        self.workDate = workDate
        self.loggedAt = loggedAt
        self.units = units
        self.covered = covered ?? units
        self.excess = excess
        self.isFrozen = isFrozen
    }

    /// The order entries consume an allowance in: work date, then when logged, then identifier.
    public static func consumesBefore(_ a: AllowanceUse, _ b: AllowanceUse) -> Bool {
        if a.workDate != b.workDate { return a.workDate < b.workDate }
        if a.loggedAt != b.loggedAt { return a.loggedAt < b.loggedAt }
        return a.entryID < b.entryID
    }
}

/// How much of a contract's service period allowance is used: one record per contract, period
/// and measure, rewritten (under its revision) by every labor change that touches the period.
public struct AllowanceUsage: Hashable, Sendable, Codable {
    /// The contract.
    public let contractID: ContractID
    /// The service period whose included work is consumed.
    public let periodID: ServicePeriodID
    /// What the allowance counts.
    public let measure: AllowanceMeasure
    /// Every tracked entry's use, in consumption order.
    public var uses: [AllowanceUse]
    /// The alert thresholds (percent of the included work) already announced, each once.
    public var alertsSent: [Int]
    /// Incremented by every committed change; adapters use it for optimistic concurrency.
    public var revision: Int

    /// Creates a usage record.
    public init(
        contractID: ContractID, periodID: ServicePeriodID, measure: AllowanceMeasure = .laborMinutes,
        uses: [AllowanceUse] = [], alertsSent: [Int] = [], revision: Int = 1
    ) {
        self.contractID = contractID
        self.periodID = periodID
        self.measure = measure
        self.uses = uses
        self.alertsSent = alertsSent
        self.revision = revision
    }

    /// The allowance this record counts.
    public var reference: AllowanceReference { AllowanceReference(periodID: periodID, measure: measure) }

    /// The order of every usage list: contract, period, measure.
    public static func areInIncreasingOrder(_ a: AllowanceUsage, _ b: AllowanceUsage) -> Bool {
        (a.contractID, a.periodID, a.measure.rawValue) < (b.contractID, b.periodID, b.measure.rawValue)
    }

    /// Units the allowance covers in total.
    public var consumed: Int { uses.reduce(0) { $0.addingClamped($1.covered) } }
    /// Units beyond the allowance in total.
    public var overage: Int { uses.reduce(0) { $0.addingClamped($1.excess) } }
    /// Units logged in total (`consumed + overage`).
    public var logged: Int { uses.reduce(0) { $0.addingClamped($1.units) } }
}

/// A new or changed usage record in a unit of work, with the revision it was based on.
public struct AllowanceUsageWrite: Hashable, Sendable, Codable {
    /// The record as it must be stored.
    public var usage: AllowanceUsage
    /// The stored revision the change was computed from; `nil` for a new record.
    public var expectedRevision: Int?

    /// Describes a write.
    public init(usage: AllowanceUsage, expectedRevision: Int?) {
        self.usage = usage
        self.expectedRevision = expectedRevision
    }
}

extension Int {
    /// `self + other`, or `Int.max` when that overflows (sums of non-negative counts).
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
