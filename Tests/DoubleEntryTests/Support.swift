import DoubleEntry

/// A ledger instant `seconds` after the epoch.
func at(_ seconds: UInt64) -> LedgerTimestamp {
    LedgerTimestamp(nanosecondsSinceEpoch: seconds * 1_000_000_000)
}

/// The ledger error a throwing call raised, or `nil` when it succeeded.
///
/// (Closures infer untyped `throws`; the API itself is typed, so the cast always succeeds.)
func failure<R>(_ body: () throws -> R) -> LedgerError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? LedgerError
    }
}

/// The per-transfer reason of a batch failure, or `nil`.
func reason(_ error: LedgerError?) -> TransferFailure? {
    if case .transferFailed(_, _, let reason)? = error { reason } else { nil }
}

/// A ledger with RUB accounts 1 (unlimited source), 2 and 3 (wallets that must not go negative),
/// 4 (liability: credits must not exceed debits) and a points account 10.
func makeLedger() throws -> Ledger {
    var ledger = Ledger()
    try ledger.createAccounts([
        Account(id: 1, unit: "RUB", code: 1),
        Account(id: 2, unit: "RUB", code: 2, limit: .debitsMustNotExceedCredits),
        Account(id: 3, unit: "RUB", code: 2, limit: .debitsMustNotExceedCredits),
        Account(id: 4, unit: "RUB", code: 3, limit: .creditsMustNotExceedDebits),
        Account(id: 10, unit: "points", code: 4),
    ])
    return ledger
}
