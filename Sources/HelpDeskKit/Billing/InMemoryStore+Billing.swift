import DoubleEntry
import Foundation

extension InMemoryStore {
    // MARK: Billing

    public func priceListItem(_ id: PriceListItemID) async throws -> PriceListItem? {
        state.withLock { $0.billing.items[id] }
    }

    public func priceListItems() async throws -> [PriceListItem] {
        state.withLock { state in
            state.billing.items.values.sorted { ($0.code, $0.validFrom, $0.id) < ($1.code, $1.validFrom, $1.id) }
        }
    }

    public func contractPrices(of contract: ContractID) async throws -> [ContractPrice] {
        state.withLock { ($0.billing.contractPrices[contract] ?? [:]).values.sorted { $0.itemID < $1.itemID } }
    }

    public func specification(of ticket: TicketID) async throws -> TicketSpecification? {
        state.withLock { $0.billing.specifications[ticket] }
    }

    public func billingAccounts() async throws -> [BillingAccount] {
        state.withLock { $0.billing.accounts.values.sorted { $0.id < $1.id } }
    }

    public func transferNotes(_ ids: [TransferID]) async throws -> [TransferNote] {
        state.withLock { state in ids.compactMap { state.billing.notes[$0] } }
    }

    public func ledgerBalance(of id: AccountID) async throws -> Balance? {
        state.withLock { $0.billing.ledger.balance(of: id) }
    }

    public func ledger() async throws -> Ledger {
        state.withLock { $0.billing.ledger }
    }

    public func checkLedger(opening accounts: [Account], then transfers: [Transfer], at instant: Date) async throws
        -> LedgerError?
    {
        state.withLock { $0.billing.ledger.check(opening: accounts, then: transfers, now: LedgerTimestamp(instant)) }
    }
}
