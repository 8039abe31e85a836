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

    public func ledgerAccounts(_ ids: [AccountID]) async throws -> [LedgerAccountState] {
        try ensureAvailable()
        return try await backingStore.ledgerAccounts(ids)
    }

    public func transferRecords(_ ids: [TransferID]) async throws -> [TransferRecord] {
        try ensureAvailable()
        return try await backingStore.transferRecords(ids)
    }

    public func transferRecords(postedIn period: Range<LedgerTimestamp>) async throws -> [TransferRecord] {
        try ensureAvailable()
        return try await backingStore.transferRecords(postedIn: period)
    }

    public func accountStatement(of id: AccountID, period: Range<LedgerTimestamp>) async throws -> AccountStatement? {
        try ensureAvailable()
        return try await backingStore.accountStatement(of: id, period: period)
    }

    public func lastLedgerTimestamp() async throws -> LedgerTimestamp? {
        try ensureAvailable()
        return try await backingStore.lastLedgerTimestamp()
    }
}
