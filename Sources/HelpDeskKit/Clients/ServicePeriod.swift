import Foundation

/// Whether a service period has been paid for.
public enum PaymentStatus: String, Hashable, Sendable, Codable {
    /// Paid.
    case paid
    /// Not paid, and its payment is not yet due.
    case unpaid
    /// Not paid after its payment was due: the client is a debtor.
    case overdue
}

/// A subscription period of a contract: its dates, fee, labor allowance and payment.
public struct ServicePeriod: Identifiable, Hashable, Sendable, Codable {
    /// The period's identifier.
    public let id: ServicePeriodID
    /// First instant of the period.
    public var startsAt: Date
    /// End of the period (exclusive).
    public var endsAt: Date
    /// The subscription fee for the period.
    public var fee: Money
    /// Labor minutes included in the fee, if the contract limits them.
    public var includedLaborMinutes: Int?
    /// On-site visits included in the fee, if the contract limits them.
    public var includedVisits: Int?
    /// Time accounting is rounded up to this many minutes per entry (1 or `nil`: no rounding).
    public var laborRoundingStepMinutes: Int?
    /// Percentage of the included minutes (and visits) at which the manager is alerted.
    public var laborAlertPercent: Int?
    /// When the period was invoiced.
    public var invoicedAt: Date?
    /// When payment is due; set on invoicing when not given (``ClientConfiguration/paymentTermDays``
    /// after the later of the start and the invoice); the start for a period never invoiced.
    public var paymentDueAt: Date?
    /// When the payment was received.
    public var paidAt: Date?

    /// Creates a period record.
    public init(
        id: ServicePeriodID, startsAt: Date, endsAt: Date, fee: Money, includedLaborMinutes: Int? = nil,
        laborRoundingStepMinutes: Int? = nil, laborAlertPercent: Int? = nil, invoicedAt: Date? = nil,
        paymentDueAt: Date? = nil, paidAt: Date? = nil, includedVisits: Int? = nil
    ) {
        self.includedVisits = includedVisits
        self.id = id
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.fee = fee
        self.includedLaborMinutes = includedLaborMinutes
        self.laborRoundingStepMinutes = laborRoundingStepMinutes
        self.laborAlertPercent = laborAlertPercent
        self.invoicedAt = invoicedAt
        self.paymentDueAt = paymentDueAt
        self.paidAt = paidAt
    }

    /// The work included in `measure`, if the period limits it.
    public func included(_ measure: AllowanceMeasure) -> Int? {
        switch measure {
        case .laborMinutes: includedLaborMinutes
        case .visits: includedVisits
        }
    }

    /// Payment status at `instant`: paid, unpaid while not yet due, overdue afterwards.
    public func paymentStatus(at instant: Date) -> PaymentStatus {
        if paidAt != nil { return .paid }
        return instant >= (paymentDueAt ?? startsAt) ? .overdue : .unpaid
    }

    /// Whole days the payment is overdue at `instant` (0 when not overdue); `Int.max` when the
    /// count does not fit in an `Int` (instants far outside ``InstantRange``).
    public func daysOverdue(at instant: Date) -> Int {
        guard paymentStatus(at: instant) == .overdue else { return 0 }
        return InstantRange.wholeDays(from: paymentDueAt ?? startsAt, to: instant)
    }

    /// `true` when the two periods share any instant.
    public func overlaps(_ other: ServicePeriod) -> Bool {
        startsAt < other.endsAt && other.startsAt < endsAt
    }
}
