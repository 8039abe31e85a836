/// What one time entry costs and bills, at the rate valid on its work date.
///
/// - `cost` = hourly cost × **spent** minutes ÷ 60 (what the work cost the company);
/// - `billing` = hourly billing × **charged** minutes ÷ 60, for billable entries whose rate has a
///   billing part (what the client is charged).
///
/// Each is one exact 128-bit multiplication followed by one division, rounded half up to whole
/// minor units (``RoundingRule/halfUp``): no per-minute price is ever truncated.
public struct LaborCost: Hashable, Sendable {
    /// The entry priced.
    public let entry: TimeEntry
    /// The rate valid on the work date; `nil` when the employee had none yet.
    public let rate: EmployeeRate?
    /// The cost to the company, or `nil` without a rate.
    public let cost: Money?
    /// The amount billed, or `nil` for non-billable entries and rates without a billing part.
    public let billing: Money?

    /// Prices `entry` at `rate`; throws ``MoneyError/overflow`` for absurd rates.
    public init(entry: TimeEntry, rate: EmployeeRate?) throws(MoneyError) {
        self.entry = entry
        self.rate = rate
        cost = try rate.map { rate throws(MoneyError) in
            try LaborCost.price(rate.hourlyCost, minutes: entry.spentMinutes)
        }
        if entry.billable, let hourly = rate?.hourlyBilling {
            billing = try LaborCost.price(hourly, minutes: entry.chargedMinutes)
        } else {
            billing = nil
        }
    }

    /// `hourly × minutes ÷ 60`, rounded half up.
    public static func price(_ hourly: Money, minutes: Int) throws(MoneyError) -> Money {
        try hourly.multiplied(by: Int64(minutes), dividedBy: 60, rounding: .halfUp)
    }
}

/// Totals over a set of time entries: minutes, and money per currency.
public struct LaborTotals: Hashable, Sendable {
    /// Sum of spent minutes.
    public var spentMinutes: Int = 0
    /// Sum of charged minutes.
    public var chargedMinutes: Int = 0
    /// Sum of charged minutes of billable entries.
    public var billableMinutes: Int = 0
    /// Cost per currency (entries without a rate add nothing).
    public var cost: [CurrencyCode: Money] = [:]
    /// Billing per currency.
    public var billing: [CurrencyCode: Money] = [:]
    /// Entries whose employee had no rate on the work date.
    public var unpricedEntries: [TimeEntryID] = []

    /// Empty totals.
    public init() {}

    /// Adds one priced entry; throws ``MoneyError/overflow`` when a total no longer fits.
    public mutating func add(_ priced: LaborCost) throws(MoneyError) {
        let spent = spentMinutes.addingReportingOverflow(priced.entry.spentMinutes)
        let charged = chargedMinutes.addingReportingOverflow(priced.entry.chargedMinutes)
        let billable = billableMinutes.addingReportingOverflow(priced.entry.billable ? priced.entry.chargedMinutes : 0)
        if spent.overflow || charged.overflow || billable.overflow { throw .overflow }
        spentMinutes = spent.partialValue
        chargedMinutes = charged.partialValue
        billableMinutes = billable.partialValue
        if let cost = priced.cost {
            self.cost[cost.currency] = try (self.cost[cost.currency] ?? .zero(cost.currency)).adding(cost)
        } else {
            unpricedEntries.append(priced.entry.id)
        }
        if let billing = priced.billing {
            self.billing[billing.currency] = try (self.billing[billing.currency] ?? .zero(billing.currency)).adding(
                billing)
        }
    }
}
