extension SchemaMigrations {
    /// Version 3: billing — the price list, contract prices, specifications and the ledger.
    ///
    /// Ledger identifiers (accounts, transfers) and transfer references are `UInt64` values stored
    /// bit for bit in `bigint` (`Int64(bitPattern:)`, read back with `UInt64(bitPattern:)`): equality
    /// holds, but SQL orders identifiers above `Int64.max` as negative, so reads sort them in Swift.
    /// Quantities the database compares or orders — balances, amounts and ledger timestamps
    /// (nanoseconds since 1970) — are `numeric(20,0)` holding the exact unsigned value, travelling
    /// as decimal text. The desk posts only single-phase transfers, so the pending totals stay zero,
    /// but all four `Balance` fields are stored and read back. Every record keeps its JSON in `body`.
    static let version3 = Migration(
        version: 3, name: "price list, specifications and the ledger",
        statements: [
            "CREATE TABLE price_list_items (id uuid PRIMARY KEY, body bytea NOT NULL)",
            """
            CREATE TABLE contract_prices (
                contract_id uuid NOT NULL,
                item_id uuid NOT NULL,
                body bytea NOT NULL,
                PRIMARY KEY (contract_id, item_id)
            )
            """,
            """
            CREATE TABLE specifications (
                ticket_id uuid PRIMARY KEY,
                version bigint NOT NULL,
                body bytea NOT NULL
            )
            """,
            """
            CREATE DOMAIN ledger_u64 AS numeric(20, 0)
                CHECK (VALUE >= 0 AND VALUE <= 18446744073709551615)
            """,
            // One row per opened account: the current totals, updated under the row's lock.
            """
            CREATE TABLE ledger_accounts (
                id bigint PRIMARY KEY,
                unit text COLLATE "C" NOT NULL,
                company_id uuid,
                debits_pending ledger_u64 NOT NULL DEFAULT 0,
                debits_posted ledger_u64 NOT NULL DEFAULT 0,
                credits_pending ledger_u64 NOT NULL DEFAULT 0,
                credits_posted ledger_u64 NOT NULL DEFAULT 0,
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX ledger_accounts_company ON ledger_accounts (company_id)",
            """
            CREATE TABLE ledger_transfers (
                id bigint PRIMARY KEY,
                debit_account bigint NOT NULL REFERENCES ledger_accounts (id),
                credit_account bigint NOT NULL REFERENCES ledger_accounts (id),
                amount ledger_u64 NOT NULL,
                code bigint NOT NULL,
                reference bigint NOT NULL,
                timestamp ledger_u64 NOT NULL UNIQUE,
                body bytea NOT NULL
            )
            """,
            // Each balance change of an account with the totals right after it, for statements.
            """
            CREATE TABLE ledger_entries (
                account_id bigint NOT NULL REFERENCES ledger_accounts (id),
                timestamp ledger_u64 NOT NULL,
                transfer_id bigint NOT NULL REFERENCES ledger_transfers (id),
                debits_pending_after ledger_u64 NOT NULL,
                debits_posted_after ledger_u64 NOT NULL,
                credits_pending_after ledger_u64 NOT NULL,
                credits_posted_after ledger_u64 NOT NULL,
                PRIMARY KEY (account_id, timestamp)
            )
            """,
            "CREATE TABLE transfer_notes (transfer_id bigint PRIMARY KEY, body bytea NOT NULL)",
            // One row: the last ledger timestamp (NULL before the first transfer), locked by every
            // unit that records transfers, so timestamps are assigned in commit order.
            """
            CREATE TABLE ledger_clock (
                only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                last ledger_u64
            )
            """,
            "INSERT INTO ledger_clock (last) VALUES (NULL)",
        ])
}
