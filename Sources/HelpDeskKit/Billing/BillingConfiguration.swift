/// When a ticket's specification is settled.
public enum SettlementTrigger: String, Hashable, Sendable, Codable, CaseIterable {
    /// When the ticket enters a `resolved` (or, without passing through one, a `closed`) status.
    case resolved
    /// When the ticket enters a `closed` status.
    case closed
    /// Only by ``HelpDesk/settle(_:by:)``.
    case manual
}

/// What happens when a client's personal account cannot cover a settlement.
public enum InsufficientFundsPolicy: Hashable, Sendable, Codable {
    /// Reject the command with the ledger's typed error; nothing changes.
    case reject
    /// Personal accounts are opened with this overdraft (minor units) and may go that far negative.
    case overdraft(limit: UInt64)
    /// Debit what the account holds and post the rest as a receivable the client owes.
    case receivable
}

/// Billing settings: settlement trigger, funds policy, hourly rounding and the labor item.
public struct BillingConfiguration: Hashable, Sendable {
    /// When specifications are settled.
    public var settleOn: SettlementTrigger
    /// What happens when a personal account cannot cover a settlement.
    public var insufficientFunds: InsufficientFundsPolicy
    /// How hourly totals are rounded to whole minor units.
    public var hourlyRounding: RoundingRule
    /// The code of the hourly price-list item that billable time entries become (the item valid
    /// when they are specified); `nil`: time is not billed. A code, not an identifier, so a host can
    /// configure the engine before the item exists.
    public var laborItemCode: String?
    /// The code of the price-list item (per item or fixed) a visit beyond a service period's
    /// included visits is billed with; `nil`: such visits stay unbilled on the statement.
    public var visitItemCode: String?

    /// Creates billing settings.
    public init(
        settleOn: SettlementTrigger = .resolved, insufficientFunds: InsufficientFundsPolicy = .reject,
        hourlyRounding: RoundingRule = .halfUp, laborItemCode: String? = nil, visitItemCode: String? = nil
    ) {
        self.visitItemCode = visitItemCode
        self.settleOn = settleOn
        self.insufficientFunds = insufficientFunds
        self.hourlyRounding = hourlyRounding
        self.laborItemCode = laborItemCode
    }

    /// The limit personal accounts are opened with.
    var walletLimit: AccountLimitChoice {
        if case .overdraft(let limit) = insufficientFunds { .overdraft(limit) } else { .none }
    }
}

/// The overdraft a new personal account gets.
enum AccountLimitChoice {
    /// No overdraft.
    case none
    /// Up to this many minor units.
    case overdraft(UInt64)
}
