import WorkingTime

/// An employee's hourly cost (and optional billing) rate, valid from a date until the next rate.
public struct EmployeeRate: Hashable, Sendable, Codable {
    /// Whose rate it is.
    public let employeeID: EmployeeID
    /// The first work date the rate applies to; one rate per employee and date.
    public let validFrom: LocalDate
    /// What an hour of the employee's time costs the company.
    public var hourlyCost: Money
    /// What an hour is billed to clients at, when the employee bills at a personal rate.
    public var hourlyBilling: Money?

    /// Describes a rate.
    public init(employeeID: EmployeeID, validFrom: LocalDate, hourlyCost: Money, hourlyBilling: Money? = nil) {
        self.employeeID = employeeID
        self.validFrom = validFrom
        self.hourlyCost = hourlyCost
        self.hourlyBilling = hourlyBilling
    }

    /// The rate valid on `date` in `history`: the one with the latest `validFrom` on or before it.
    ///
    /// `history` may be in any order; `nil` when every rate starts after `date`.
    public static func valid(on date: LocalDate, in history: some Sequence<EmployeeRate>) -> EmployeeRate? {
        var best: EmployeeRate?
        for rate in history where rate.validFrom <= date {
            if best.map({ rate.validFrom > $0.validFrom }) ?? true { best = rate }
        }
        return best
    }
}
