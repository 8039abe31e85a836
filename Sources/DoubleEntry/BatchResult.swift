/// The outcome of a committed transfer batch, one entry per submitted transfer, in order.
public struct BatchResult: Hashable, Sendable {
    /// Per transfer: created now, or already present with equal fields.
    public var outcomes: [TransferOutcome]
    /// How many transfers this batch created (the rest already existed).
    public var createdCount: Int

    /// Creates a result.
    public init(outcomes: [TransferOutcome], createdCount: Int) {
        self.outcomes = outcomes
        self.createdCount = createdCount
    }
}

/// What happened to one transfer of a committed batch.
public enum TransferOutcome: Hashable, Sendable {
    /// The transfer was applied with this ledger timestamp.
    case created(LedgerTimestamp)
    /// An equal transfer already existed (applied at this timestamp); nothing was applied again.
    case alreadyExists(LedgerTimestamp)

    /// The transfer's ledger timestamp, either way.
    public var timestamp: LedgerTimestamp {
        switch self {
        case .created(let t), .alreadyExists(let t): t
        }
    }
}

/// What happened to one account of a committed creation batch.
public enum AccountOutcome: Hashable, Sendable {
    /// The account was created.
    case created
    /// An equal account already existed; nothing changed.
    case alreadyExists
}
