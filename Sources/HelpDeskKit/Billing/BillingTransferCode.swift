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

    /// What the transfer was, in words for a statement line.
    public var label: String {
        switch self {
        case .topUp: "payment received"
        case .settlement: "paid work settled"
        case .settlementReceivable: "paid work invoiced"
        case .periodInvoice: "service period invoiced"
        case .periodPayment: "service period paid"
        case .adjustmentCredit: "adjustment (credit)"
        case .adjustmentDebit: "adjustment (debit)"
        }
    }
}
