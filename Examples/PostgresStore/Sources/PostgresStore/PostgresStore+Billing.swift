import DoubleEntry
import Foundation
import HelpDeskKit
import PostgresNIO

/// The billing feature: the price list, specifications, accounts and the ledger, read in SQL.
///
/// Orders that must follow Swift's (codes, identifiers above `Int64.max`) are applied in Swift;
/// "in the order asked" reads fetch the rows once and arrange them by the identifiers given.
extension PostgresStore: BillingRepository {
    /// The price-list item with `id`, or `nil`.
    public func priceListItem(_ id: PriceListItemID) async throws -> PriceListItem? {
        try await record(PriceListItem.self, "SELECT body FROM price_list_items WHERE id = \(id.uuid)")
    }

    /// All price-list items, by code (Swift's `String` order), `validFrom`, then identifier.
    public func priceListItems() async throws -> [PriceListItem] {
        try await records(PriceListItem.self, "SELECT body FROM price_list_items").sorted {
            ($0.code, $0.validFrom, $0.id) < ($1.code, $1.validFrom, $1.id)
        }
    }

    /// The price overrides of `contract`, by item identifier.
    public func contractPrices(of contract: ContractID) async throws -> [ContractPrice] {
        try await records(ContractPrice.self, "SELECT body FROM contract_prices WHERE contract_id = \(contract.uuid)")
            .sorted { $0.itemID < $1.itemID }
    }

    /// The specification of `ticket`, or `nil`.
    public func specification(of ticket: TicketID) async throws -> TicketSpecification? {
        try await record(TicketSpecification.self, "SELECT body FROM specifications WHERE ticket_id = \(ticket.uuid)")
    }

    /// Every opened account, by ledger identifier (as `UInt64`).
    public func billingAccounts() async throws -> [BillingAccount] {
        try await records(BillingAccount.self, "SELECT body FROM ledger_accounts").sorted { $0.id < $1.id }
    }

    /// The notes of the given transfers that have one, in the order asked.
    public func transferNotes(_ ids: [TransferID]) async throws -> [TransferNote] {
        guard !ids.isEmpty else { return [] }
        let notes = try await records(
            TransferNote.self, "SELECT body FROM transfer_notes WHERE transfer_id = ANY(\(LedgerColumns.bits(ids)))")
        let byID = Dictionary(notes.map { ($0.transferID, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// The open accounts among `ids` with their current balances, in the order asked.
    public func ledgerAccounts(_ ids: [AccountID]) async throws -> [LedgerAccountState] {
        guard !ids.isEmpty else { return [] }
        let states = try await rows(
            "SELECT \(unescaped: LedgerColumns.account) FROM ledger_accounts a WHERE a.id = ANY(\(LedgerColumns.bits(ids)))",
            LedgerColumns.state(from:))
        let byID = Dictionary(states.map { ($0.account.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { id in
            byID[id].map { LedgerAccountState(account: $0.account.account, balance: $0.balance) }
        }
    }

    /// The recorded transfers among `ids`, in the order asked.
    public func transferRecords(_ ids: [TransferID]) async throws -> [TransferRecord] {
        guard !ids.isEmpty else { return [] }
        let records = try await rows(
            "SELECT \(unescaped: LedgerColumns.transfer) FROM ledger_transfers t WHERE t.id = ANY(\(LedgerColumns.bits(ids)))",
            LedgerColumns.record(from:))
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// The transfers with a timestamp in `period`, in timestamp order.
    public func transferRecords(postedIn period: Range<LedgerTimestamp>) async throws -> [TransferRecord] {
        let lower = LedgerColumns.numeric(period.lowerBound.nanosecondsSinceEpoch)
        let upper = LedgerColumns.numeric(period.upperBound.nanosecondsSinceEpoch)
        return try await rows(
            """
            SELECT \(unescaped: LedgerColumns.transfer) FROM ledger_transfers t
            WHERE t.timestamp >= \(lower)::numeric AND t.timestamp < \(upper)::numeric ORDER BY t.timestamp
            """, LedgerColumns.record(from:))
    }

    /// Account `id`'s statement for `period`, read in one snapshot, or `nil` when it is not open.
    ///
    /// The opening balance is the one stored with the account's last entry before the period (zero
    /// without one); the closing balance is the last entry's in the period, or the opening balance.
    public func accountStatement(of id: AccountID, period: Range<LedgerTimestamp>) async throws -> AccountStatement? {
        let account = LedgerColumns.bits(id.rawValue)
        let lower = LedgerColumns.numeric(period.lowerBound.nanosecondsSinceEpoch)
        let upper = LedgerColumns.numeric(period.upperBound.nanosecondsSinceEpoch)
        return try await transaction(snapshot: true) { connection in
            let open = try await rowCount("SELECT 1 FROM ledger_accounts WHERE id = \(account)", on: connection)
            guard open > 0 else { return nil }
            let before = try await rows(
                """
                SELECT \(unescaped: Self.entryColumns) FROM ledger_entries e
                JOIN ledger_transfers t ON t.id = e.transfer_id
                WHERE e.account_id = \(account) AND e.timestamp < \(lower)::numeric
                ORDER BY e.timestamp DESC LIMIT 1
                """, on: connection, LedgerColumns.entry(from:))
            let entries = try await rows(
                """
                SELECT \(unescaped: Self.entryColumns) FROM ledger_entries e
                JOIN ledger_transfers t ON t.id = e.transfer_id
                WHERE e.account_id = \(account) AND e.timestamp >= \(lower)::numeric AND e.timestamp < \(upper)::numeric
                ORDER BY e.timestamp
                """, on: connection, LedgerColumns.entry(from:))
            let opening = before.first?.balance ?? .zero
            return AccountStatement(
                restoring: id, period: period, opening: opening, entries: entries,
                closing: entries.last?.balance ?? opening)
        }
    }

    /// The timestamp of the last recorded transfer, or `nil` before the first.
    public func lastLedgerTimestamp() async throws -> LedgerTimestamp? {
        let last = try await rows("SELECT last::text FROM ledger_clock") { row in
            try LedgerColumns.decode(row) { try $0.decode(String?.self) }
        }
        guard let clock = last.first else { throw StorageError(.corrupted, "the ledger clock row is missing") }
        return try clock.map(LedgerColumns.timestamp)
    }

    /// The columns of a statement entry: the totals after it, then the transfer's columns.
    static let entryColumns =
        """
        e.debits_pending_after::text, e.debits_posted_after::text, e.credits_pending_after::text,
        e.credits_posted_after::text, \(LedgerColumns.transfer)
        """
}
