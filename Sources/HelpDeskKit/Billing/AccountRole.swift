import DoubleEntry
import Foundation

/// What a ledger account is for; the account's `code`.
public enum AccountRole: UInt32, Hashable, Sendable, Codable, CaseIterable {
    /// A client's personal account (prepaid balance): credited by top-ups, debited by settlements.
    case wallet = 1
    /// What a client owes: debited by invoices and receivable settlements, credited by payments.
    case receivable = 2
    /// The desk's incoming payments (the funding side of top-ups and period payments).
    case cash = 10
    /// The desk's revenue from settlements and invoiced periods.
    case revenue = 11
    /// The desk's counter-account for manual adjustments.
    case adjustments = 12
}
