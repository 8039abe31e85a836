import Foundation
import HelpDeskKit

extension StoreSnapshot {
    /// Reads the billing repositories: price list, overrides of every captured contract,
    /// specifications of every captured ticket, accounts, the ledger and every transfer's note.
    mutating func captureBilling(_ store: any HelpDeskStore) async throws {
        billing.priceListItems = try await store.priceListItems()
        for contract in clients.contracts {
            billing.contractPrices += try await store.contractPrices(of: contract.id)
        }
        for ticket in tickets {
            if let specification = try await store.specification(of: ticket.id) {
                billing.specifications.append(specification)
            }
        }
        billing.accounts = try await store.billingAccounts()
        billing.ledger = try await store.ledger()
        billing.notes = try await store.transferNotes(billing.ledger.transfers.map(\.id))
    }
}
