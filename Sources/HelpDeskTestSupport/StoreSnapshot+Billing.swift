import DoubleEntry
import Foundation
import HelpDeskKit

/// The billing records and ledger of a ``StoreSnapshot``, read through the billing repository.
public struct BillingSnapshot: Equatable, Sendable {
    /// All price-list items.
    public var priceListItems: [PriceListItem] = []
    /// The price overrides of every captured contract.
    public var contractPrices: [ContractPrice] = []
    /// The specifications of every captured ticket.
    public var specifications: [TicketSpecification] = []
    /// Every opened account.
    public var accounts: [BillingAccount] = []
    /// Every opened account's ledger state (account and balance).
    public var ledgerAccounts: [LedgerAccountState] = []
    /// Every recorded transfer, in timestamp order.
    public var transfers: [TransferRecord] = []
    /// Every transfer's note.
    public var notes: [TransferNote] = []
}

extension StoreSnapshot {
    /// Reads the billing repositories: price list, overrides of every captured contract,
    /// specifications of every captured ticket, accounts with balances, every transfer and its note.
    mutating func captureBilling(_ store: any HelpDeskStore) async throws {
        // A store without the billing feature holds no billing records.
        guard let billingStore = try store.feature((any BillingRepository).self) else { return }
        billing.priceListItems = try await billingStore.priceListItems()
        for contract in clients.contracts {
            billing.contractPrices += try await billingStore.contractPrices(of: contract.id)
        }
        for ticket in tickets {
            if let specification = try await billingStore.specification(of: ticket.id) {
                billing.specifications.append(specification)
            }
        }
        billing.accounts = try await billingStore.billingAccounts()
        billing.ledgerAccounts = try await billingStore.ledgerAccounts(billing.accounts.map(\.id))
        billing.transfers = try await billingStore.transferRecords(postedIn: LedgerTimestamp.zero..<LedgerTimestamp.max)
        billing.notes = try await billingStore.transferNotes(billing.transfers.map(\.id))
    }
}
