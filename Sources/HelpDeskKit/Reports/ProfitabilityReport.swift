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
    /// `serviceFees + paidWork` (``ReportEngine/profitability(_:by:paidWork:)`` only returns rows where it fits).
    public var revenue: Int64 { serviceFees + paidWork }
    /// `revenue − laborCost` (``ReportEngine/profitability(_:by:paidWork:)`` only returns rows where it fits).
    public var margin: Int64 { revenue - laborCost }

    /// Throws ``MoneyError/overflow`` unless ``revenue`` and ``margin`` fit in an `Int64`.
    func checkTotals() throws(MoneyError) {
        let (revenue, o1) = serviceFees.addingReportingOverflow(paidWork)
        let (_, o2) = revenue.subtractingReportingOverflow(laborCost)
        if o1 || o2 { throw .overflow }
    }
    /// `true` when the margin is negative.
    public var isUnprofitable: Bool { margin < 0 }

    /// CSV columns.
    public static let csvColumns =
        CSVText.keyColumns + [
            ReportColumn("currency", .currency), ReportColumn("service_fees_minor", .minorUnits),
            ReportColumn("paid_work_minor", .minorUnits), ReportColumn("revenue_minor", .minorUnits),
            ReportColumn("labor_cost_minor", .minorUnits), ReportColumn("margin_minor", .minorUnits),
            ReportColumn("unprofitable", .flag), ReportColumn("unpriced_entries", .count),
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
    /// Throws ``MoneyError/overflow`` when the result does not fit, or when the period is too long
    /// to count in `Int64` seconds (only possible far outside ``InstantRange``).
    ///
    /// - Complexity: O(1).
    public static func proratedFee(of period: ServicePeriod, in range: Range<Date>) throws(MoneyError) -> Money {
        let overlap = min(period.endsAt, range.upperBound).timeIntervalSince(max(period.startsAt, range.lowerBound))
        let length = period.endsAt.timeIntervalSince(period.startsAt)
        guard overlap > 0, length > 0 else { return .zero(period.fee.currency) }
        guard let part = Int64(exactly: overlap.rounded(.down)), let whole = Int64(exactly: length.rounded(.down))
        else {
            throw .overflow
        }
        return try period.fee.multiplied(by: part, dividedBy: whole, rounding: .halfUp)
    }

    /// Profitability by contract (`dimension == .contract`) or client (any other dimension): prorated
    /// service fees plus paid work (from `paidWork`; `nil` reads the settlements in this store's billing
    /// ledger, ``billingPaidWork``) against the labor cost of time worked in the period on the tickets
    /// linked to it. Only the company and contract filters apply to fees and paid work; every filter
    /// applies to labor. A figure beyond `Int64` throws ``HelpDeskError/money(_:)`` with `.overflow`.
    ///
    /// - Complexity: O(*k* + *p* + *t*) for *k* contracts with *p* periods and *t* time entries.
    public func profitability(
        _ request: ReportRequest, by dimension: ReportDimension, paidWork: (any PaidWorkRevenueSource)? = nil
    ) async throws -> [ProfitabilityRow] {
        try ensureLaborCostsVisible()
        try request.validate()
        let byContract = dimension == .contract
        struct Slot: Hashable {
            var key: ReportGroupKey
            var currency: CurrencyCode
        }
        var rows: [Slot: ProfitabilityRow] = [:]
        /// Adds `amount` to the figure at `figure` of the row of `key` and `currency`, checked.
        func add(
            _ amount: Int64, to figure: WritableKeyPath<ProfitabilityRow, Int64>, _ key: ReportGroupKey,
            _ currency: CurrencyCode
        )
            throws(HelpDeskError)
        {
            let slot = Slot(key: key, currency: currency)
            var row =
                rows[slot]
                ?? ProfitabilityRow(
                    key: ReportKey(dimension: .total, value: nil), currency: currency.description, serviceFees: 0,
                    paidWork: 0,
                    laborCost: 0, unpricedEntries: 0)
            let (sum, overflow) = row[keyPath: figure].addingReportingOverflow(amount)
            if overflow { throw .money(.overflow) }
            row[keyPath: figure] = sum
            rows[slot] = row
        }
        let filter = request.filter
        // A store without contracts has no service fees.
        let contracts = try await store.feature((any ContractRepository).self)?.contracts() ?? []
        for contract in contracts
        where filter.companyIDs?.contains(contract.companyID) ?? true
            && filter.contractIDs?.contains(contract.id) ?? true
        {
            let key: ReportGroupKey = byContract ? .contract(contract.id) : .company(contract.companyID)
            for period in contract.periods
            where period.endsAt > request.period.lowerBound && period.startsAt < request.period.upperBound {
                let fee: Money
                do { fee = try Self.proratedFee(of: period, in: request.period) } catch {
                    throw HelpDeskError.money(error)
                }
                try add(fee.minorUnits, to: \.serviceFees, key, fee.currency)
            }
        }
        for revenue in try await (paidWork ?? billingPaidWork).paidWork(in: request.period)
        where filter.companyIDs?.contains(revenue.companyID) ?? true
            && filter.contractIDs?.contains(revenue.contractID) ?? true
        {
            let key: ReportGroupKey = byContract ? .contract(revenue.contractID) : .company(revenue.companyID)
            try add(revenue.amount.minorUnits, to: \.paidWork, key, revenue.amount.currency)
        }
        var histories: [EmployeeID: [EmployeeRate]] = [:]
        var unpriced: [ReportGroupKey: Int] = [:]
        let labor = try store.feature((any LaborRepository).self)
        for (entry, ticket, _) in try await filteredEntries(request) {
            let key: ReportGroupKey = byContract ? .contract(ticket.contractID) : .company(ticket.companyID)
            if histories[entry.employeeID] == nil {
                histories[entry.employeeID] = try await labor?.rateHistory(of: entry.employeeID) ?? []
            }
            let priced: LaborCost
            do {
                priced = try LaborCost(
                    entry: entry, rate: EmployeeRate.valid(on: entry.workDate, in: histories[entry.employeeID]!))
            } catch {
                throw HelpDeskError.money(error)
            }
            if let cost = priced.cost {
                try add(cost.minorUnits, to: \.laborCost, key, cost.currency)
            } else {
                unpriced[key, default: 0] += 1
            }
        }
        for (key, count) in unpriced {
            if let slot = rows.keys.filter({ $0.key == key }).min(by: {
                $0.currency.description < $1.currency.description
            }) {
                rows[slot]!.unpricedEntries += count
            }
        }
        do { for row in rows.values { try row.checkTotals() } } catch { throw HelpDeskError.money(error) }
        let outputDimension: ReportDimension = byContract ? .contract : .company
        let labels = try await ReportLabels.load(for: rows.keys.map(\.key), from: store)
        return rows.sorted { ($0.key.key, $0.key.currency.description) < ($1.key.key, $1.key.currency.description) }.map
        { slot, row in
            var row = row
            row.key = slot.key.reportKey(
                dimension: outputDimension, buckets: request.buckets, timeZone: request.timeZone, labels: labels)
            return row
        }
    }
}
