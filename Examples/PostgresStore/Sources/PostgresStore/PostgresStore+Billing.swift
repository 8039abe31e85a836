import DoubleEntry
import Foundation
import HelpDeskKit

/// Billing is not stored by this adapter yet (the billing protocol is being re-cut, issue #17):
/// every read is empty and ``PostgresStore/commit(_:)`` refuses a unit with billing changes.
extension PostgresStore {
    /// Always `nil`: billing is not stored yet.
    public func priceListItem(_ id: PriceListItemID) async throws -> PriceListItem? { nil }

    /// Always empty: billing is not stored yet.
    public func priceListItems() async throws -> [PriceListItem] { [] }

    /// Always empty: billing is not stored yet.
    public func contractPrices(of contract: ContractID) async throws -> [ContractPrice] { [] }

    /// Always `nil`: billing is not stored yet.
    public func specification(of ticket: TicketID) async throws -> TicketSpecification? { nil }

    /// Always empty: billing is not stored yet.
    public func billingAccounts() async throws -> [BillingAccount] { [] }

    /// Always empty: billing is not stored yet.
    public func transferNotes(_ ids: [TransferID]) async throws -> [TransferNote] { [] }

    /// Always `nil`: no ledger account is open.
    public func ledgerBalance(of id: AccountID) async throws -> Balance? { nil }

    /// An empty ledger: billing is not stored yet.
    public func ledger() async throws -> Ledger { Ledger() }

    /// Always `nil`: there is no ledger to check against (billing units are refused at commit).
    public func checkLedger(opening accounts: [Account], then transfers: [Transfer], at instant: Date) async throws
        -> LedgerError?
    { nil }
}
