import DoubleEntry
import Foundation

/// Reads the price list, ticket specifications, billing accounts and the ledger: the billing
/// capability's feature store (`store.feature((any BillingRepository).self)`).
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
    /// The open accounts among `ids` with their current balances, in the order asked (an account
    /// not open is left out); the engine checks a ledger batch against exactly these.
    func ledgerAccounts(_ ids: [AccountID]) async throws -> [LedgerAccountState]
    /// The recorded transfers among `ids`, in the order asked.
    func transferRecords(_ ids: [TransferID]) async throws -> [TransferRecord]
    /// The transfers recorded with a timestamp in `period`, in timestamp order.
    func transferRecords(postedIn period: Range<LedgerTimestamp>) async throws -> [TransferRecord]
    /// Account `id`'s opening balance, changes and closing balance for `period`, or `nil` when the
    /// account is not open.
    func accountStatement(of id: AccountID, period: Range<LedgerTimestamp>) async throws -> AccountStatement?
    /// The timestamp of the last recorded transfer, or `nil` when none is.
    func lastLedgerTimestamp() async throws -> LedgerTimestamp?
}

extension BillingRepository {
    /// The current balance of ledger account `id`, or `nil` when it is not open.
    public func ledgerBalance(of id: AccountID) async throws -> Balance? {
        try await ledgerAccounts([id]).first?.balance
    }
}
