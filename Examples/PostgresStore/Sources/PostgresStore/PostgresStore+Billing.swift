import DoubleEntry
import Foundation
import HelpDeskKit

/// Billing is not stored by this adapter yet (the billing protocol is being re-cut, issue #17):
/// every read is empty and ``PostgresStore/commit(_:)`` refuses a unit with billing changes.
extension PostgresStore {
    public func priceListItem(_ id: PriceListItemID) async throws -> PriceListItem? { nil }

    public func priceListItems() async throws -> [PriceListItem] { [] }

    public func contractPrices(of contract: ContractID) async throws -> [ContractPrice] { [] }

    public func specification(of ticket: TicketID) async throws -> TicketSpecification? { nil }

    public func billingAccounts() async throws -> [BillingAccount] { [] }

    public func transferNotes(_ ids: [TransferID]) async throws -> [TransferNote] { [] }

    public func ledgerBalance(of id: AccountID) async throws -> Balance? { nil }

    public func ledger() async throws -> Ledger { Ledger() }

    public func checkLedger(opening accounts: [Account], then transfers: [Transfer], at instant: Date) async throws
        -> LedgerError?
    { nil }
}
