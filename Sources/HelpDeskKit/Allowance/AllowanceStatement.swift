import Foundation

/// One ticket's share of a service period's allowance.
public struct AllowanceTicketShare: Hashable, Sendable, Codable {
    /// The ticket.
    public var ticketID: TicketID
    /// Minutes the allowance covers.
    public var covered: Int
    /// Minutes beyond it.
    public var excess: Int
    /// Minutes beyond it on the ticket's specification (less than `excess` when the specification
    /// was settled before the work was logged, or no labor item was priced: bill those by hand).
    public var billed: Int
}

/// How a contract's service period used its included work in one measure ("work beyond the limit").
public struct AllowanceStatement: Hashable, Sendable, Codable {
    /// The contract.
    public var contractID: ContractID
    /// The contract's number.
    public var contractNumber: String
    /// The client.
    public var companyID: CompanyID
    /// The service period.
    public var periodID: ServicePeriodID
    /// What the allowance counts: minutes or visits (every count below is in this measure).
    public var measure: AllowanceMeasure
    /// First instant of the period.
    public var startsAt: Date
    /// End of the period (exclusive).
    public var endsAt: Date
    /// Minutes included in the period's fee.
    public var included: Int
    /// Minutes of client work logged in the period.
    public var logged: Int
    /// Minutes the allowance covers (`min(logged, included)` unless settled tickets froze a share).
    public var consumed: Int
    /// Minutes beyond the allowance.
    public var overage: Int
    /// Minutes beyond the allowance that no specification bills (see ``AllowanceTicketShare/billed``).
    public var unbilled: Int
    /// Whole percent of the included minutes consumed (100 for an allowance of nothing once used).
    public var percentUsed: Int
    /// The alert thresholds announced so far.
    public var alertsSent: [Int]
    /// Per ticket, by ticket identifier.
    public var tickets: [AllowanceTicketShare]

    /// The statement of `period` of `contract` in `measure` given its usage (none yet: nothing logged).
    init(_ period: ServicePeriod, _ measure: AllowanceMeasure, of contract: Contract, usage: AllowanceUsage?) {
        let included = period.included(measure) ?? 0
        let uses = usage?.uses ?? []
        var shares: [TicketID: AllowanceTicketShare] = [:]
        for use in uses {
            var share = shares[use.ticketID] ?? AllowanceTicketShare(ticketID: use.ticketID, covered: 0, excess: 0, billed: 0)
            share.covered = share.covered.addingClamped(use.covered)
            share.excess = share.excess.addingClamped(use.excess)
            shares[use.ticketID] = share
        }
        contractID = contract.id
        contractNumber = contract.number
        companyID = contract.companyID
        periodID = period.id
        self.measure = measure
        startsAt = period.startsAt
        endsAt = period.endsAt
        self.included = included
        logged = usage?.logged ?? 0
        consumed = usage?.consumed ?? 0
        overage = usage?.overage ?? 0
        unbilled = overage
        percentUsed =
            consumed >= included
            ? (logged > 0 ? 100 : 0)
            // consumed < included: the quotient is below 100, so it cannot overflow.
            : included.dividingFullWidth(consumed.multipliedFullWidth(by: 100)).quotient
        alertsSent = usage?.alertsSent ?? []
        tickets = shares.values.sorted { $0.ticketID < $1.ticketID }
    }
}

extension HelpDesk {
    /// The allowance statements of every service period of `contract` that includes labor minutes
    /// or visits, by period start, minutes first; needs the billing permission for the contract's company.
    public func allowanceStatements(of contract: ContractID, as viewer: Performer) async throws(HelpDeskError)
        -> [AllowanceStatement]
    {
        let principal = try await principal(for: viewer)
        let owner = try await loadContract(contract)
        try authorize(principal, AccessRequest(.readBilling, companyID: owner.companyID))
        let usages = try await allowances { try await $0.allowanceUsages(of: contract) }
        return try await billed(Self.statements(of: owner, usages: usages) { _ in true })
    }

    /// The allowance statements of every contract's periods that include labor minutes or visits and overlap
    /// `start..<end`, by contract number then period start: the "work beyond the limit" report.
    public func allowanceReport(from start: Date, to end: Date, as viewer: Performer) async throws(HelpDeskError)
        -> [AllowanceStatement]
    {
        _ = try await authorize(viewer, .readReports)
        try Validate.instant(start, field: "start")
        try Validate.instant(end, field: "end")
        guard start < end else { throw .invalidInput(field: "end", problem: .notAfterStart) }
        let usages = Dictionary(
            grouping: try await allowances { try await $0.allowanceUsages() }, by: \.contractID)
        var statements: [AllowanceStatement] = []
        for contract in try await storage({ try await contractStore.contracts() }) {
            statements += Self.statements(of: contract, usages: usages[contract.id] ?? []) { period in
                period.startsAt < end && start < period.endsAt
            }
        }
        return try await billed(statements)
    }

    /// `statements` with what each ticket's specification bills beyond the allowance.
    private func billed(_ statements: [AllowanceStatement]) async throws(HelpDeskError) -> [AllowanceStatement] {
        var result = statements
        for index in result.indices {
            var unbilled = 0
            for share in result[index].tickets.indices where result[index].tickets[share].excess > 0 {
                let ticket = result[index].tickets[share].ticketID
                let lines = try await storage { try await billingStore.specification(of: ticket) }?.lines ?? []
                let reference = AllowanceReference(periodID: result[index].periodID, measure: result[index].measure)
                let billed = lines.filter { $0.exceedsAllowance == reference }
                    .reduce(0) { $0.addingClamped(Int(clamping: $1.quantity)) }
                result[index].tickets[share].billed = billed
                unbilled = unbilled.addingClamped(max(result[index].tickets[share].excess - billed, 0))
            }
            result[index].unbilled = unbilled
        }
        return result
    }

    private static func statements(
        of contract: Contract, usages: [AllowanceUsage], including: (ServicePeriod) -> Bool
    ) -> [AllowanceStatement] {
        contract.periods.filter(including).flatMap { period in
            AllowanceMeasure.allCases.filter { period.included($0) != nil }.map { measure in
                AllowanceStatement(
                    period, measure, of: contract,
                    usage: usages.first { $0.periodID == period.id && $0.measure == measure })
            }
        }
    }
}
