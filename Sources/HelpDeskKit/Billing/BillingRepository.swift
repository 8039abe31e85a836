import DoubleEntry
import Foundation

/// Reads the price list, ticket specifications, billing accounts and the ledger.
public protocol BillingRepository: Sendable {
    /// The price-list item with `id`, or `nil`.
    func priceListItem(_ id: PriceListItemID) async throws -> PriceListItem?
    /// All price-list items, sorted by code, then `validFrom`, then identifier.
    func priceListItems() async throws -> [PriceListItem]
    /// The price overrides of `contract`, sorted by item identifier.
    func contractPrices(of contract: ContractID) async throws -> [ContractPrice]
    /// The specification of `ticket`, or `nil` when it has none.
    func specification(of ticket: TicketID) async throws -> TicketSpecification?
    /// Every account the desk opened, sorted by ledger identifier.
    func billingAccounts() async throws -> [BillingAccount]
    /// The notes of the given transfers (those that have one), in the order asked.
    func transferNotes(_ ids: [TransferID]) async throws -> [TransferNote]
    /// The current balance of ledger account `id`, or `nil` when it is not open.
    func ledgerBalance(of id: AccountID) async throws -> Balance?
    /// A consistent copy of the whole ledger (copy-on-write in memory), for reports.
    func ledger() async throws -> Ledger
    /// Whether opening `accounts` and then posting the linked `transfers` at `instant` would be
    /// accepted now: `nil`, or the ledger's precise rejection. Changes nothing.
    func checkLedger(opening accounts: [Account], then transfers: [Transfer], at instant: Date) async throws -> LedgerError?
}
