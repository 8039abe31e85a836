import DoubleEntry
import Foundation

extension InMemoryStore: BillingRepository {
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

    public func ledgerAccounts(_ ids: [AccountID]) async throws -> [LedgerAccountState] {
        state.withLock { state in
            ids.compactMap { id in
                guard let account = state.billing.ledger.account(id), let balance = state.billing.ledger.balance(of: id)
                else { return nil }
                return LedgerAccountState(account: account, balance: balance)
            }
        }
    }

    public func transferRecords(_ ids: [TransferID]) async throws -> [TransferRecord] {
        state.withLock { state in ids.compactMap { state.billing.ledger.transfer($0) } }
    }

    public func transferRecords(postedIn period: Range<LedgerTimestamp>) async throws -> [TransferRecord] {
        state.withLock { state in
            let records = state.billing.ledger.transfers
            // Records are in timestamp order: binary-search the period's first and last.
            let lower = records.partitioningIndex { $0.timestamp >= period.lowerBound }
            let upper = records[lower...].partitioningIndex { $0.timestamp >= period.upperBound }
            return Array(records[lower..<upper])
        }
    }

    public func accountStatement(of id: AccountID, period: Range<LedgerTimestamp>) async throws -> AccountStatement? {
        state.withLock { $0.billing.ledger.statement(of: id, period: period) }
    }

    public func lastLedgerTimestamp() async throws -> LedgerTimestamp? {
        state.withLock { $0.billing.ledger.lastTimestamp }
    }
}

extension Collection {
    /// The first index whose element satisfies `isAbove`, which must be false then true along the
    /// collection (binary search).
    fileprivate func partitioningIndex(where isAbove: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = distance(from: startIndex, to: endIndex)
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isAbove(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
