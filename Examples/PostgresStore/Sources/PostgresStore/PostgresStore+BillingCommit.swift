import DoubleEntry
import Foundation
import HelpDeskKit
import PostgresNIO

/// The ledger accounts a committing unit holds locked (`FOR UPDATE`), with their balances.
struct LockedLedger: Sendable {
    /// The touched accounts that are open, by identifier.
    var states: [AccountID: LedgerAccountState] = [:]
}

extension PostgresStore {
    /// Throws `.other` for transfers this adapter does not record: two-phase ones (pending, post,
    /// void). The desk posts single-phase transfers only.
    func refuseUnstoredBilling(_ billing: BillingChanges) throws {
        for transfer in billing.transfers {
            guard case .single = transfer.kind else {
                throw StorageError(
                    .other, "transfer \(transfer.id) is two-phase; this adapter records single-phase transfers")
            }
        }
    }

    // MARK: Ledger, early: open and lock the accounts

    /// Opens the unit's accounts, locks every account it touches, and checks its balance
    /// preconditions and reopened accounts against the locked rows.
    ///
    /// Accounts are inserted (`ON CONFLICT DO NOTHING`) and then locked `FOR UPDATE`, both in
    /// identifier order, so two units never wait on each other's accounts in opposite orders. A
    /// concurrent unit opening the same account makes the insert wait for its commit; the lock then
    /// reads that unit's balance, and a `.ledgerBalance(_, .zero)` precondition fails as it should.
    /// A missing account has balance zero. The locks are held until the commit, so the balances the
    /// engine checked its batch against cannot move before the batch is recorded.
    func lockLedger(of work: UnitOfWork, on connection: PostgresConnection) async throws -> LockedLedger {
        let billing = work.billing
        var expected: [AccountID: Balance] = [:]
        for case .ledgerBalance(let id, let balance) in work.preconditions {
            if let other = expected[id], other != balance {
                throw StorageError(.conflict, "account \(id) is required at two different balances")
            }
            expected[id] = balance
        }
        var touched = Set(expected.keys).union(billing.accounts.map(\.id))
        for transfer in billing.transfers {
            if case .single(let debit, let credit, _) = transfer.kind { touched.formUnion([debit, credit]) }
        }
        guard !touched.isEmpty else { return LockedLedger() }
        for account in billing.accounts.sorted(by: { Self.lockOrder($0.id, $1.id) }) {
            try await execute(
                """
                INSERT INTO ledger_accounts (id, unit, company_id, body)
                VALUES (\(LedgerColumns.bits(account.id.rawValue)), \(account.account.unit.code),
                    \(account.companyID?.uuid), \(try RecordCoding.encode(account)))
                ON CONFLICT (id) DO NOTHING
                """, on: connection)
        }
        let ids = touched.sorted(by: Self.lockOrder).map { LedgerColumns.bits($0.rawValue) }
        let rows = try await rows(
            "SELECT \(unescaped: LedgerColumns.account) FROM ledger_accounts a WHERE a.id = ANY(\(ids)) ORDER BY a.id FOR UPDATE",
            on: connection, LedgerColumns.state(from:))
        var locked = LockedLedger()
        for (account, balance) in rows {
            locked.states[account.id] = LedgerAccountState(account: account.account, balance: balance)
        }
        for (id, balance) in expected where (locked.states[id]?.balance ?? .zero) != balance {
            throw StorageError(.conflict, "precondition no longer holds: ledger balance of \(id)")
        }
        for account in billing.accounts where locked.states[account.id]?.account != account.account {
            throw StorageError(.conflict, "ledger account \(account.id) is open with other fields")
        }
        return locked
    }

    /// The order accounts are inserted and locked in: the stored `bigint`'s, as `ORDER BY id`.
    static func lockOrder(_ lhs: AccountID, _ rhs: AccountID) -> Bool {
        LedgerColumns.bits(lhs.rawValue) < LedgerColumns.bits(rhs.rawValue)
    }

    // MARK: Ledger, late: record the batch

    /// Records the unit's transfers against the accounts ``lockLedger(of:on:)`` locked.
    ///
    /// Locks the one `ledger_clock` row, runs the batch through a `Ledger(excerpt:…)` of the locked
    /// accounts (so timestamps are assigned exactly as the in-memory ledger assigns them — each
    /// `max(postedAt, last + 1)` in batch order — and a batch that bypassed the engine's checks is
    /// still refused), then inserts the transfers (a recorded identifier violates the primary key:
    /// a conflict), the accounts' entries with their balances after, the new totals and the clock.
    /// Runs last before the outbox, so the clock — every ledger writer's lock — is held briefly.
    func recordTransfers(_ billing: BillingChanges, locked: LockedLedger, on connection: PostgresConnection)
        async throws
    {
        guard !billing.transfers.isEmpty else { return }
        let clock = try await rows("SELECT last::text FROM ledger_clock FOR UPDATE", on: connection) { row in
            try LedgerColumns.decode(row) { try $0.decode(String?.self) }
        }
        guard let lastText = clock.first else { throw StorageError(.corrupted, "the ledger clock row is missing") }
        let last = try lastText.map(LedgerColumns.timestamp)
        guard var excerpt = Ledger(excerpt: Array(locked.states.values), transfers: [], lastTimestamp: last) else {
            throw StorageError(.corrupted, "the stored ledger accounts do not form a ledger")
        }
        let now = LedgerTimestamp(billing.postedAt ?? Date(timeIntervalSince1970: 0))
        do {
            try excerpt.apply(opening: [], then: billing.transfers, now: now)
        } catch {
            throw StorageError(.conflict, "the ledger rejected the unit: \(error)")
        }
        for transfer in billing.transfers {
            guard let record = excerpt.transfer(transfer.id) else {
                throw StorageError(.other, "the ledger did not record transfer \(transfer.id)")
            }
            try await insert(record, on: connection)
        }
        for (id, _) in locked.states.sorted(by: { Self.lockOrder($0.key, $1.key) }) {
            let entries = excerpt.entries(of: id) ?? []
            guard let balance = entries.last?.balance else { continue }
            for entry in entries { try await insert(entry, of: id, on: connection) }
            try await execute(
                """
                UPDATE ledger_accounts SET
                    debits_pending = \(LedgerColumns.numeric(balance.debitsPending))::numeric,
                    debits_posted = \(LedgerColumns.numeric(balance.debitsPosted))::numeric,
                    credits_pending = \(LedgerColumns.numeric(balance.creditsPending))::numeric,
                    credits_posted = \(LedgerColumns.numeric(balance.creditsPosted))::numeric
                WHERE id = \(LedgerColumns.bits(id.rawValue))
                """, on: connection)
        }
        if let newest = excerpt.lastTimestamp {
            try await execute(
                "UPDATE ledger_clock SET last = \(LedgerColumns.numeric(newest.nanosecondsSinceEpoch))::numeric",
                on: connection)
        }
    }

