import DoubleEntry
import Foundation

extension MemoryBackedStore {
    public func priceListItem(_ id: PriceListItemID) async throws -> PriceListItem? {
        try ensureAvailable()
        return try await backingStore.priceListItem(id)
    }

    public func priceListItems() async throws -> [PriceListItem] {
        try ensureAvailable()
        return try await backingStore.priceListItems()
    }

    public func contractPrices(of contract: ContractID) async throws -> [ContractPrice] {
        try ensureAvailable()
        return try await backingStore.contractPrices(of: contract)
    }

    public func specification(of ticket: TicketID) async throws -> TicketSpecification? {
        try ensureAvailable()
        return try await backingStore.specification(of: ticket)
    }

    public func billingAccounts() async throws -> [BillingAccount] {
        try ensureAvailable()
        return try await backingStore.billingAccounts()
    }

    public func transferNotes(_ ids: [TransferID]) async throws -> [TransferNote] {
        try ensureAvailable()
        return try await backingStore.transferNotes(ids)
    }

    public func ledgerBalance(of id: AccountID) async throws -> Balance? {
        try ensureAvailable()
        return try await backingStore.ledgerBalance(of: id)
    }

    public func ledger() async throws -> Ledger {
        try ensureAvailable()
        return try await backingStore.ledger()
    }

    public func checkLedger(opening accounts: [Account], then transfers: [Transfer], at instant: Date) async throws
        -> LedgerError?
    {
        try ensureAvailable()
        return try await backingStore.checkLedger(opening: accounts, then: transfers, at: instant)
    }
}
