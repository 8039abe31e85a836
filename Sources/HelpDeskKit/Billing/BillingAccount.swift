import DoubleEntry
import Foundation

/// A ledger account the desk opened: its ledger record plus whose it is and what for.
public struct BillingAccount: Hashable, Sendable, Codable {
    /// The ledger account.
    public var account: Account
    /// The client, or `nil` for the desk's own accounts.
    public var companyID: CompanyID?
    /// What the account is for.
    public var role: AccountRole
    /// The unit it is kept in.
    public var unit: BillingUnit

    /// Describes an account.
    public init(account: Account, companyID: CompanyID?, role: AccountRole, unit: BillingUnit) {
        self.account = account
        self.companyID = companyID
        self.role = role
        self.unit = unit
    }

    /// The account's ledger identifier.
    public var id: AccountID { account.id }

    /// The deterministic ledger identifier of `company`'s (or the desk's) account for `role` and `unit`.
    public static func id(company: CompanyID?, role: AccountRole, unit: BillingUnit) -> AccountID {
        AccountID(BillingHash.of("account", company.map { "\($0)" } ?? "desk", "\(role.rawValue)", unit.description))
    }

    /// The account record for `company` (or the desk), `role` and `unit`; wallets get `walletLimit`.
    public static func make(company: CompanyID?, role: AccountRole, unit: BillingUnit, walletLimit: AccountLimit)
        -> BillingAccount
    {
        let limit: AccountLimit = role == .wallet ? walletLimit : .unlimited
        let account = Account(
            id: id(company: company, role: role, unit: unit), unit: unit.ledgerUnit, code: role.rawValue, limit: limit)
        return BillingAccount(account: account, companyID: company, role: role, unit: unit)
    }
}
