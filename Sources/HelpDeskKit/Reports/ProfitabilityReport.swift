import Foundation

/// Revenue from paid (out-of-contract) work; ``BillingPaidWork`` reads it from the billing ledger.
public protocol PaidWorkRevenueSource: Sendable {
    /// Paid-work revenue recognised in `period`, per contract (`nil`: work outside any contract) and company.
    func paidWork(in period: Range<Date>) async throws -> [PaidWorkRevenue]
}

/// One amount of paid-work revenue.
public struct PaidWorkRevenue: Hashable, Sendable {
    /// The client.
    public var companyID: CompanyID
    /// The contract, if the work was done under one.
    public var contractID: ContractID?
    /// The amount.
    public var amount: Money

    /// Creates an amount.
    public init(companyID: CompanyID, contractID: ContractID?, amount: Money) {
        self.companyID = companyID
        self.contractID = contractID
        self.amount = amount
    }
}

/// Revenue against labor cost for one contract or client in one currency.
public struct ProfitabilityRow: ReportRow, Hashable {
    /// The contract or company.
    public var key: ReportKey
    /// The currency of every amount in the row.
    public var currency: String
    /// Service-period fees prorated to the period, in minor units.
    public var serviceFees: Int64
    /// Paid-work revenue from the ``PaidWorkRevenueSource`` (by default settled work in the billing ledger).
    public var paidWork: Int64
    /// Labor cost of the time worked in the period, in minor units.
    public var laborCost: Int64
    /// Time entries without a rate on their work date (their cost is unknown and not included).
    public var unpricedEntries: Int
    /// `serviceFees + paidWork`.
    public var revenue: Int64 { serviceFees + paidWork }
    /// `revenue − laborCost`.
    public var margin: Int64 { revenue - laborCost }
    /// `true` when the margin is negative.
    public var isUnprofitable: Bool { margin < 0 }

    /// CSV columns.
    public static let csvHeader = CSVText.keyHeader + [
        "currency", "service_fees", "paid_work", "revenue", "labor_cost", "margin", "unprofitable", "unpriced_entries",
    ]
    /// CSV fields (amounts in minor units).
    public var csvFields: [String] {
        CSVText.key(key) + [
            currency, String(serviceFees), String(paidWork), String(revenue), String(laborCost), String(margin),
            String(isUnprofitable), String(unpricedEntries),
        ]
    }

    private enum CodingKeys: String, CodingKey {
        case key, currency, serviceFees, paidWork, revenue, laborCost, margin, isUnprofitable, unpricedEntries
    }

    /// Encodes the row with its derived figures.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(currency, forKey: .currency)
        try container.encode(serviceFees, forKey: .serviceFees)
        try container.encode(paidWork, forKey: .paidWork)
        try container.encode(revenue, forKey: .revenue)
        try container.encode(laborCost, forKey: .laborCost)
        try container.encode(margin, forKey: .margin)
        try container.encode(isUnprofitable, forKey: .isUnprofitable)
        try container.encode(unpricedEntries, forKey: .unpricedEntries)
    }
}

extension ReportEngine {
    /// The part of `period`'s fee earned in `range`: `fee × overlap ÷ length` in seconds, rounded half up.
    ///
    /// - Complexity: O(1).
    public static func proratedFee(of period: ServicePeriod, in range: Range<Date>) throws(MoneyError) -> Money {
        let overlap = min(period.endsAt, range.upperBound).timeIntervalSince(max(period.startsAt, range.lowerBound))
        let length = period.endsAt.timeIntervalSince(period.startsAt)
        guard overlap > 0, length > 0 else { return .zero(period.fee.currency) }
        return try period.fee.multiplied(by: Int64(overlap.rounded(.down)), dividedBy: Int64(length.rounded(.down)), rounding: .halfUp)
    }

    /// Profitability by contract (`dimension == .contract`) or client (any other dimension): prorated
    /// service fees plus paid work (from `paidWork`; `nil` reads the settlements in this store's billing
    /// ledger, ``billingPaidWork``) against the labor cost of time worked in the period on the tickets
    /// linked to it. Only the company and contract filters apply to fees and paid work; every filter
    /// applies to labor.
    ///
    /// - Complexity: O(*k* + *p* + *t*) for *k* contracts with *p* periods and *t* time entries.
    public func profitability(
        _ request: ReportRequest, by dimension: ReportDimension, paidWork: (any PaidWorkRevenueSource)? = nil
    ) async throws -> [ProfitabilityRow] {
        let byContract = dimension == .contract
        struct Slot: Hashable { var key: GroupKey; var currency: CurrencyCode }
        var rows: [Slot: ProfitabilityRow] = [:]
        func update(_ key: GroupKey, _ currency: CurrencyCode, _ change: (inout ProfitabilityRow) -> Void) {
            let slot = Slot(key: key, currency: currency)
            change(&rows[slot, default: ProfitabilityRow(
                key: ReportKey(dimension: .total, value: nil), currency: currency.description, serviceFees: 0, paidWork: 0,
                laborCost: 0, unpricedEntries: 0)])
        }
        let filter = request.filter
        for contract in try await store.contracts()
        where filter.companyIDs?.contains(contract.companyID) ?? true && filter.contractIDs?.contains(contract.id) ?? true {
            let key: GroupKey = byContract ? .contract(contract.id) : .company(contract.companyID)
            for period in contract.periods where period.endsAt > request.period.lowerBound && period.startsAt < request.period.upperBound {
                let fee = try Self.proratedFee(of: period, in: request.period)
                update(key, fee.currency) { $0.serviceFees += fee.minorUnits }
            }
        }
        for revenue in try await (paidWork ?? billingPaidWork).paidWork(in: request.period)
        where filter.companyIDs?.contains(revenue.companyID) ?? true && filter.contractIDs?.contains(revenue.contractID) ?? true {
            update(byContract ? .contract(revenue.contractID) : .company(revenue.companyID), revenue.amount.currency) {
                $0.paidWork += revenue.amount.minorUnits
            }
        }
        var histories: [EmployeeID: [EmployeeRate]] = [:]
        var unpriced: [GroupKey: Int] = [:]
        for (entry, ticket, _) in try await filteredEntries(request) {
            let key: GroupKey = byContract ? .contract(ticket.contractID) : .company(ticket.companyID)
            if histories[entry.employeeID] == nil { histories[entry.employeeID] = try await store.rateHistory(of: entry.employeeID) }
            let priced = try LaborCost(entry: entry, rate: EmployeeRate.valid(on: entry.workDate, in: histories[entry.employeeID]!))
            if let cost = priced.cost { update(key, cost.currency) { $0.laborCost += cost.minorUnits } } else { unpriced[key, default: 0] += 1 }
        }
        for (key, count) in unpriced {
            if let slot = rows.keys.filter({ $0.key == key }).min(by: { $0.currency.description < $1.currency.description }) {
                rows[slot]!.unpricedEntries += count
            }
        }
        let outputDimension: ReportDimension = byContract ? .contract : .company
        let labels = try await ReportLabels.load(for: rows.keys.map(\.key), from: store)
        return rows.sorted { ($0.key.key, $0.key.currency.description) < ($1.key.key, $1.key.currency.description) }.map { slot, row in
            var row = row
            row.key = slot.key.reportKey(dimension: outputDimension, buckets: request.buckets, timeZone: request.timeZone, labels: labels)
            return row
        }
    }
}
