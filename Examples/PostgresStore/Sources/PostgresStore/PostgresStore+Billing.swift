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

    /// Always empty: no ledger account is open.
    public func ledgerAccounts(_ ids: [AccountID]) async throws -> [LedgerAccountState] { [] }

    /// Always empty: no transfer is recorded.
    public func transferRecords(_ ids: [TransferID]) async throws -> [TransferRecord] { [] }

    /// Always empty: no transfer is recorded.
    public func transferRecords(postedIn period: Range<LedgerTimestamp>) async throws -> [TransferRecord] { [] }

    /// Always `nil`: no ledger account is open.
    public func accountStatement(of id: AccountID, period: Range<LedgerTimestamp>) async throws -> AccountStatement? {
        nil
    }

    /// Always `nil`: no transfer is recorded.
    public func lastLedgerTimestamp() async throws -> LedgerTimestamp? { nil }
}
