import DoubleEntry
import Foundation

/// Why a transfer was posted; the transfer's `code`.
public enum BillingTransferCode: UInt32, Hashable, Sendable, Codable, CaseIterable {
    /// A payment received onto a personal account.
    case topUp = 1
    /// Out-of-contract items debited from a personal account on settlement.
    case settlement = 2
    /// Out-of-contract items posted as a receivable on settlement.
    case settlementReceivable = 3
    /// A service period invoiced.
    case periodInvoice = 4
    /// A service period's payment received.
    case periodPayment = 5
    /// A manual adjustment crediting a personal account.
    case adjustmentCredit = 6
    /// A manual adjustment debiting a personal account.
    case adjustmentDebit = 7
}
