import DoubleEntry
import Foundation
import HelpDeskKit
import PostgresNIO

/// How ledger values travel to and from their columns (see ``SchemaMigrations/version3``).
///
/// Identifiers and references are `bigint` bit patterns of their `UInt64`; balances, amounts and
/// timestamps are `numeric(20,0)` selected as text (`::text`) and bound as text cast `::numeric`,
/// so every `UInt64` round-trips exactly.
enum LedgerColumns {
    /// The columns of a transfer row, in the order ``record(from:)`` reads them.
    static let transfer = "t.debit_account, t.credit_account, t.amount::text, t.timestamp::text, t.body"

    /// The columns of an account row, in the order ``state(from:)`` reads them.
    static let account =
        "a.debits_pending::text, a.debits_posted::text, a.credits_pending::text, a.credits_posted::text, a.body"

    /// `value`'s 64 bits as a signed `bigint`.
    static func bits(_ value: UInt64) -> Int64 { Int64(bitPattern: value) }

    /// The `bigint` parameters of `ids`.
    static func bits<Kind>(_ ids: [LedgerID<Kind>]) -> [Int64] { ids.map { bits($0.rawValue) } }

    /// `value` as the text of a `numeric` parameter.
    static func numeric(_ value: UInt64) -> String { String(value) }

    /// A `numeric` column read as text; anything but a `UInt64` is `.corrupted`.
    static func unsigned(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else {
            throw StorageError(.corrupted, "a stored ledger quantity is not an unsigned 64-bit value: \(text)")
        }
        return value
    }

    /// A ledger timestamp read from a `numeric` column's text.
    static func timestamp(_ text: String) throws -> LedgerTimestamp {
        LedgerTimestamp(nanosecondsSinceEpoch: try unsigned(text))
    }

    /// The columns of `row` as `type`; a failure is `.corrupted`.
    static func decode<Columns>(_ row: PostgresRow, _ decode: (PostgresRow) throws -> Columns) throws -> Columns {
        do {
            return try decode(row)
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.corrupted, "a stored ledger row does not decode: \(error)")
        }
    }

    /// The four totals from their columns' text.
    static func balance(
        _ debitsPending: String, _ debitsPosted: String, _ creditsPending: String, _ creditsPosted: String
    )
        throws -> Balance
    {
        Balance(
            debitsPending: try unsigned(debitsPending), debitsPosted: try unsigned(debitsPosted),
            creditsPending: try unsigned(creditsPending), creditsPosted: try unsigned(creditsPosted))
    }

    /// The transfer record in `row`, whose first columns are ``transfer``.
    static func record(from row: PostgresRow) throws -> TransferRecord {
        let (debit, credit, amount, instant, body) = try decode(row) {
            try $0.decode((Int64, Int64, String, String, Data).self)
        }
        return TransferRecord(
            restoring: try RecordCoding.decode(Transfer.self, from: body),
            debitAccount: AccountID(UInt64(bitPattern: debit)), creditAccount: AccountID(UInt64(bitPattern: credit)),
            amount: Amount(try unsigned(amount)), timestamp: try timestamp(instant))
    }

    /// The account and its balance in `row`, whose columns are ``account``.
    static func state(from row: PostgresRow) throws -> (account: BillingAccount, balance: Balance) {
        let (debitsPending, debitsPosted, creditsPending, creditsPosted, body) = try decode(row) {
            try $0.decode((String, String, String, String, Data).self)
        }
        return (
            try RecordCoding.decode(BillingAccount.self, from: body),
            try balance(debitsPending, debitsPosted, creditsPending, creditsPosted)
        )
    }

    /// An entry of a statement: the totals after it (four text columns), then ``transfer``.
    static func entry(from row: PostgresRow) throws -> AccountEntry {
        let columns = try decode(row) {
            try $0.decode((String, String, String, String, Int64, Int64, String, String, Data).self)
        }
        let (debitsPending, debitsPosted, creditsPending, creditsPosted) = (columns.0, columns.1, columns.2, columns.3)
        let record = TransferRecord(
            restoring: try RecordCoding.decode(Transfer.self, from: columns.8),
            debitAccount: AccountID(UInt64(bitPattern: columns.4)),
            creditAccount: AccountID(UInt64(bitPattern: columns.5)), amount: Amount(try unsigned(columns.6)),
            timestamp: try timestamp(columns.7))
        return AccountEntry(
            restoring: record, balance: try balance(debitsPending, debitsPosted, creditsPending, creditsPosted))
    }
}