    private func insert(_ record: TransferRecord, on connection: PostgresConnection) async throws {
        try await execute(
            """
            INSERT INTO ledger_transfers (id, debit_account, credit_account, amount, code, reference, timestamp, body)
            VALUES (
                \(LedgerColumns.bits(record.id.rawValue)), \(LedgerColumns.bits(record.debitAccount.rawValue)),
                \(LedgerColumns.bits(record.creditAccount.rawValue)), \(LedgerColumns.numeric(record.amount.minorUnits))::numeric,
                \(Int64(record.transfer.code)), \(LedgerColumns.bits(record.transfer.reference)),
                \(LedgerColumns.numeric(record.timestamp.nanosecondsSinceEpoch))::numeric,
                \(try RecordCoding.encode(record.transfer)))
            """, on: connection)
    }

    private func insert(_ entry: AccountEntry, of account: AccountID, on connection: PostgresConnection) async throws {
        let balance = entry.balance
        try await execute(
            """
            INSERT INTO ledger_entries (
                account_id, timestamp, transfer_id,
                debits_pending_after, debits_posted_after, credits_pending_after, credits_posted_after)
            VALUES (
                \(LedgerColumns.bits(account.rawValue)), \(LedgerColumns.numeric(entry.timestamp.nanosecondsSinceEpoch))::numeric,
                \(LedgerColumns.bits(entry.transfer.id.rawValue)),
                \(LedgerColumns.numeric(balance.debitsPending))::numeric, \(LedgerColumns.numeric(balance.debitsPosted))::numeric,
                \(LedgerColumns.numeric(balance.creditsPending))::numeric, \(LedgerColumns.numeric(balance.creditsPosted))::numeric)
            """, on: connection)
    }

    // MARK: Price list, specifications, notes

    /// Upserts price-list items and contract prices, writes specifications under their expected
    /// version (zero rows, or a taken ticket for a new one: `.conflict`), and adds transfer notes
    /// (the first note of a transfer stays).
    func writeBillingRecords(_ billing: BillingChanges, on connection: PostgresConnection) async throws {
        for item in billing.priceListItems {
            try await execute(
                """
                INSERT INTO price_list_items (id, body) VALUES (\(item.id.uuid), \(try RecordCoding.encode(item)))
                ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body
                """, on: connection)
        }
        for price in billing.contractPrices {
            try await execute(
                """
                INSERT INTO contract_prices (contract_id, item_id, body)
                VALUES (\(price.contractID.uuid), \(price.itemID.uuid), \(try RecordCoding.encode(price)))
                ON CONFLICT (contract_id, item_id) DO UPDATE SET body = EXCLUDED.body
                """, on: connection)
        }
        for write in billing.specifications.sorted(by: { $0.specification.ticketID < $1.specification.ticketID }) {
            try await writeSpecification(write, on: connection)
        }
        for note in billing.notes {
            try await execute(
                """
                INSERT INTO transfer_notes (transfer_id, body)
                VALUES (\(LedgerColumns.bits(note.transferID.rawValue)), \(try RecordCoding.encode(note)))
                ON CONFLICT (transfer_id) DO NOTHING
                """, on: connection)
        }
    }

    private func writeSpecification(_ write: SpecificationWrite, on connection: PostgresConnection) async throws {
        let specification = write.specification
        let id = specification.ticketID
        let body = try RecordCoding.encode(specification)
        let written: Int
        if let expected = write.expectedVersion {
            written = try await rowCount(
                """
                UPDATE specifications SET version = \(specification.version), body = \(body)
                WHERE ticket_id = \(id.uuid) AND version = \(expected) RETURNING 1
                """, on: connection)
        } else {
            written = try await rowCount(
                """
                INSERT INTO specifications (ticket_id, version, body) VALUES (\(id.uuid), \(specification.version), \(body))
                ON CONFLICT (ticket_id) DO NOTHING RETURNING 1
                """, on: connection)
        }
        guard written > 0 else {
            throw StorageError(
                .conflict,
                "specification of ticket \(id) is not at version \(write.expectedVersion.map(String.init) ?? "none")")
        }
    }
}
